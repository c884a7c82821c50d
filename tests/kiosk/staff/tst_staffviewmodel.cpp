// The staff screen's model and its background work: a view model deleted while its
// PIN check runs (the kiosk shutting down with the PIN pad open) drops the check's
// answer, and the check is not cut off: the wrong PIN it found still counts.
//
// Why the test looks at the gate rather than at Qt's assertion: the check's
// continuation is compiled into kiosk_core, without Qt's assertions in a release
// build, so the race of a continuation posted to a deleted view model (see
// workeranswer.h) cannot stop this test the way QT_FORCE_ASSERTS stops tst_viewmodels.
// What it holds instead is the rule that prevents the race: the work runs on the view
// model's own worker, which its destruction waits for, so the object its answer is
// posted to outlives the work. Work left running on a pool the view model does not own
// (the global pool, as before) is caught: the try is not yet on disk when it is gone.
#include "catalogservice.h"
#include "catalogsynccontroller.h"
#include "session.h"
#include "staffpin.h"
#include "staffpingate.h"
#include "staffviewmodel.h"

#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

using namespace kiosk;

namespace {
// A well-formed Argon2id hash of nothing anyone types, at ten times the kiosk's cost:
// every PIN is wrong, and checking one takes about a second.
const QString kSlowHash = QStringLiteral("$argon2id$v=19$m=65536,t=20,p=1$"
                                         "c2xvd3NhbHRzbG93c2FsdA$"
                                         "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
const QString kPin = QStringLiteral("2468013579");

qint64 now() { return QDateTime::currentSecsSinceEpoch(); }
} // namespace

class StaffViewModelTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Session m_session {Session::Timing {}};
    CatalogService m_catalog {nullptr};
    std::unique_ptr<CatalogSyncController> m_sync; // neither polling nor watching: not started

    QString gateFile(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void initTestCase()
    {
        CatalogSyncController::Settings s;
        s.sync.syncRoot = m_dir.filePath(QStringLiteral("sync"));
        m_sync = std::make_unique<CatalogSyncController>(s, &m_catalog, &m_session);
    }

    void answerForAGoneViewModelIsDropped()
    {
        const QString file = gateFile("gate-gone");
        {
            StaffPinGate gate(file, now());
            for (int i = 1; i < StaffPinGate::kWrongPinsPerRound; ++i)
                gate.recordWrong(now());
        }
        auto *staff = new StaffViewModel(m_sync.get(), &m_session, kSlowHash, file, 30, nullptr);
        staff->requestAccess();
        staff->submitPin(kPin); // the last try of the round
        QCOMPARE(staff->stage(), StaffViewModel::Stage::Checking);
        QElapsedTimer checking;
        checking.start();
        delete staff;
        // Read at once: only a check that ended before its view model did is on disk now.
        const bool countedWhenGone = StaffPinGate(file, now()).secondsLocked(now()) > 0;
        const qint64 goneAfterMs = checking.elapsed();
        // Let any check still running end and post its answer (a continuation handed
        // the gone view model would run, or assert, now).
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(100);
        QVERIFY2(countedWhenGone, qPrintable(QStringLiteral("gone after %1 ms, its check still running")
                                                 .arg(goneAfterMs)));
    }

    // Its answers still arrive for a view model that stays.
    void answerForAViewModelThatStaysArrives()
    {
        StaffViewModel staff(m_sync.get(), &m_session, config::hashPin(kPin), gateFile("gate-stays"),
                             30, nullptr);
        staff.requestAccess();
        staff.submitPin(kPin);
        QTRY_COMPARE_WITH_TIMEOUT(staff.stage(), StaffViewModel::Stage::Open, 5000);
        staff.close();
    }
};

QTEST_GUILESS_MAIN(StaffViewModelTest)
#include "tst_staffviewmodel.moc"
