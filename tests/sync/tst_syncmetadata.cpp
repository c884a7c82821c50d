// Signed metadata: canonical bytes, signatures, thresholds, and the strict readers
// that run only on verified bytes. Also the poll schedule.
#include "canonicaljson.h"
#include "signedmetadata.h"
#include "syncengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace catalogsync;

namespace {

RootMetadata rootWith(const QList<SigningKey> &rootKeys, int threshold, const SigningKey &other)
{
    RootMetadata r;
    r.version = 1;
    r.expires = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
    for (const SigningKey &k : rootKeys) {
        r.keys.insert(k.keyId(), k.publicKey);
        r.root.keyIds.append(k.keyId());
    }
    r.root.threshold = threshold;
    r.keys.insert(other.keyId(), other.publicKey);
    r.timestamp.keyIds = {other.keyId()};
    r.manifest.keyIds = {other.keyId()};
    return r;
}

} // namespace

class SyncMetadataTest : public QObject
{
    Q_OBJECT
private slots:
    void canonicalJsonIsStable()
    {
        const QJsonObject o = QJsonDocument::fromJson(
            "{ \"b\": [1, true, null, \"x\\\"\\\\\\n\"], \"a\": {\"z\": 2, \"é\": \"中文\"}, \"A\": -3 }").object();
        QCOMPARE(canonicalJson(o),
                 QByteArray("{\"A\":-3,\"a\":{\"z\":2,\"é\":\"中文\"},\"b\":[1,true,null,\"x\\\"\\\\\\u000a\"]}"));
        QString why;
        QVERIFY(canonicalJson(QJsonObject{{"f", 1.5}}, &why).isEmpty());
        QVERIFY(!why.isEmpty());
        QVERIFY(canonicalJson(QJsonObject{{"big", 1e300}}).isEmpty());
    }

