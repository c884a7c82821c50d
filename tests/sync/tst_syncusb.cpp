// USB stick (local folder) import, the publishing tool, disk space, local state, and
// the SyncEngine's worker thread. Same verification as the network path.
#include "syncengine.h"
#include "synckiosk.h"
#include "syncstatus.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QtTest>

using namespace catalogsync;
using namespace synctest;
using Outcome = SyncReport::Outcome;

namespace {

const QString kTitle = QStringLiteral("最低生活保障申请");

// A stick pulled out while the kiosk reads it: its files vanish mid-import.
class PulledStick : public LocalMirror
{
public:
    PulledStick(const QString &dir, int pullAfterChunks) : LocalMirror(dir, QStringLiteral("USB stick"))
    {
        onBytes = [this, dir, pullAfterChunks](qint64) {
            if (++m_chunks == pullAfterChunks)
                QDir(dir).removeRecursively();
        };
    }

private:
    int m_chunks = 0;
};

int runTool(const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(CATALOG_PUBLISH_TOOL), args);
    p.waitForFinished(120000);
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class SyncUsbTest : public QObject
{
    Q_OBJECT
private slots:
    void importFromAStickAndRefuseAnOlderOne()
    {
        TestRepository repo;
        QCOMPARE(repo.create(), QString());
        QCOMPARE(repo.publish(1), QString());
        QTemporaryDir sticks;
        QVERIFY(repo.snapshot(sticks.filePath("v1")));
        TestKiosk kiosk;
        QCOMPARE(kiosk.trust(repo.rootFile()), QString());
        SyncReport r = kiosk.import(sticks.filePath("v1"));
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QCOMPARE(kiosk.title(), kTitle);

        QVERIFY(repo.editGuide(QStringLiteral("（U盘）")));
        QCOMPARE(repo.publish(2), QString());
        QVERIFY(repo.snapshot(sticks.filePath("v2")));
        r = kiosk.import(sticks.filePath("v2"));
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QCOMPARE(r.filesDownloaded, 1); // the stick too only gives what is new
        QCOMPARE(kiosk.version(), 2);

        // The old stick, still validly signed, is refused: versions only go up.
        r = kiosk.import(sticks.filePath("v1"));
        QVERIFY2(r.outcome == Outcome::Rejected && r.reason.contains("older catalog"), describe(r));
        QCOMPARE(kiosk.version(), 2);
        QCOMPARE(kiosk.title(), kTitle + QStringLiteral("（U盘）"));
    }

    void generationsInUseAreKept()
    {
        TestRepository repo;
        TestKiosk kiosk;
        IMPORT_V1(repo, kiosk);
        const QString openByUi = kiosk.catalog(); // a resident is still reading version 1
        const QString generations = kiosk.root() + "/generations";
        for (int v = 2; v <= 4; ++v) {
            QVERIFY(repo.editGuide(QString::number(v)));
            QCOMPARE(repo.publish(v), QString());
            CatalogUpdater updater(kiosk.root());
            updater.catalogInUse = openByUi;
            LocalMirror mirror(repo.repo());
            const SyncReport r = updater.update(mirror, QDateTime::currentDateTimeUtc());
            QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        }
        // Newest, the one before it, and the one still open — nothing else.
        QCOMPARE(QDir(generations).entryList(QDir::Dirs | QDir::NoDotAndDotDot), (QStringList{"m1", "m3", "m4"}));
        QCOMPARE(guideTitle(openByUi), kTitle);
        QCOMPARE(kiosk.title(), kTitle + "432");
    }

    void pullingTheStickLeavesTheKioskAsItWas()
    {
        TestRepository repo;
        TestKiosk kiosk;
        IMPORT_V1(repo, kiosk);
        for (int i = 0; i < 20; ++i)
            QVERIFY(testsupport::editFile(repo.sources() + QStringLiteral("/guides/g-dibao.md"),
                                          "title: 最低生活保障申请", "title: 最低生活保障申请！"));
        // Three changed files: the stick goes after the first of them has been read.
        QVERIFY(testsupport::editFile(repo.sources() + "/catalog.yaml", "version: 1", "version: 2"));
        QVERIFY(testsupport::editFile(repo.sources() + "/guides/g-birth-cert.md", "title: ", "title: 新"));
        QCOMPARE(repo.publish(2), QString());
        QTemporaryDir media;
        QVERIFY(repo.snapshot(media.filePath("stick")));

        PulledStick stick(media.filePath("stick"), 3); // timestamp, manifest, first file
        const SyncReport r = CatalogUpdater(kiosk.root()).update(stick, QDateTime::currentDateTimeUtc());
        QVERIFY2(r.outcome == Outcome::Failed, describe(r));
        QVERIFY2(r.reason.contains("stick"), describe(r));
        QCOMPARE(r.filesDownloaded, 1);
        QCOMPARE(kiosk.version(), 1);
        QCOMPARE(kiosk.title(), kTitle);
        QCOMPARE(integrityCheck(kiosk.catalog()), QStringLiteral("ok"));

        // Plugged in again (the full stick): the import completes.
        const SyncReport again = kiosk.import(repo.repo());
        QVERIFY2(again.outcome == Outcome::Updated, describe(again));
        QVERIFY(kiosk.title().endsWith(QStringLiteral("！！")));
    }

    void diskFullIsCaughtBeforeAnythingChanges()
    {
        TestRepository repo;
        TestKiosk kiosk;
        IMPORT_V1(repo, kiosk);
        QVERIFY(repo.editGuide(QStringLiteral("x")));
        QCOMPARE(repo.publish(2), QString());

        CatalogUpdater updater(kiosk.root());
        updater.reserveBytes = qint64(1) << 50; // no disk is this big: "full"
        LocalMirror mirror(repo.repo());
        const SyncReport r = updater.update(mirror, QDateTime::currentDateTimeUtc());
        QVERIFY2(r.outcome == Outcome::Failed && r.reason.contains("not enough free disk space"), describe(r));
        QCOMPARE(kiosk.version(), 1);
        QCOMPARE(QDir(kiosk.root() + "/generations").entryList(QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList{"m1"});
    }

    void localTrustProblemsStopSync()
    {
        TestRepository repo;
        QCOMPARE(repo.create(), QString());
        QCOMPARE(repo.publish(1), QString());
        TestKiosk fresh; // no keys pinned
        SyncReport r = fresh.import(repo.repo());
        QVERIFY2(r.outcome == Outcome::Failed && r.reason.contains("no trusted catalog keys"), describe(r));

        TestKiosk kiosk;
        QCOMPARE(kiosk.trust(repo.rootFile()), QString());
        QVERIFY(kiosk.import(repo.repo()).outcome == Outcome::Updated);
        // A damaged record of trusted versions must not silently reset to zero.
        QVERIFY(writeAll(kiosk.root() + "/trust/state.json", "{garbage"));
        r = kiosk.import(repo.repo());
        QVERIFY2(r.outcome == Outcome::Failed && r.reason.contains("damaged"), describe(r));
        QCOMPARE(kiosk.version(), 1);
        // A root file forged by someone else is not installed as trusted keys.
        TestRepository other;
        QCOMPARE(other.create(), QString());
        QByteArray forged = other.rootFile();
        forged.replace("\"version\":1", "\"version\":9");
        QVERIFY(!kiosk.trust(forged).isEmpty());
    }

    void publisherRefusesSourcesThatDoNotBuild()
    {
        TestRepository repo;
        QCOMPARE(repo.create(), QString());
        QCOMPARE(repo.publish(1), QString());
        const QByteArray timestamp = readAll(repo.repo() + "/timestamp.json");
        QVERIFY(testsupport::editFile(repo.sources() + "/guides/g-dibao.md", "kind: guide\n", "kind: guide\nstages: [no-such-stage]\n"));
        const QString e = repo.publish(2);
        QVERIFY2(e.contains("do not build"), qPrintable(e));
        QVERIFY(!QFileInfo::exists(repo.repo() + "/2.manifest.json"));
        QCOMPARE(readAll(repo.repo() + "/timestamp.json"), timestamp);
        QVERIFY(repo.publish(1).contains("not higher")); // and versions are never reused
    }

    void publishToolMakesAStickAKioskAccepts()
    {
        QTemporaryDir work;
        const auto path = [&](const QString &name) { return work.filePath(name); };
        QString out;
        for (const char *key : {"root", "root2", "timestamp", "manifest"})
            QCOMPARE(runTool({"keygen", path(key)}, &out), 0);
        QVERIFY(QFileInfo(path("root.key")).exists() && QFileInfo(path("root.pub")).exists());
        QCOMPARE(runTool({"rotate-root", path("repo"), "--root-pub", path("root.pub"), "--timestamp-pub",
                          path("timestamp.pub"), "--manifest-pub", path("manifest.pub"), "--sign-with",
                          path("root.key")}, &out), 0);
        QVERIFY(testsupport::copyTree(testsupport::demoSources(), path("src")));
        const QStringList signing{"--manifest-key", path("manifest.key"), "--timestamp-key", path("timestamp.key")};
        QCOMPARE(runTool(QStringList{"publish", path("src"), path("repo"), "--version", "1"} + signing, &out), 0);
        QVERIFY2(out.contains("published version 1"), qPrintable(out));

        TestKiosk kiosk;
        QCOMPARE(kiosk.trust(readAll(path("repo/root.json"))), QString());
        SyncReport r = kiosk.import(path("repo"));
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));

        // Rotation by the tool: signed by the current and the new root key.
        QCOMPARE(runTool({"rotate-root", path("repo"), "--root-pub", path("root2.pub"), "--timestamp-pub",
                          path("timestamp.pub"), "--manifest-pub", path("manifest.pub"), "--sign-with",
                          path("root.key"), "--sign-with", path("root2.key")}, &out), 0);
        QVERIFY(testsupport::editFile(path("src/guides/g-dibao.md"), "title: 最低生活保障申请", "title: 低保"));
        QCOMPARE(runTool(QStringList{"publish", path("src"), path("repo"), "--version", "2"} + signing, &out), 0);
        r = kiosk.import(path("repo"));
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QCOMPARE(kiosk.title(), QStringLiteral("低保"));
        QString why;
        QCOMPARE(TrustStore(kiosk.root()).root(&why)->version, 2);

        // A broken source tree is refused by the tool with the builder's reasons.
        QVERIFY(testsupport::editFile(path("src/guides/g-dibao.md"), "kind: guide", "kind: gide"));
        QCOMPARE(runTool(QStringList{"publish", path("src"), path("repo"), "--version", "3"} + signing, &out), 1);
        QVERIFY2(out.contains("g-dibao.md"), qPrintable(out));
    }

