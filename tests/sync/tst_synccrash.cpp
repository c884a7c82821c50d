// Crash injection: a catalog-sync process applying version 2 over version 1 is killed
// (SIGKILL, as a power cut would stop it) at random moments, 200 times. After each
// kill the kiosk's catalog must open as exactly version 1 or exactly version 2 and
// pass SQLite's integrity check; and a later sync must still complete.
#include "synckiosk.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>

using namespace catalogsync;
using namespace synctest;

namespace {

const QString kOld = QStringLiteral("最低生活保障申请");
const QString kNew = QStringLiteral("最低生活保障申请（新）");

QProcess *startSync(const QString &root, const QString &repo)
{
    auto *p = new QProcess;
    // Its outcome is checked through the exit status and the files it leaves.
    p->setStandardOutputFile(QProcess::nullDevice());
    p->setStandardErrorFile(QProcess::nullDevice());
    p->start(QStringLiteral(CATALOG_SYNC_TOOL), {root, "--dir", repo});
    return p;
}

} // namespace

class SyncCrashTest : public QObject
{
    Q_OBJECT
private slots:
    void killedAtRandomPointsLeavesOldOrNew()
    {
        TestRepository repo;
        QCOMPARE(repo.create(), QString());
        QCOMPARE(repo.publish(1), QString());
        TestKiosk pristine; // synced to version 1; copied afresh for every run
        QCOMPARE(pristine.trust(repo.rootFile()), QString());
        QVERIFY(pristine.import(repo.repo()).outcome == SyncReport::Outcome::Updated);
        QVERIFY(repo.editGuide(QStringLiteral("（新）")));
        QCOMPARE(repo.publish(2), QString());

        QTemporaryDir work;
        const QString root = work.filePath("kiosk");
        // One uninterrupted run tells how long an update takes here.
        QVERIFY(copyPreserving(pristine.root(), root));
        QElapsedTimer timer;
        timer.start();
        std::unique_ptr<QProcess> p(startSync(root, repo.repo()));
        QVERIFY(p->waitForFinished(120000));
        QCOMPARE(p->exitCode(), 0);
        const int fullRunMs = int(timer.elapsed());
        QCOMPARE(guideTitle(CatalogUpdater(root).currentCatalog()), kNew);

        const int runs = 200;
        int killed = 0, sawOld = 0, sawNew = 0;
        auto *rng = QRandomGenerator::global();
        for (int i = 0; i < runs; ++i) {
            QVERIFY(QDir(root).removeRecursively());
            QVERIFY(copyPreserving(pristine.root(), root));
            const int killAfterMs = rng->bounded(fullRunMs + 50);
            p.reset(startSync(root, repo.repo()));
            QVERIFY(p->waitForStarted(10000));
            if (!p->waitForFinished(killAfterMs)) {
                p->kill();
                QVERIFY(p->waitForFinished(10000));
                ++killed;
            }
            const QString catalog = CatalogUpdater(root).currentCatalog();
            const QString title = guideTitle(catalog);
            QVERIFY2(title == kOld || title == kNew,
                     qPrintable(QStringLiteral("run %1 killed at %2 ms: %3").arg(i).arg(killAfterMs).arg(title)));
            QCOMPARE(integrityCheck(catalog), QStringLiteral("ok"));
            // The version the kiosk reports is the one it shows.
            QCOMPARE(CatalogUpdater(root).currentVersion(), title == kNew ? 2 : 1);
            (title == kNew ? sawNew : sawOld) += 1;

            if (i % 20 == 0) { // whatever was left behind, the next sync completes
                p.reset(startSync(root, repo.repo()));
                QVERIFY(p->waitForFinished(120000));
                QCOMPARE(p->exitCode(), 0);
                QCOMPARE(guideTitle(CatalogUpdater(root).currentCatalog()), kNew);
                QCOMPARE(integrityCheck(CatalogUpdater(root).currentCatalog()), QStringLiteral("ok"));
            }
        }
        qInfo("%d runs, %d killed mid-update (full run %d ms): %d left old, %d left new", runs, killed,
              fullRunMs, sawOld, sawNew);
        // The test proves nothing unless most runs really were interrupted.
        QVERIFY2(killed >= runs / 2, qPrintable(QString::number(killed)));
        QVERIFY(sawOld > 0);
    }
};

QTEST_GUILESS_MAIN(SyncCrashTest)
#include "tst_synccrash.moc"
