// The resident's print flow on a real Qt Quick scene (offscreen), printing through a
// private cupsd with a cups-pdf queue: the print button on a guide, the on-screen
// preview painted by the print renderer, 正在打印… → 已完成 with the PDF read back,
// the per-session page limit from kiosk.conf, and a stopped queue in plain words.
// Screenshots go to build/test-output/screens/print/.
#include "cupsfixture.h"
#include "kioskapp.h"
#include "localization.h"
#include "navigator.h"
#include "pdftools.h"
#include "printcontroller.h"
#include "session.h"
#include "testsupport.h"

#include <QAccessible>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(Kiosk_CorePlugin)
Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

class PrintFlowTest : public QObject
{
    Q_OBJECT
    CupsFixture m_cups;
    QTemporaryDir m_dir;
    std::unique_ptr<KioskApp> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QPointingDevice *m_touch = nullptr;

    static QQuickItem *findIn(QQuickItem *root, const QString &name)
    {
        if (root->objectName() == name && root->isVisible())
            return root;
        for (QQuickItem *child : root->childItems())
            if (QQuickItem *hit = findIn(child, name))
                return hit;
        return nullptr;
    }
    QQuickItem *find(const QString &name) { return findIn(m_window->contentItem(), name); }

    void tap(const QString &name)
    {
        QQuickItem *item = find(name);
        QVERIFY2(item, qPrintable("no visible item named " + name));
        QVERIFY2(item->isEnabled(), qPrintable(name + " is disabled"));
        const QPoint c = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
        QVERIFY2(m_window->contentItem()->contains(c), qPrintable(name + " is off screen"));
        QTest::touchEvent(m_window, m_touch).press(0, c, m_window);
        QTest::touchEvent(m_window, m_touch).release(0, c, m_window);
    }

    void open(const QString &kind, const QString &id)
    {
        Navigator::instance()->openItem(kind, id);
        QTRY_COMPARE_WITH_TIMEOUT(Navigator::instance()->screen(), kind, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->property("contentReady").toBool(), 10000);
        QTest::qWait(50);
    }

    void shoot(const QString &name)
    {
        const QString dir = testsupport::outputDirectory() + "/screens/print";
        QDir().mkpath(dir);
        QVERIFY(m_window->grabWindow().save(dir + '/' + name + ".png"));
    }

    // Every visible control of the print flow has an accessible name and role.
    void checkAccessible(const QString &name, QAccessible::Role role, bool control = true)
    {
        QQuickItem *item = find(name);
        QVERIFY2(item, qPrintable(name));
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(item);
        QVERIFY2(a, qPrintable(name + " has no accessible interface"));
        QCOMPARE(a->role(), role);
        QVERIFY2(!a->text(QAccessible::Name).isEmpty(), qPrintable(name + " has no name"));
        if (control)
            QVERIFY2(item->height() >= 64, qPrintable(name + " is too small to touch"));
    }

    QString textOfMessage()
    {
        QQuickItem *m = find(QStringLiteral("printMessage"));
        return m ? m->property("text").toString() : QString();
    }

