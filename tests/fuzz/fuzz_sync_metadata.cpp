// libFuzzer target: a catalog repository's metadata file as a hostile mirror or USB
// stick might serve it. The envelope reader and signature check see raw bytes; the
// typed readers (root, timestamp, manifest) normally only see verified bytes, but are
// fuzzed directly too so a signing-key holder's mistake cannot crash a kiosk either.
#include "canonicaljson.h"
#include "signedmetadata.h"

#include <QByteArray>
#include <QJsonDocument>
#include <cstdint>

using namespace catalogsync;

namespace {

const RootMetadata &fixedRoot()
{
    static const RootMetadata root = [] {
        RootMetadata r;
        r.version = 1;
        const QByteArray pub = QByteArray::fromHex(
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"); // RFC 8032 test 1
        r.keys.insert(keyIdOf(pub), pub);
        r.root.keyIds = r.timestamp.keyIds = r.manifest.keyIds = {keyIdOf(pub)};
        return r;
    }();
    return root;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > kMaxMetadataBytes)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString why;
    if (const auto env = readEnvelope(bytes, &why)) {
        checkThreshold(*env, fixedRoot(), fixedRoot().timestamp, QStringLiteral("fuzz"));
        RootMetadata::parse(env->signedBytes, &why);
        TimestampMetadata::parse(env->signedBytes, &why);
        ManifestMetadata::parse(env->signedBytes, &why);
    }
    RootMetadata::parse(bytes, &why);
    TimestampMetadata::parse(bytes, &why);
    ManifestMetadata::parse(bytes, &why);
    canonicalJson(QJsonDocument::fromJson(bytes).object(), &why);
    return 0;
}