    void engineSyncsOnAWorkerThread()
    {
        TestRepository repo;
        QCOMPARE(repo.create(), QString());
        QCOMPARE(repo.publish(1), QString());
        QTemporaryDir root;
        QCOMPARE(TrustStore(root.path()).installRoot(repo.rootFile()), QString());
        SyncEngine engine({root.path(), {}, {}, 3600, 21600});
        QThread *progressThread = nullptr;
        connect(&engine, &SyncEngine::progressChanged, this,
                [&](const SyncProgress &) { progressThread = QThread::currentThread(); }, Qt::DirectConnection);
        QSignalSpy finished(&engine, &SyncEngine::syncFinished);
        QSignalSpy updated(&engine, &SyncEngine::catalogUpdated);

        QVERIFY(!engine.syncNow()); // no URL configured: USB only
        QVERIFY(engine.importFrom(repo.repo(), QStringLiteral("USB stick")));
        QVERIFY(engine.isRunning());
        QVERIFY(!engine.importFrom(repo.repo(), QStringLiteral("USB stick"))); // one at a time
        QVERIFY(finished.wait(120000));
        QVERIFY(progressThread != nullptr);
        QVERIFY(progressThread != QThread::currentThread());
        QCOMPARE(updated.size(), 1);
        const auto report = finished.first().first().value<SyncReport>();
        QVERIFY2(report.outcome == Outcome::Updated, describe(report));
        QCOMPARE(updated.first().first().toString(), report.catalogPath);

        const SyncStatusSnapshot status = readSyncStatus(root.path(), QDateTime::currentDateTimeUtc(), 0);
        QCOMPARE(status.catalogVersion, 1);
        QVERIFY(status.catalogSince.isValid());
        QVERIFY(status.lastSuccess.isValid());
        QVERIFY(status.lastError.isEmpty());
        QVERIFY(!engine.isRunning());
    }
};

QTEST_GUILESS_MAIN(SyncUsbTest)
#include "tst_syncusb.moc"