    QString say(const QString &key) { return m_app->localization()->text(key); }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the cups-pdf backend runs only as root (CI runs as root)");
        m_touch = QTest::createTouchDevice();
        QVERIFY2(m_cups.start(QStringLiteral("KioskPDF")), qPrintable(m_cups.error()));
        // The kiosk reaches CUPS the libcups way: CUPS_SERVER names our scheduler.
        qputenv("CUPS_SERVER", m_cups.server().toUtf8());
        const QString conf = m_dir.filePath(QStringLiteral("kiosk.conf"));
        QVERIFY(testsupport::writeFile(
            conf, QStringLiteral("[print]\ndocument_queue = KioskPDF\nmax_pages_per_session = 6\n"
                                 "max_pages_per_document = 5\n"
                                 "item_link = https://gk.example.gov.cn/item/%1\n")));
        m_app = std::make_unique<KioskApp>(
            KioskApp::Options{conf, testsupport::demoCatalog(), QStringLiteral("portrait")});
        QVERIFY(m_app->settingsIssues().isEmpty());
        m_engine = std::make_unique<QQmlApplicationEngine>();
        QVERIFY(m_app->start(*m_engine));
        m_window = m_app->window();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->property("contentReady").toBool(), 10000);
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_app.reset();
        m_cups.stop();
    }

    void guidePrintsFromPreview()
    {
        PrintController *printing = m_app->printing();
        open(QStringLiteral("guide"), QStringLiteral("g-birth-cert"));
        checkAccessible(QStringLiteral("printButton"), QAccessible::Button);
        QVERIFY(!find(QStringLiteral("printSheet")));
        shoot(QStringLiteral("01-guide-with-print-button"));

        tap(QStringLiteral("printButton"));
        QTRY_COMPARE_WITH_TIMEOUT(printing->state(), QStringLiteral("preview"), 10000);
        QVERIFY(find(QStringLiteral("printSheet")));
        const int pages = printing->previewPages();
        QVERIFY(pages >= 2 && pages <= 6);
        QCOMPARE(printing->message(), say("print.pages").arg(pages));
        checkAccessible(QStringLiteral("printConfirmButton"), QAccessible::Button);
        checkAccessible(QStringLiteral("printCloseButton"), QAccessible::Button);
        // The preview pages are real pages: wait until the first has loaded with ink.
        QQuickItem *list = find(QStringLiteral("printPreviewPages"));
        QVERIFY(list);
        QTRY_VERIFY_WITH_TIMEOUT(list->property("count").toInt() == pages, 5000);
        QTest::qWait(1500); // asynchronous page images
        const QImage shot = m_window->grabWindow();
        const QRectF r = list->mapRectToScene(QRectF(0, 0, list->width(), list->height()));
        const QImage area = shot.copy(r.toAlignedRect());
        int dark = 0;
        for (int y = 0; y < area.height(); y += 3)
            for (int x = 0; x < area.width(); x += 3)
                dark += qGray(area.pixel(x, y)) < 100;
        QVERIFY2(dark > 500, "the preview shows no printed content");
        shoot(QStringLiteral("02-preview"));

        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        QSignalSpy finished(printing, &PrintController::finished);
        tap(QStringLiteral("printConfirmButton"));
        QCOMPARE(printing->state(), QStringLiteral("printing"));
        QCOMPARE(printing->message(), say("print.printing"));
        shoot(QStringLiteral("03-printing"));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(printing->state(), QStringLiteral("done"));
        QCOMPARE(textOfMessage(), say("print.done"));
        QCOMPARE(printing->pagesPrinted(), pages);
        shoot(QStringLiteral("04-done"));

        // What came out of the printer is the guide, with every page.
        const QString pdf = m_cups.latestOutput(started);
        QVERIFY2(!pdf.isEmpty(), "cups-pdf wrote nothing");
        QCOMPARE(pdftools::pageCount(pdf), pages);
        QVERIFY(pdftools::compactText(pdf).contains(
            pdftools::compact(QStringLiteral("出生医学证明签发"))));
        QFile::remove(pdf);

        tap(QStringLiteral("printCloseButton"));
        QTRY_COMPARE(printing->state(), QStringLiteral("idle"));
        QVERIFY(!find(QStringLiteral("printSheet")));
    }

    void sessionPageLimitStopsTheNextDocument()
    {
        PrintController *printing = m_app->printing();
        const int used = printing->pagesPrinted();
        QVERIFY(used > 0);
        // The same guide again fits one document's limit but not what is left.
        open(QStringLiteral("guide"), QStringLiteral("g-birth-cert"));
        tap(QStringLiteral("printButton"));
        QTRY_COMPARE_WITH_TIMEOUT(printing->state(), QStringLiteral("preview"), 10000);
        const int pages = printing->previewPages();
        QVERIFY2(pages <= 5 && used + pages > 6, "the guide must exceed what is left of the limit");
        QVERIFY(!printing->canConfirm());
        QVERIFY(!find(QStringLiteral("printConfirmButton"))); // not offered
        QCOMPARE(textOfMessage(), say("print.problem.session_limit").arg(6).arg(used).arg(pages));
        // The words point at a QR code: it is there, leading to the same item.
        checkAccessible(QStringLiteral("printInsteadQr"), QAccessible::Graphic, false);
        QTest::qWait(1500); // asynchronous page images
        shoot(QStringLiteral("05-session-limit"));
        tap(QStringLiteral("printCloseButton"));
        QTRY_COMPARE(printing->state(), QStringLiteral("idle"));
    }

    void documentPageLimitOffersTheQrCode()
    {
        PrintController *printing = m_app->printing();
        open(QStringLiteral("policy"), QStringLiteral("p-dibao"));
        tap(QStringLiteral("printButton"));
        QTRY_COMPARE_WITH_TIMEOUT(printing->state(), QStringLiteral("preview"), 10000);
        const int pages = printing->previewPages();
        QVERIFY2(pages > 5, "the policy must be longer than max_pages_per_document");
        QVERIFY(!printing->canConfirm());
        QVERIFY(!find(QStringLiteral("printConfirmButton")));
        QCOMPARE(textOfMessage(), say("print.problem.too_long").arg(pages).arg(5));
        QVERIFY(find(QStringLiteral("printInsteadQr")));
        tap(QStringLiteral("printCloseButton"));
        QTRY_COMPARE(printing->state(), QStringLiteral("idle"));
    }

    void stoppedQueueShowsPlainWords()
    {
        PrintController *printing = m_app->printing();
        // A new resident: the page allowance starts again.
        Session::instance()->endNow();
        QTRY_COMPARE(printing->pagesPrinted(), 0);
        QVERIFY(m_cups.admin(QStringLiteral("cupsdisable"), {m_cups.queue()}));
        open(QStringLiteral("qa"), QStringLiteral("qa-001"));
        tap(QStringLiteral("printButton"));
        QTRY_COMPARE_WITH_TIMEOUT(printing->state(), QStringLiteral("preview"), 10000);
        QSignalSpy finished(printing, &PrintController::finished);
        tap(QStringLiteral("printConfirmButton"));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(printing->state(), QStringLiteral("problem"));
        const QString expected = say("print.failed").arg(say("print.problem.stopped"));
        QCOMPARE(textOfMessage(), expected);
        QVERIFY(expected.startsWith(QStringLiteral("出现问题")));
        checkAccessible(QStringLiteral("printMessage"), QAccessible::AlertMessage, false);
        QCOMPARE(printing->pagesPrinted(), 0); // nothing came out, nothing is counted
        shoot(QStringLiteral("06-problem"));
        QVERIFY(m_cups.admin(QStringLiteral("cupsenable"), {m_cups.queue()}));
        tap(QStringLiteral("printCloseButton"));
        QTRY_COMPARE(printing->state(), QStringLiteral("idle"));
    }

    // CUPS goes away while the kiosk runs: the resident is told, the kiosk goes on.
    void schedulerGoneShowsPlainWords()
    {
        PrintController *printing = m_app->printing();
        m_cups.stop();
        open(QStringLiteral("interpretation"), QStringLiteral("i-p-dibao"));
        tap(QStringLiteral("printButton"));
        QTRY_COMPARE_WITH_TIMEOUT(printing->state(), QStringLiteral("preview"), 10000);
        QSignalSpy finished(printing, &PrintController::finished);
        tap(QStringLiteral("printConfirmButton"));
        QVERIFY(finished.wait(30000));
        QCOMPARE(printing->state(), QStringLiteral("problem"));
        QCOMPARE(textOfMessage(), say("print.failed").arg(say("print.problem.no_service")));
        tap(QStringLiteral("printCloseButton"));
        QTRY_COMPARE(printing->state(), QStringLiteral("idle"));
        // Still serving: the screen answers navigation.
        open(QStringLiteral("guide"), QStringLiteral("g-birth-cert"));
    }
};

QTEST_MAIN(PrintFlowTest)
#include "tst_printflow.moc"
