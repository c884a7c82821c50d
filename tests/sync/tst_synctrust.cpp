// Trust over time, attacked as an adversary would: a timestamp key leaks and signs a
// version near 2^52 (fast-forward), both online keys leak and a forged catalog is
// installed; the publisher recovers every kiosk by rotating keys (through the
// repository or by a technician's --install-root). A fresh timestamp does not hide an
// expired catalog list; a lost state file does not let an older catalog in; the
// publisher refuses to report success for a version no kiosk would install; a disk
// that cannot fsync fails the apply.
#include "repositorypublisher.h"
#include "synckiosk.h"
#include "testsupport.h"
#include "truststore.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QtTest>

using namespace catalogsync;
using namespace synctest;
using Outcome = SyncReport::Outcome;

namespace {

constexpr qint64 kFastForward = qint64(1) << 52;

// What a thief holding the timestamp key can sign: any version, naming the real manifest.
QByteArray forgedTimestamp(const QString &repo, qint64 manifestVersion, const SigningKey &leaked)
{
    const QByteArray manifest = readAll(repo + QStringLiteral("/%1.manifest.json").arg(manifestVersion));
    TimestampMetadata ts;
    ts.version = kFastForward;
    ts.expires = QDateTime::currentDateTimeUtc().addDays(7);
    ts.manifestVersion = manifestVersion;
    ts.manifest = {sha256Hex(manifest), manifest.size()};
    return makeEnvelope(ts.toJson(), {leaked});
}

// The publisher replaces the leaked online keys: root version 2, signed by its
// (offline, unchanged) root key.
QString rotateOnlineKeys(TestRepository &repo, bool timestamp, bool manifest)
{
    if (timestamp)
        repo.timestampKey = SigningKey::generate();
    if (manifest)
        repo.manifestKey = SigningKey::generate();
    RootPolicy policy;
    policy.rootKeys = {repo.rootKey.publicKey};
    policy.timestampKeys = {repo.timestampKey.publicKey};
    policy.manifestKeys = {repo.manifestKey.publicKey};
    policy.expires = QDateTime::currentDateTimeUtc().addDays(365);
    return RepositoryPublisher(repo.repo()).writeRoot(policy, {repo.rootKey});
}

TrustedState stateOf(const TestKiosk &kiosk)
{
    QString why;
    const auto s = TrustStore(kiosk.root()).state(&why);
    return s ? *s : TrustedState{};
}

int runTool(const QString &tool, const QStringList &args, const QString &workDir, QString *output,
            const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(workDir);
    p.setProcessEnvironment(env);
    p.start(tool, args);
    p.waitForFinished(180000);
    *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class SyncTrustTest : public QObject
{
    Q_OBJECT
private slots:
    // A leaked timestamp key signs version 2^52: the kiosk stores it, and every
    // honest catalog afterwards looks "older". Rotating the timestamp key recovers it,
    // through the repository (2.root.json) or a technician's --install-root.
    void fastForwardedTimestampRecoversByRotation_data()
    {
        QTest::addColumn<bool>("byInstallRoot");
        QTest::newRow("rotation through the repository") << false;
        QTest::newRow("technician installs the new root") << true;
    }
    void fastForwardedTimestampRecoversByRotation()
    {
        QFETCH(bool, byInstallRoot);
        TestRepository repo;
        TestKiosk kiosk;
        IMPORT_V1(repo, kiosk);

        QTemporaryDir evil;
        QVERIFY(repo.snapshot(evil.filePath("stick")));
        QVERIFY(writeAll(evil.filePath("stick/timestamp.json"), forgedTimestamp(repo.repo(), 1, repo.timestampKey)));
        SyncReport r = kiosk.import(evil.filePath("stick"));
        QVERIFY2(r.succeeded(), describe(r)); // validly signed: the kiosk cannot tell
        QCOMPARE(stateOf(kiosk).timestampVersion, kFastForward);

        QVERIFY(repo.editGuide(QStringLiteral("（二）")));
        QCOMPARE(repo.publish(2), QString());
        r = kiosk.import(repo.repo());
        QVERIFY2(r.outcome == Outcome::Rejected && r.reason.contains("older"), describe(r)); // locked out

        QCOMPARE(rotateOnlineKeys(repo, true, false), QString());
        QVERIFY(repo.editGuide(QStringLiteral("（三）")));
        QCOMPARE(repo.publish(3), QString());
        if (byInstallRoot) {
            QTemporaryDir noChain; // a mirror without 2.root.json: only the technician's root
            QVERIFY(repo.snapshot(noChain.filePath("repo")));
            QVERIFY(QFile::remove(noChain.filePath("repo/2.root.json")));
            QCOMPARE(kiosk.trust(repo.rootFile(2)), QString());
            r = kiosk.import(noChain.filePath("repo"));
        } else {
            r = kiosk.import(repo.repo());
        }
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QCOMPARE(kiosk.version(), 3);
        QVERIFY(kiosk.title().contains(QStringLiteral("（三）")));
        QVERIFY(stateOf(kiosk).timestampVersion < kFastForward);

        // The thief's timestamp, signed with the revoked key, is now refused.
        r = kiosk.import(evil.filePath("stick"));
        QVERIFY2(r.outcome == Outcome::Rejected, describe(r));
        QCOMPARE(kiosk.version(), 3);
    }

    // Both online keys leak and a forged catalog at 2^52 is installed. Rotating both
    // keys recovers the kiosk: the catalog it serves is signed with a revoked key, so
    // its version is no floor.
    void forgedCatalogIsReplacedAfterRotatingBothKeys()
    {
        TestRepository repo;
        TestKiosk kiosk;
        IMPORT_V1(repo, kiosk);

        QTemporaryDir evil;
        QVERIFY(repo.snapshot(evil.filePath("repo")));
        QVERIFY(testsupport::copyTree(repo.sources(), evil.filePath("src")));
        QVERIFY(testsupport::editFile(evil.filePath("src/guides/g-dibao.md"), "title: 最低生活保障申请",
                                      "title: 最低生活保障申请（伪造）"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(RepositoryPublisher(evil.filePath("repo"))
                     .publish(evil.filePath("src"), kFastForward, now.addDays(90), now.addDays(7), {repo.manifestKey},
                              {repo.timestampKey}),
                 QString());
        SyncReport r = kiosk.import(evil.filePath("repo"));
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QCOMPARE(kiosk.version(), kFastForward);

        QCOMPARE(rotateOnlineKeys(repo, true, true), QString());
        QVERIFY(repo.editGuide(QStringLiteral("（正版）")));
        QCOMPARE(repo.publish(2), QString());
        r = kiosk.import(repo.repo());
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QCOMPARE(kiosk.version(), 2);
        QCOMPARE(kiosk.title(), kDibaoTitle + QStringLiteral("（正版）"));
        r = kiosk.import(evil.filePath("repo"));
        QVERIFY2(r.outcome == Outcome::Rejected, describe(r));
        QCOMPARE(kiosk.version(), 2);
    }

    // A fresh timestamp over an expired catalog list: the holder of the timestamp key
    // alone must not be able to present a stale catalog as "up to date".
    void expiredManifestUnderAFreshTimestampIsReported()
    {
        TestRepository repo;
        QCOMPARE(repo.create(), QString());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        RepositoryPublisher publisher(repo.repo());
        QCOMPARE(publisher.publish(repo.sources(), 1, now.addDays(5), now.addDays(7), {repo.manifestKey},
                                   {repo.timestampKey}),
                 QString());
        TestKiosk kiosk;
        QCOMPARE(kiosk.trust(repo.rootFile()), QString());
        QVERIFY(kiosk.import(repo.repo()).outcome == Outcome::Updated);
        QVERIFY(kiosk.import(repo.repo(), now.addDays(1)).outcome == Outcome::UpToDate);

        QCOMPARE(publisher.renewTimestamp(now.addDays(30), {repo.timestampKey}), QString());
        const SyncReport r = kiosk.import(repo.repo(), now.addDays(10));
        QVERIFY2(r.outcome == Outcome::Expired, describe(r));
        QCOMPARE(r.problem, QStringLiteral("expired"));
        QVERIFY2(r.reason.contains("catalog list version 1 in use expired"), describe(r));
        QCOMPARE(stateOf(kiosk).lastProblem, QStringLiteral("expired"));
        QCOMPARE(kiosk.version(), 1); // still serving
    }

    // The state file is lost (a technician's mistake, a damaged disk): the version of
    // the catalog being served still stops an older one.
    void lostStateFileKeepsTheServedVersionAsAFloor()
    {
        TestRepository repo;
        QCOMPARE(repo.create(), QString());
        QCOMPARE(repo.publish(1), QString());
        QTemporaryDir sticks;
        QVERIFY(repo.snapshot(sticks.filePath("v1")));
        QVERIFY(repo.editGuide(QStringLiteral("（二）")));
        QCOMPARE(repo.publish(2), QString());
        TestKiosk kiosk;
        QCOMPARE(kiosk.trust(repo.rootFile()), QString());
        QVERIFY(kiosk.import(repo.repo()).outcome == Outcome::Updated);
        QCOMPARE(kiosk.version(), 2);

        QVERIFY(QFile::remove(kiosk.root() + "/trust/state.json"));
        const SyncReport r = kiosk.import(sticks.filePath("v1"));
        QVERIFY2(r.outcome == Outcome::Rejected && r.reason.contains("older"), describe(r));
        QCOMPARE(kiosk.version(), 2);
        QCOMPARE(kiosk.title(), kDibaoTitle + QStringLiteral("（二）"));
    }

    // catalog-publish run from the parent folder with a relative source path, as staff
    // type it; and a publication no kiosk would install is refused without spending
    // the version.
    void publishToolVerifiesWhatItWrote()
    {
        TestRepository repo;
        TestKiosk kiosk;
        IMPORT_V1(repo, kiosk);
        QString why;
        QVERIFY(repo.manifestKey.save(repo.dir.filePath("m.key"), repo.dir.filePath("m.pub"), &why));
        QVERIFY(repo.timestampKey.save(repo.dir.filePath("t.key"), repo.dir.filePath("t.pub"), &why));
        const QStringList signing{"--manifest-key", "m.key", "--timestamp-key", "t.key"};

        QVERIFY(repo.editGuide(QStringLiteral("（相对路径）")));
        QString out;
        QCOMPARE(runTool(CATALOG_PUBLISH_TOOL, QStringList{"publish", "src", "repo", "--version", "2"} + signing,
                         repo.dir.path(), &out),
                 0);
        QVERIFY2(out.contains("published version 2"), qPrintable(out));
        SyncReport r = kiosk.import(repo.repo());
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QCOMPARE(kiosk.title(), kDibaoTitle + QStringLiteral("（相对路径）"));

        // A catalog list that has already expired: every kiosk would refuse it.
        const QByteArray timestamp = readAll(repo.repo() + "/timestamp.json");
        QCOMPARE(runTool(CATALOG_PUBLISH_TOOL,
                         QStringList{"publish", "./src", "repo", "--version", "3", "--expires", "2020-01-01T00:00:00Z"} +
                             signing,
                         repo.dir.path(), &out),
                 1);
        QVERIFY2(out.contains("nothing was published") && out.contains("version 3 can be used again"), qPrintable(out));
        QCOMPARE(readAll(repo.repo() + "/timestamp.json"), timestamp);
        QVERIFY(!QFileInfo::exists(repo.repo() + "/3.manifest.json"));
        QCOMPARE(runTool(CATALOG_PUBLISH_TOOL, QStringList{"publish", "./src", "repo", "--version", "3"} + signing,
                         repo.dir.path(), &out),
                 0);
        r = kiosk.import(repo.repo());
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QCOMPARE(kiosk.version(), 3);
    }

    // A disk that cannot flush fails the apply at every step of the switch; the kiosk
    // stays on the catalog it had (catalog-sync under an fsync that fails for one path,
    // LD_PRELOAD'ed into the real tool).
    void failedFsyncFailsTheApply_data()
    {
        QTest::addColumn<QString>("failing"); // relative to the sync root; "/" suffix: everything below
        QTest::newRow("the new database") << "generations/m2/";
        QTest::newRow("the new generation's folder") << "generations/m2";
        QTest::newRow("the generations folder") << "generations";
        QTest::newRow("the switch of current") << "";
    }
    void failedFsyncFailsTheApply()
    {
        QFETCH(QString, failing);
        TestRepository repo;
        TestKiosk kiosk;
        IMPORT_V1(repo, kiosk);
        QVERIFY(repo.editGuide(QStringLiteral("（二）")));
        QCOMPARE(repo.publish(2), QString());

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LD_PRELOAD", FAIL_FSYNC_LIBRARY);
        const QString root = QFileInfo(kiosk.root()).canonicalFilePath();
        env.insert("KIOSK_FAIL_FSYNC", failing.isEmpty() ? root : root + '/' + failing);
        QString out;
        const int code = runTool(CATALOG_SYNC_TOOL, {kiosk.root(), "--dir", repo.repo()}, kiosk.root(), &out, env);
        QVERIFY2(code == 5, qPrintable(QString::number(code) + ": " + out));
        QVERIFY2(out.contains("disk reports an error"), qPrintable(out));
        QCOMPARE(kiosk.version(), 1);
        QCOMPARE(kiosk.title(), kDibaoTitle);

        // With a working disk the same update goes through.
        const SyncReport r = kiosk.import(repo.repo());
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QCOMPARE(kiosk.version(), 2);
    }
};

QTEST_MAIN(SyncTrustTest)
#include "tst_synctrust.moc"
