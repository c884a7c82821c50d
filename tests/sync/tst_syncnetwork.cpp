// Catalog sync over HTTP against a real nginx on 127.0.0.1: the happy path with its
// delta, each attack of docs (../shared/spec/sync.md) and the transfer faults. Every
// refused sync must leave the kiosk serving exactly what it served before.
#include "signedmetadata.h"
#include "synckiosk.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QtTest>

using namespace catalogsync;
using namespace synctest;
using Outcome = SyncReport::Outcome;

namespace {

const QString kTitle = kDibaoTitle;

// Every refused sync: still on version 1 with its text, and a plain reason.
#define QVERIFY_UNCHANGED(s, r, expected, reasonPart)                                          \
    do {                                                                                       \
        QVERIFY2((r).outcome == (expected), describe(r));                                      \
        QVERIFY2((r).reason.contains(QLatin1String(reasonPart), Qt::CaseInsensitive), describe(r)); \
        QCOMPARE((s).kiosk.version(), qint64(1));                                              \
        QCOMPARE((r).catalogVersion, qint64(1));                                               \
        QCOMPARE((s).kiosk.title(), kTitle);                                                   \
    } while (false)

// The blob of guides/g-dibao.md named by the newest manifest of a repository.
PinnedFile guideBlob(const TestRepository &repo, qint64 version)
{
    QString why;
    const auto env = readEnvelope(readAll(repo.repo() + QStringLiteral("/%1.manifest.json").arg(version)), &why);
    const auto m = env ? ManifestMetadata::parse(env->signedBytes, &why) : std::nullopt;
    return m ? m->files.value(QStringLiteral("guides/g-dibao.md")) : PinnedFile{};
}

void flipByte(const QString &path, qint64 at)
{
    QByteArray b = readAll(path);
    b[at] = char(b[at] ^ 0x01);
    writeAll(path, b);
}

} // namespace

// nginx's ETag is mtime + size, so a timestamp rewritten within the same second at the
// same size looks unchanged (304 Not Modified). Real renewals are hours apart; the
// tests make that so instead of racing the clock.
static bool renewedLater(const QString &repo)
{
    QFile ts(repo + QStringLiteral("/timestamp.json"));
    return ts.open(QIODevice::ReadWrite) &&
           ts.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime);
}

class SyncNetworkTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Only loopback: no proxy from the environment may take these requests.
        for (const char *v : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"})
            qunsetenv(v);
    }

    void happyPathDownloadsOnlyTheChange()
    {
        Scenario s;
        START_ON_V1(s);
        QVERIFY(s.repo.editGuide(QStringLiteral("（修订）")));
        QCOMPARE(s.repo.publish(2), QString());
        const PinnedFile changed = guideBlob(s.repo, 2);
        QVERIFY(!changed.sha256.isEmpty());
        s.nginx.clearAccessLog();

        long connections = 0;
        const SyncReport r = s.kiosk.sync(s.nginx.url(), 5, QDateTime::currentDateTimeUtc(), &connections);
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QCOMPARE(s.kiosk.version(), 2);
        QCOMPARE(s.kiosk.title(), kTitle + QStringLiteral("（修订）"));
        QCOMPARE(r.filesDownloaded, 1);

        // Exactly: the next root probe (404), the timestamp, the manifest, one blob.
        const qint64 ts = QFileInfo(s.repo.repo() + "/timestamp.json").size();
        const qint64 manifest = QFileInfo(s.repo.repo() + "/2.manifest.json").size();
        const QStringList log = s.nginx.accessLog();
        QCOMPARE(log.size(), 4);
        QVERIFY2(log[0].startsWith("/2.root.json 404"), qPrintable(log.join('|')));
        QCOMPARE(log[1], QStringLiteral("/timestamp.json 200 %1").arg(ts));
        QCOMPARE(log[2], QStringLiteral("/2.manifest.json 200 %1").arg(manifest));
        QCOMPARE(log[3], QStringLiteral("/blobs/%1 200 %2").arg(changed.sha256).arg(changed.length));
        // What the kiosk counted is what nginx sent: the small 404 page, the metadata
        // and the one changed blob.
        QCOMPARE(r.bytesTransferred, s.nginx.bodyBytesLogged());
        QVERIFY(r.bytesTransferred <= ts + manifest + changed.length + 1024);
        QCOMPARE(connections, 1L); // one keep-alive connection for the whole sync

        // The previous generation stays until the next switch.
        QCOMPARE(QDir(s.kiosk.root() + "/generations").entryList(QDir::Dirs | QDir::NoDotAndDotDot),
                 (QStringList{"m1", "m2"}));

        // Nothing new: a conditional request answered 304, no body at all.
        s.nginx.clearAccessLog();
        const SyncReport again = s.kiosk.sync(s.nginx.url());
        QVERIFY2(again.outcome == Outcome::UpToDate, describe(again));
        const QStringList quiet = s.nginx.accessLog();
        QCOMPARE(quiet.size(), 2);
        QVERIFY2(quiet[0].startsWith("/2.root.json 404 "), qPrintable(quiet.join('|'))); // root is still 1
        QCOMPARE(quiet[1], QStringLiteral("/timestamp.json 304 0"));
        QCOMPARE(again.bytesTransferred, s.nginx.bodyBytesLogged()); // the 404 page only
    }

    void tamperedBlobIsRejected()
    {
        Scenario s;
        START_ON_V1(s);
        QVERIFY(s.repo.editGuide(QStringLiteral("（篡改前）")));
        QCOMPARE(s.repo.publish(2), QString());
        const PinnedFile changed = guideBlob(s.repo, 2);
        flipByte(s.repo.repo() + "/blobs/" + changed.sha256, 100); // same length, one bit off
        const SyncReport r = s.kiosk.sync(s.nginx.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Rejected, "does not match the signed manifest");
        QVERIFY(!QFileInfo::exists(s.kiosk.root() + "/blobs/" + changed.sha256));
    }

    void tamperedManifestIsRejected()
    {
        Scenario s;
        START_ON_V1(s);
        QVERIFY(s.repo.editGuide(QStringLiteral("x")));
        QCOMPARE(s.repo.publish(2), QString());
        const QString manifest = s.repo.repo() + "/2.manifest.json";
        QByteArray bytes = readAll(manifest);
        bytes.replace("guides/g-dibao.md", "guides/g-dibaO.md");
        QVERIFY(writeAll(manifest, bytes));
        const SyncReport r = s.kiosk.sync(s.nginx.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Rejected, "is not the one the signed timestamp names");
    }

    void badSignaturesAreRejected()
    {
        Scenario s;
        START_ON_V1(s);
        QVERIFY(s.repo.editGuide(QStringLiteral("x")));
        QCOMPARE(s.repo.publish(2), QString());
        const QString tsPath = s.repo.repo() + "/timestamp.json";
        const QByteArray goodTs = readAll(tsPath);

        // A timestamp signed by a key the kiosk does not trust.
        QString why;
        const auto env = readEnvelope(goodTs, &why);
        QVERIFY(env);
        const QJsonObject tsSigned = QJsonDocument::fromJson(env->signedBytes).object();
        const SigningKey attacker = SigningKey::generate();
        QVERIFY(writeAll(tsPath, makeEnvelope(tsSigned, {attacker})));
        SyncReport r = s.kiosk.sync(s.nginx.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Rejected, "timestamp file is not signed by the trusted keys");

        // A trusted timestamp key (say, stolen) pinning a manifest the manifest key never
        // signed: the manifest's own signature still has to hold.
        const QString mPath = s.repo.repo() + "/2.manifest.json";
        const auto menv = readEnvelope(readAll(mPath), &why);
        QVERIFY(menv);
        const QByteArray forged = makeEnvelope(QJsonDocument::fromJson(menv->signedBytes).object(), {attacker});
        QVERIFY(writeAll(s.repo.repo() + "/3.manifest.json", forged));
        TimestampMetadata ts = *TimestampMetadata::parse(env->signedBytes, &why);
        ts.version += 1;
        ts.manifestVersion = 3;
        ts.manifest = {sha256Hex(forged), forged.size()};
        QVERIFY(writeAll(tsPath, makeEnvelope(ts.toJson(), {s.repo.timestampKey})));
        r = s.kiosk.sync(s.nginx.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Rejected, "catalog list is not signed by the trusted keys");

        // A signature that is well-formed but wrong (one bit flipped).
        QByteArray flipped = goodTs;
        const qsizetype sigAt = flipped.indexOf("\"sig\":\"") + 7;
        flipped[sigAt] = flipped[sigAt] == '0' ? '1' : '0';
        QVERIFY(writeAll(tsPath, flipped));
        r = s.kiosk.sync(s.nginx.url());
        QVERIFY(r.outcome == Outcome::Rejected);
    }

    void replayOfAnOlderVersionIsRejected()
    {
        Scenario s;
        START_ON_V1(s);
        QTemporaryDir old;
        QVERIFY(s.repo.snapshot(old.filePath("v1")));
        QVERIFY(s.repo.editGuide(QStringLiteral("（新）")));
        QCOMPARE(s.repo.publish(2), QString());
        SyncReport r = s.kiosk.sync(s.nginx.url());
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));

        NginxServer stale; // a mirror (or attacker) still serving version 1, validly signed
        QCOMPARE(stale.start(old.filePath("v1")), QString());
        r = s.kiosk.sync(stale.url());
        QVERIFY2(r.outcome == Outcome::Rejected, describe(r));
        QVERIFY2(r.reason.contains("older catalog (version 1)"), describe(r));
        QCOMPARE(s.kiosk.version(), 2);
        QCOMPARE(s.kiosk.title(), kTitle + QStringLiteral("（新）"));
    }

    void expiredTimestampKeepsServingWithAWarning()
    {
        Scenario s;
        START_ON_V1(s);
        QVERIFY(s.repo.editGuide(QStringLiteral("x")));
        QCOMPARE(s.repo.publish(2, -1), QString()); // timestamp expired yesterday
        SyncReport r = s.kiosk.sync(s.nginx.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Expired, "expired on");
        QVERIFY(!r.warnings.isEmpty());
        QVERIFY(QFileInfo::exists(s.kiosk.catalog()));
        // Staff see it as the last error.
        QString why;
        QVERIFY(TrustStore(s.kiosk.root()).state(&why)->lastError.contains("expired"));

        // A sync whose fixed clock is past a valid timestamp's expiry: same answer.
        QCOMPARE(RepositoryPublisher(s.repo.repo()).renewTimestamp(
                     QDateTime::currentDateTimeUtc().addDays(1), {s.repo.timestampKey}), QString());
        QVERIFY(renewedLater(s.repo.repo()));
        r = s.kiosk.sync(s.nginx.url(), 5, QDateTime::currentDateTimeUtc().addDays(2));
        QVERIFY_UNCHANGED(s, r, Outcome::Expired, "expired on");
        // …and with the kiosk's clock right, the renewed timestamp is accepted.
        r = s.kiosk.sync(s.nginx.url());
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
    }

    void filesOfTwoVersionsDoNotMix()
    {
        Scenario s;
        START_ON_V1(s);
        QVERIFY(s.repo.editGuide(QStringLiteral("（二）")));
        QCOMPARE(s.repo.publish(2), QString());
        const PinnedFile v2blob = guideBlob(s.repo, 2);
        const QByteArray v2manifest = readAll(s.repo.repo() + "/2.manifest.json");
        QVERIFY(s.repo.editGuide(QStringLiteral("（三）")));
        QCOMPARE(s.repo.publish(3), QString());
        const PinnedFile v3blob = guideBlob(s.repo, 3);

        // Version 3's timestamp with version 2's (validly signed) manifest.
        const QByteArray v3manifest = readAll(s.repo.repo() + "/3.manifest.json");
        QVERIFY(writeAll(s.repo.repo() + "/3.manifest.json", v2manifest));
        SyncReport r = s.kiosk.sync(s.nginx.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Rejected, "mixes files of different versions");

        // Version 3's manifest with version 2's text of the guide under version 3's name.
        QVERIFY(writeAll(s.repo.repo() + "/3.manifest.json", v3manifest));
        QVERIFY(writeAll(s.repo.repo() + "/blobs/" + v3blob.sha256,
                         readAll(s.repo.repo() + "/blobs/" + v2blob.sha256)));
        r = s.kiosk.sync(s.nginx.url());
        QVERIFY(r.outcome == Outcome::Rejected);
        QCOMPARE(s.kiosk.version(), 1);
        QCOMPARE(s.kiosk.title(), kTitle);
    }

    void endlessBodiesAreCut()
    {
        Scenario s;
        START_ON_V1(s);
        FaultProxy proxy(s.nginx.port());
        QVERIFY(proxy.port() != 0);
        proxy.setFault(FaultProxy::Fault::EndlessBody, "/timestamp.json");
        SyncReport r = s.kiosk.sync(proxy.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Rejected, "larger than allowed");
        // Cut at the metadata cap (plus the small 404 page of the root probe before it).
        QVERIFY2(r.bytesTransferred <= kMaxMetadataBytes + 1024, describe(r));
        QVERIFY(proxy.endlessBytesSent() >= kMaxMetadataBytes);
        QCOMPARE(proxy.faultsInjected(), 1);

        // A blob that never ends is cut at the length the signed manifest declares.
        QVERIFY(s.repo.editGuide(QStringLiteral("x")));
        QCOMPARE(s.repo.publish(2), QString());
        const PinnedFile blob = guideBlob(s.repo, 2);
        proxy.setFault(FaultProxy::Fault::EndlessBody, "/blobs/" + blob.sha256);
        r = s.kiosk.sync(proxy.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Rejected, "longer than the signed list declares");
        QCOMPARE(proxy.faultsInjected(), 2);
    }

    void wrongLengthsAreRejected()
    {
        Scenario s;
        START_ON_V1(s);
        QVERIFY(s.repo.editGuide(QStringLiteral("x")));
        QCOMPARE(s.repo.publish(2), QString());
        const PinnedFile blob = guideBlob(s.repo, 2);
        const QString path = s.repo.repo() + "/blobs/" + blob.sha256;
        const QByteArray good = readAll(path);

        QVERIFY(writeAll(path, good + "extra bytes"));
        SyncReport r = s.kiosk.sync(s.nginx.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Rejected, "longer than the signed list declares");

        QVERIFY(writeAll(path, good.left(good.size() / 2)));
        r = s.kiosk.sync(s.nginx.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Rejected, "shorter than the signed list declares");

        // Repaired on the server: the next sync completes.
        QVERIFY(writeAll(path, good));
        r = s.kiosk.sync(s.nginx.url());
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
    }

    void keyRotationDoneRightIsAccepted()
    {
        Scenario s;
        START_ON_V1(s);
        const SigningKey newRoot = SigningKey::generate();
        const SigningKey newTimestamp = SigningKey::generate();
        RootPolicy policy;
        policy.rootKeys = {newRoot.publicKey};
        policy.timestampKeys = {newTimestamp.publicKey};
        policy.manifestKeys = {s.repo.manifestKey.publicKey};
        policy.expires = QDateTime::currentDateTimeUtc().addDays(365);
        // Signed by the old root key and the new one.
        QCOMPARE(RepositoryPublisher(s.repo.repo()).writeRoot(policy, {s.repo.rootKey, newRoot}), QString());
        const SigningKey oldTimestamp = s.repo.timestampKey;
        s.repo.timestampKey = newTimestamp;
        QVERIFY(s.repo.editGuide(QStringLiteral("（新钥）")));
        QCOMPARE(s.repo.publish(2), QString());

        SyncReport r = s.kiosk.sync(s.nginx.url());
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QString why;
        QCOMPARE(TrustStore(s.kiosk.root()).root(&why)->version, 2);
        QCOMPARE(s.kiosk.title(), kTitle + QStringLiteral("（新钥）"));

        // The retired timestamp key is no longer good enough: the publisher refuses to
        // sign with it, and a kiosk refuses a timestamp anyone signs with it.
        const QString refused = RepositoryPublisher(s.repo.repo()).renewTimestamp(
            QDateTime::currentDateTimeUtc().addDays(3), {oldTimestamp});
        QVERIFY2(refused.contains("not signed by the trusted keys"), qPrintable(refused));
        QString bad;
        const auto current = readEnvelope(readAll(s.repo.repo() + "/timestamp.json"), &bad);
        QVERIFY2(current, qPrintable(bad));
        auto ts = TimestampMetadata::parse(current->signedBytes, &bad);
        QVERIFY2(ts, qPrintable(bad));
        ts->version += 1;
        ts->expires = QDateTime::currentDateTimeUtc().addDays(3);
        QVERIFY(writeAll(s.repo.repo() + "/timestamp.json", makeEnvelope(ts->toJson(), {oldTimestamp})));
        QVERIFY(renewedLater(s.repo.repo()));
        r = s.kiosk.sync(s.nginx.url());
        QVERIFY2(r.outcome == Outcome::Rejected && r.reason.contains("timestamp file is not signed"),
                 describe(r));
        QCOMPARE(s.kiosk.version(), 2);
    }

    void keyRotationDoneWrongIsRejected()
    {
        Scenario s;
        START_ON_V1(s);
        const SigningKey newRoot = SigningKey::generate();
        RootPolicy policy;
        policy.rootKeys = {newRoot.publicKey};
        policy.timestampKeys = {s.repo.timestampKey.publicKey};
        policy.manifestKeys = {s.repo.manifestKey.publicKey};
        policy.expires = QDateTime::currentDateTimeUtc().addDays(365);
        const QString rootPath = s.repo.repo() + "/2.root.json";

        // Only the new key signed it: anyone can make a key, so this proves nothing.
        QCOMPARE(RepositoryPublisher(s.repo.repo()).writeRoot(policy, {newRoot}), QString());
        SyncReport r = s.kiosk.sync(s.nginx.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Rejected, "key change refused");
        QString why;
        QCOMPARE(TrustStore(s.kiosk.root()).root(&why)->version, 1);

        // Only the old key signed it: the new key holders never agreed to it.
        RootMetadata forged = *RootMetadata::parse(readEnvelope(readAll(rootPath), &why)->signedBytes, &why);
        QVERIFY(writeAll(rootPath, makeEnvelope(forged.toJson(), {s.repo.rootKey})));
        r = s.kiosk.sync(s.nginx.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Rejected, "by its own new keys");
        QCOMPARE(TrustStore(s.kiosk.root()).root(&why)->version, 1);
    }

    void droppedConnectionResumesWithRange()
    {
        Scenario s;
        START_ON_V1(s);
        // A guide file big enough to cut in the middle (a title may have 200 characters,
        // so the bulk goes into the body).
        QVERIFY(s.repo.editGuide(QStringLiteral("（长）")));
        QFile guide(s.repo.sources() + "/guides/g-dibao.md");
        QVERIFY(guide.open(QIODevice::Append));
        guide.write("\n" + QString(QStringLiteral("长")).repeated(3000).toUtf8() + "\n");
        guide.close();
        QCOMPARE(s.repo.publish(2), QString());
        const PinnedFile blob = guideBlob(s.repo, 2);
        QVERIFY(blob.length > 9000);
        FaultProxy proxy(s.nginx.port());
        proxy.setFault(FaultProxy::Fault::CutAfterBytes, "/blobs/" + blob.sha256, 4000);

        SyncReport r = s.kiosk.sync(proxy.url());
        QVERIFY2(r.outcome == Outcome::Failed, describe(r));
        QCOMPARE(s.kiosk.version(), 1);
        QCOMPARE(proxy.faultsInjected(), 1);
        const qint64 partial = QFileInfo(s.kiosk.root() + "/blobs/partial/" + blob.sha256 + ".part").size();
        QVERIFY2(partial > 0 && partial < blob.length, qPrintable(QString::number(partial)));

        s.nginx.clearAccessLog();
        r = s.kiosk.sync(proxy.url());
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QVERIFY(s.kiosk.title().endsWith(QStringLiteral("（长）")));
        // Only the missing tail travelled, as a 206 partial response.
        QVERIFY2(s.nginx.accessLog().contains(
                     QStringLiteral("/blobs/%1 206 %2").arg(blob.sha256).arg(blob.length - partial)),
                 qPrintable(s.nginx.accessLog().join('|')));
    }

    void serverErrorsLeaveTheKioskAsItWas()
    {
        Scenario s;
        START_ON_V1(s);
        QVERIFY(s.repo.editGuide(QStringLiteral("x")));
        QCOMPARE(s.repo.publish(2), QString());
        FaultProxy proxy(s.nginx.port());

        proxy.setFault(FaultProxy::Fault::Status500, "/timestamp.json");
        SyncReport r = s.kiosk.sync(proxy.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Failed, "error 500");

        proxy.setFault(FaultProxy::Fault::Stall, "/timestamp.json");
        QElapsedTimer t;
        t.start();
        r = s.kiosk.sync(proxy.url(), 1);
        QVERIFY_UNCHANGED(s, r, Outcome::Failed, "timed out");
        QVERIFY(t.elapsed() < 30000);

        QVERIFY(QFile::remove(s.repo.repo() + "/2.manifest.json"));
        r = s.kiosk.sync(s.nginx.url());
        QVERIFY_UNCHANGED(s, r, Outcome::Failed, "no such file");

        TestKiosk elsewhere; // no server at all on this port
        QCOMPARE(elsewhere.trust(s.repo.rootFile()), QString());
        s.nginx.stop();
        r = elsewhere.sync(s.nginx.url());
        QVERIFY2(r.outcome == Outcome::Failed && r.reason.contains("cannot reach"), describe(r));
        QCOMPARE(elsewhere.version(), 0);
    }
};

QTEST_GUILESS_MAIN(SyncNetworkTest)
#include "tst_syncnetwork.moc"
