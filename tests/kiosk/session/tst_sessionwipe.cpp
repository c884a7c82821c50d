// The end of a session is one event that every session-scoped service handles itself:
// on the running kiosk, every service enrolled with the Session holds something of a
// resident's visit (put there through its own interface, as a resident would), and
// after the session ends not one of them holds anything. A service that enrols but
// does not forget fails here; so does one this test does not know how to fill (add it
// to visitFor() below), so that no session-scoped service goes untested.
#include "accessibilitysettings.h"
#include "idcardholder.h"
#include "kioskscene.h"
#include "localization.h"
#include "navigator.h"
#include "printcontroller.h"
#include "scanrouter.h"
#include "session.h"
#include "sessionscoped.h"
#include "speechqueue.h"
#include "spokenvisit.h"
#include "staffpin.h"
#include "staffviewmodel.h"
#include "testsupport.h"

#include <QtTest>

using namespace kiosk;

class SessionWipeTest : public QObject
{
    Q_OBJECT
    KioskScene m_scene;
    QTemporaryDir m_dir;

    // Fills one service with a visit, through what a resident (or staff member) does.
    // False when the test does not know the service.
    bool visitFor(SessionScoped *service)
    {
        KioskApp *app = m_scene.app();
        if (service == static_cast<SessionScoped *>(app->navigator()))
            return app->navigator()->openItem(QStringLiteral("guide"), QStringLiteral("g-dibao")), true;
        if (service == static_cast<SessionScoped *>(app->localization()))
            return app->localization()->setLanguage(QStringLiteral("en")), true;
        if (service == static_cast<SessionScoped *>(app->accessibility()))
            return app->accessibility()->setElderlyMode(true), app->accessibility()->setHighContrast(true), true;
        if (service == static_cast<SessionScoped *>(app->printing()))
            return app->printing()->preview(QStringLiteral("guide"), QStringLiteral("g-dibao")), true;
        if (service == static_cast<SessionScoped *>(app->scanRouter()))
            return app->scanRouter()->handleScan(QStringLiteral("13812345678")), true; // a phone number: a notice
        if (service == static_cast<SessionScoped *>(app->idCard())) {
            device::IdCard card;
            card.name = device::CardText(u"测试");
            card.idNumber = device::CardText(u"11010519491231002X");
            app->idCard()->accept(card);
            return true;
        }
        if (auto *spoken = dynamic_cast<SpokenVisit *>(service)) {
            spoken->speech()->setVolumeStep(4); // a resident turned it up
            spoken->speech()->say(QStringLiteral("您好"), SpeechLanguage::Chinese);
            return true;
        }
        if (service == static_cast<SessionScoped *>(app->staff()))
            return app->staff()->requestAccess(), true; // the PIN prompt is open
        return false;
    }

private slots:
    void initTestCase()
    {
        // A staff PIN, so that the staff screen can be asked for; the kiosk's own
        // storage in this test's folder.
        const QString conf = m_dir.filePath("kiosk.conf");
        QVERIFY(testsupport::writeFile(conf, QStringLiteral("[staff]\npin_hash = \"%1\"\n"
                                                           "[storage]\nlocal_database = %2\n")
                                                .arg(config::hashPin(QStringLiteral("2468013579")),
                                                     m_dir.filePath("kiosk-local.db"))));
        QVERIFY(m_scene.start(conf));
    }

    void everySessionScopedServiceForgetsTheVisit()
    {
        Session *session = m_scene.app()->session();
        const QList<SessionScoped *> services = session->enrolled();
        QVERIFY2(services.size() >= 7, qPrintable(QString::number(services.size())));
        session->touch(); // a resident is here
        for (SessionScoped *service : services) {
            QVERIFY2(visitFor(service), service->visitData());
            QTRY_VERIFY2_WITH_TIMEOUT(service->holdsVisitData(), service->visitData(), 10000);
        }

        session->endNow();
        for (SessionScoped *service : services)
            QVERIFY2(!service->holdsVisitData(), service->visitData());
        QCOMPARE(m_scene.app()->navigator()->screen(), QStringLiteral("home"));
        QVERIFY(!session->active());
    }
};

QTEST_MAIN(SessionWipeTest)
#include "tst_sessionwipe.moc"