    void signaturesVerifyOnlyTheSignedBytes()
    {
        const SigningKey k = SigningKey::generate();
        QVERIFY(k.isValid());
        QCOMPARE(k.keyId().size(), 64);
        const QByteArray sig = sign(k, "message");
        QVERIFY(verifySignature(k.publicKey, "message", sig));
        QVERIFY(!verifySignature(k.publicKey, "messagE", sig));
        QVERIFY(!verifySignature(SigningKey::generate().publicKey, "message", sig));
        QVERIFY(!verifySignature(k.publicKey, "message", sig.left(10)));
        QCOMPARE(sha256Hex("abc"), QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void keysSurviveTheirFiles()
    {
        QTemporaryDir dir;
        const SigningKey k = SigningKey::generate();
        QString why;
        QVERIFY(k.save(dir.filePath("a.key"), dir.filePath("a.pub"), &why));
        QCOMPARE(SigningKey::load(dir.filePath("a.key"), &why).publicKey, k.publicKey);
        QCOMPARE(loadPublicKey(dir.filePath("a.pub"), &why), k.publicKey);
        QVERIFY(QFileInfo(dir.filePath("a.key")).permissions() & QFile::ReadOwner);
        QVERIFY(!(QFileInfo(dir.filePath("a.key")).permissions() & QFile::ReadOther));
        QVERIFY(!SigningKey::load(dir.filePath("a.pub"), &why).isValid()); // public file is no secret key
    }

    void envelopeReaderIsStrict()
    {
        QString why;
        const SigningKey k = SigningKey::generate();
        const QByteArray good = makeEnvelope(QJsonObject{{"_type", "x"}, {"version", 1}}, {k});
        const auto env = readEnvelope(good, &why);
        QVERIFY(env);
        QCOMPARE(env->signatures.size(), 1);
        QCOMPARE(env->signatures[0].keyId, k.keyId());
        QVERIFY(verifySignature(k.publicKey, env->signedBytes, env->signatures[0].signature));
        // Whitespace or key order in the served file changes nothing that was signed.
        const QByteArray pretty = QJsonDocument::fromJson(good).toJson(QJsonDocument::Indented);
        QCOMPARE(readEnvelope(pretty, &why)->signedBytes, env->signedBytes);

        for (const QByteArray &bad : {QByteArray(""), QByteArray("[]"), QByteArray("{\"signed\":{}}"),
                                      QByteArray("{\"signed\":{},\"signatures\":{}}"),
                                      QByteArray("{\"signed\":{},\"signatures\":[],\"extra\":1}"),
                                      QByteArray("{\"signed\":{},\"signatures\":[{\"keyid\":\"00\",\"sig\":\"00\"}]}"),
                                      QByteArray("{\"signed\":{\"v\":0.5},\"signatures\":[]}")})
            QVERIFY2(!readEnvelope(bad, &why), bad.constData());
    }

    void thresholdsCountDistinctKeys()
    {
        const SigningKey a = SigningKey::generate(), b = SigningKey::generate(), other = SigningKey::generate();
        const RootMetadata root = rootWith({a, b}, 2, other);
        QString why;
        const QJsonObject part{{"_type", "x"}};
        auto env = readEnvelope(makeEnvelope(part, {a, b}), &why);
        QCOMPARE(checkThreshold(*env, root, root.root, "x"), QString());
        env = readEnvelope(makeEnvelope(part, {a, a}), &why); // one key twice is one signature
        QVERIFY(!checkThreshold(*env, root, root.root, "x").isEmpty());
        env = readEnvelope(makeEnvelope(part, {a, other}), &why); // a key of another role
        QVERIFY(!checkThreshold(*env, root, root.root, "x").isEmpty());
    }

    void rootReaderChecksKeysAndRoles()
    {
        const SigningKey a = SigningKey::generate(), other = SigningKey::generate();
        const RootMetadata root = rootWith({a}, 1, other);
        QString why;
        const auto parsed = RootMetadata::parse(canonicalJson(root.toJson()), &why);
        QVERIFY2(parsed, qPrintable(why));
        QCOMPARE(parsed->version, 1);
        QCOMPARE(parsed->root.keyIds, QStringList{a.keyId()});
        QCOMPARE(parsed->expires, root.expires);

        QJsonObject wrongId = root.toJson();
        QJsonObject keys = wrongId["keys"].toObject();
        keys[a.keyId()] = QJsonObject{{"keytype", "ed25519"}, {"public", QString(other.publicKey.toHex())}};
        wrongId["keys"] = keys;
        QVERIFY(!RootMetadata::parse(canonicalJson(wrongId), &why));

        RootMetadata tooHigh = root;
        tooHigh.root.threshold = 2;
        QVERIFY(!RootMetadata::parse(canonicalJson(tooHigh.toJson()), &why));
        QVERIFY(why.contains("threshold"));

        QJsonObject badExpiry = root.toJson();
        badExpiry["expires"] = "next year";
        QVERIFY(!RootMetadata::parse(canonicalJson(badExpiry), &why));
        QJsonObject wrongType = root.toJson();
        wrongType["_type"] = "timestamp";
        QVERIFY(!RootMetadata::parse(canonicalJson(wrongType), &why));
    }

    void manifestRefusesUnsafePaths()
    {
        ManifestMetadata m;
        m.version = 3;
        m.expires = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
        const PinnedFile pin{sha256Hex("x"), 1};
        m.files.insert("guides/g.md", pin);
        QString why;
        QVERIFY2(ManifestMetadata::parse(canonicalJson(m.toJson()), &why), qPrintable(why));
        for (const QString &bad : QStringList{"../etc/passwd", "/etc/passwd", "guides/../../x", "a//b", ".hidden",
                                   "guides/.git", "a\\b", QString("a\nb")}) {
            ManifestMetadata evil = m;
            evil.files.insert(bad, pin);
            QVERIFY2(!ManifestMetadata::parse(canonicalJson(evil.toJson()), &why), qPrintable(bad));
        }
        QJsonObject badLength = m.toJson();
        badLength["files"] = QJsonObject{{"a.md", QJsonObject{{"sha256", pin.sha256}, {"length", -1}}}};
        QVERIFY(!ManifestMetadata::parse(canonicalJson(badLength), &why));
    }

    void timestampRoundTrips()
    {
        TimestampMetadata t;
        t.version = 7;
        t.expires = QDateTime(QDate(2030, 1, 1), QTime(12, 0), Qt::UTC);
        t.manifestVersion = 5;
        t.manifest = {sha256Hex("m"), 1234};
        QString why;
        const auto p = TimestampMetadata::parse(canonicalJson(t.toJson()), &why);
        QVERIFY2(p, qPrintable(why));
        QCOMPARE(p->version, 7);
        QCOMPARE(p->manifestVersion, 5);
        QVERIFY(p->manifest == t.manifest);
        QVERIFY(!TimestampMetadata::parse("{\"_type\":\"timestamp\",\"version\":1e300}", &why));
    }

    void pollingSpreadsAndBacksOff()
    {
        QCOMPARE(SyncEngine::nextPollDelaySeconds(3600, 0, 21600, 0.5), 3600);
        QCOMPARE(SyncEngine::nextPollDelaySeconds(3600, 0, 21600, 0.0), 2700);
        QCOMPARE(SyncEngine::nextPollDelaySeconds(3600, 0, 21600, 1.0), 4500);
        QCOMPARE(SyncEngine::nextPollDelaySeconds(3600, 1, 21600, 0.5), 7200);
        QCOMPARE(SyncEngine::nextPollDelaySeconds(3600, 50, 21600, 0.5), 21600); // capped
        QVERIFY(SyncEngine::nextPollDelaySeconds(1, 0, 1, 0.0) >= 1);
    }
};

QTEST_GUILESS_MAIN(SyncMetadataTest)
#include "tst_syncmetadata.moc"
