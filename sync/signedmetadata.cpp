#include "signedmetadata.h"

#include "canonicaljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace catalogsync {

namespace {

constexpr int kMaxSignatures = 16;
constexpr int kMaxKeys = 64;
constexpr qsizetype kMaxFiles = 200000;
constexpr qint64 kMaxBlobLength = qint64(1) << 30;
constexpr qint64 kMaxVersion = qint64(1) << 52;

// Small readers over an already verified object: each names the field it refuses.
struct Reader {
    const QJsonObject &o;
    QString *why;
    QString where;

    bool fail(const QString &field, const QString &problem) const
    {
        *why = QStringLiteral("%1: '%2' %3").arg(where, field, problem);
        return false;
    }
    bool integer(const QString &field, qint64 min, qint64 max, qint64 *out) const
    {
        const QJsonValue v = o.value(field);
        const double d = v.toDouble(-1);
        // Range first: converting an out-of-range double to an integer is undefined.
        if (!v.isDouble() || !(d >= double(min) && d <= double(max)) || std::trunc(d) != d)
            return fail(field, QStringLiteral("must be a whole number from %1 to %2")
                                   .arg(min).arg(max));
        *out = qint64(d);
        return true;
    }
    bool expiry(const QString &field, QDateTime *out) const
    {
        const QString s = o.value(field).toString();
        static const QRegularExpression form(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
        *out = QDateTime::fromString(s, Qt::ISODate);
        if (!form.match(s).hasMatch() || !out->isValid())
            return fail(field, QStringLiteral("must be a UTC time like 2026-01-31T00:00:00Z"));
        *out = out->toUTC();
        return true;
    }
    bool type(const QString &expected) const
    {
        if (o.value(QStringLiteral("_type")).toString() != expected)
            return fail(QStringLiteral("_type"), QStringLiteral("must be '%1'").arg(expected));
        return true;
    }
    bool pinned(const QJsonValue &v, const QString &field, PinnedFile *out) const
    {
        const QJsonObject p = v.toObject();
        out->sha256 = p.value(QStringLiteral("sha256")).toString();
        const QJsonValue len = p.value(QStringLiteral("length"));
        const double d = len.toDouble(-1);
        if (!v.isObject() || !isSha256Hex(out->sha256) || !len.isDouble() ||
            !(d >= 0 && d <= double(kMaxBlobLength)) || std::trunc(d) != d)
            return fail(field, QStringLiteral("must give a sha256 and a length"));
        out->length = qint64(d);
        return true;
    }
};

std::optional<QJsonObject> objectOf(const QByteArray &bytes, QString *why)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        *why = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    return doc.object();
}

QJsonObject pinnedJson(const PinnedFile &p)
{
    return {{QStringLiteral("sha256"), p.sha256}, {QStringLiteral("length"), double(p.length)}};
}

bool parseRole(const Reader &r, const QJsonObject &roles, const QString &name,
               const QHash<QString, QByteArray> &keys, RoleKeys *out)
{
    const QJsonObject role = roles.value(name).toObject();
    const QJsonArray ids = role.value(QStringLiteral("keyids")).toArray();
    qint64 threshold = 0;
    Reader rr{role, r.why, r.where + QStringLiteral(" role ") + name};
    if (!rr.integer(QStringLiteral("threshold"), 1, kMaxKeys, &threshold))
        return false;
    QSet<QString> seen;
    for (const QJsonValue &id : ids) {
        const QString s = id.toString();
        if (!keys.contains(s) || seen.contains(s))
            return rr.fail(QStringLiteral("keyids"), QStringLiteral("names an unknown or repeated key"));
        seen.insert(s);
        out->keyIds.append(s);
    }
    if (out->keyIds.size() < threshold)
        return rr.fail(QStringLiteral("threshold"), QStringLiteral("is more than its keys"));
    out->threshold = int(threshold);
    return true;
}

QJsonObject roleJson(const RoleKeys &r)
{
    return {{QStringLiteral("keyids"), QJsonArray::fromStringList(r.keyIds)},
            {QStringLiteral("threshold"), r.threshold}};
}

} // namespace

bool isSha256Hex(const QString &s)
{
    if (s.size() != 64)
        return false;
    for (const QChar c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

bool isSafeSourcePath(const QString &path)
{
    if (path.isEmpty() || path.size() > 400 || path.startsWith('/'))
        return false;
    const QStringList parts = path.split('/');
    if (parts.size() > 8)
        return false;
    for (const QString &p : parts) {
        if (p.isEmpty() || p.startsWith('.'))
            return false; // also refuses "." and ".."
        for (const QChar c : p)
            if (c.unicode() < 0x20 || c == '\\' || c.unicode() == 0x7f)
                return false;
    }
    return true;
}

QString formatExpiry(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

std::optional<SignedEnvelope> readEnvelope(const QByteArray &file, QString *why)
{
    if (file.size() > kMaxManifestBytes) {
        *why = QStringLiteral("the file is too large");
        return std::nullopt;
    }
    const auto top = objectOf(file, why);
    if (!top)
        return std::nullopt;
    const QJsonValue signedPart = top->value(QStringLiteral("signed"));
    const QJsonValue sigs = top->value(QStringLiteral("signatures"));
    if (top->size() != 2 || !signedPart.isObject() || !sigs.isArray()) {
        *why = QStringLiteral("not a signed metadata file");
        return std::nullopt;
    }
    SignedEnvelope env;
    env.signedBytes = canonicalJson(signedPart, why);
    if (env.signedBytes.isEmpty())
        return std::nullopt;
    const QJsonArray list = sigs.toArray();
    if (list.size() > kMaxSignatures) {
        *why = QStringLiteral("too many signatures");
        return std::nullopt;
    }
    for (const QJsonValue &s : list) {
        const QString id = s.toObject().value(QStringLiteral("keyid")).toString();
        const QString sig = s.toObject().value(QStringLiteral("sig")).toString();
        if (!isSha256Hex(id) || sig.size() != 128) {
            *why = QStringLiteral("a signature entry is malformed");
            return std::nullopt;
        }
        env.signatures.append({id, QByteArray::fromHex(sig.toLatin1())});
    }
    return env;
}

QByteArray makeEnvelope(const QJsonObject &signedPart, const QList<SigningKey> &keys)
{
    const QByteArray bytes = canonicalJson(signedPart);
    QJsonArray sigs;
    for (const SigningKey &k : keys)
        sigs.append(QJsonObject{{QStringLiteral("keyid"), k.keyId()},
                                {QStringLiteral("sig"), QString::fromLatin1(sign(k, bytes).toHex())}});
    // The file itself is canonical too, so what a mirror serves is byte-stable.
    return canonicalJson(QJsonObject{{QStringLiteral("signed"), signedPart},
                                     {QStringLiteral("signatures"), sigs}}) + '\n';
}

QString checkThreshold(const SignedEnvelope &env, const RootMetadata &root, const RoleKeys &role,
                       const QString &what)
{
    QSet<QString> good;
    for (const MetadataSignature &s : env.signatures) {
        if (!role.keyIds.contains(s.keyId) || good.contains(s.keyId))
            continue;
        if (verifySignature(root.keys.value(s.keyId), env.signedBytes, s.signature))
            good.insert(s.keyId);
    }
    if (good.size() >= role.threshold)
        return {};
    return QStringLiteral("%1 is not signed by the trusted keys (%2 of %3 required signatures "
                          "are valid)")
        .arg(what).arg(good.size()).arg(role.threshold);
}

std::optional<RootMetadata> RootMetadata::parse(const QByteArray &signedBytes, QString *why)
{
    const auto o = objectOf(signedBytes, why);
    if (!o)
        return std::nullopt;
    Reader r{*o, why, QStringLiteral("root metadata")};
    RootMetadata m;
    if (!r.type(QStringLiteral("root")) || !r.integer(QStringLiteral("version"), 1, kMaxVersion, &m.version) ||
        !r.expiry(QStringLiteral("expires"), &m.expires))
        return std::nullopt;
    const QJsonObject keys = o->value(QStringLiteral("keys")).toObject();
    if (keys.size() > kMaxKeys) {
        r.fail(QStringLiteral("keys"), QStringLiteral("lists too many keys"));
        return std::nullopt;
    }
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        const QJsonObject k = it.value().toObject();
        const QByteArray pub = QByteArray::fromHex(k.value(QStringLiteral("public")).toString().toLatin1());
        if (k.value(QStringLiteral("keytype")).toString() != QLatin1String("ed25519") ||
            pub.size() != 32 || keyIdOf(pub) != it.key()) {
            r.fail(QStringLiteral("keys"), QStringLiteral("holds a key whose id does not match it"));
            return std::nullopt;
        }
        m.keys.insert(it.key(), pub);
    }
    const QJsonObject roles = o->value(QStringLiteral("roles")).toObject();
    if (!parseRole(r, roles, QStringLiteral("root"), m.keys, &m.root) ||
        !parseRole(r, roles, QStringLiteral("timestamp"), m.keys, &m.timestamp) ||
        !parseRole(r, roles, QStringLiteral("manifest"), m.keys, &m.manifest))
        return std::nullopt;
    return m;
}

QJsonObject RootMetadata::toJson() const
{
    QJsonObject k;
    for (auto it = keys.cbegin(); it != keys.cend(); ++it)
        k.insert(it.key(), QJsonObject{{QStringLiteral("keytype"), QStringLiteral("ed25519")},
                                       {QStringLiteral("public"), QString::fromLatin1(it.value().toHex())}});
    return {{QStringLiteral("_type"), QStringLiteral("root")},
            {QStringLiteral("version"), double(version)},
            {QStringLiteral("expires"), formatExpiry(expires)},
            {QStringLiteral("keys"), k},
            {QStringLiteral("roles"), QJsonObject{{QStringLiteral("root"), roleJson(root)},
                                                  {QStringLiteral("timestamp"), roleJson(timestamp)},
                                                  {QStringLiteral("manifest"), roleJson(manifest)}}}};
}

std::optional<TimestampMetadata> TimestampMetadata::parse(const QByteArray &signedBytes, QString *why)
{
    const auto o = objectOf(signedBytes, why);
    if (!o)
        return std::nullopt;
    Reader r{*o, why, QStringLiteral("timestamp")};
    TimestampMetadata m;
    const QJsonObject pin = o->value(QStringLiteral("manifest")).toObject();
    Reader p{pin, why, QStringLiteral("timestamp manifest entry")};
    if (!r.type(QStringLiteral("timestamp")) ||
        !r.integer(QStringLiteral("version"), 1, kMaxVersion, &m.version) ||
        !r.expiry(QStringLiteral("expires"), &m.expires) ||
        !p.integer(QStringLiteral("version"), 1, kMaxVersion, &m.manifestVersion) ||
        !r.pinned(pin, QStringLiteral("manifest"), &m.manifest))
        return std::nullopt;
    if (m.manifest.length > kMaxManifestBytes) {
        r.fail(QStringLiteral("manifest"), QStringLiteral("declares a manifest that is too large"));
        return std::nullopt;
    }
    return m;
}

QJsonObject TimestampMetadata::toJson() const
{
    QJsonObject pin = pinnedJson(manifest);
    pin.insert(QStringLiteral("version"), double(manifestVersion));
    return {{QStringLiteral("_type"), QStringLiteral("timestamp")},
            {QStringLiteral("version"), double(version)},
            {QStringLiteral("expires"), formatExpiry(expires)},
            {QStringLiteral("manifest"), pin}};
}

std::optional<ManifestMetadata> ManifestMetadata::parse(const QByteArray &signedBytes, QString *why)
{
    const auto o = objectOf(signedBytes, why);
    if (!o)
        return std::nullopt;
    Reader r{*o, why, QStringLiteral("manifest")};
    ManifestMetadata m;
    if (!r.type(QStringLiteral("manifest")) ||
        !r.integer(QStringLiteral("version"), 1, kMaxVersion, &m.version) ||
        !r.expiry(QStringLiteral("expires"), &m.expires))
        return std::nullopt;
    const QJsonObject files = o->value(QStringLiteral("files")).toObject();
    if (files.isEmpty() || files.size() > kMaxFiles) {
        r.fail(QStringLiteral("files"), QStringLiteral("must list between 1 and 200000 files"));
        return std::nullopt;
    }
    for (auto it = files.begin(); it != files.end(); ++it) {
        PinnedFile pin;
        if (!isSafeSourcePath(it.key())) {
            r.fail(QStringLiteral("files"), QStringLiteral("names an unsafe path"));
            return std::nullopt;
        }
        if (!r.pinned(it.value(), it.key(), &pin))
            return std::nullopt;
        m.files.insert(it.key(), pin);
    }
    return m;
}

QJsonObject ManifestMetadata::toJson() const
{
    QJsonObject f;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        f.insert(it.key(), pinnedJson(it.value()));
    return {{QStringLiteral("_type"), QStringLiteral("manifest")},
            {QStringLiteral("version"), double(version)},
            {QStringLiteral("expires"), formatExpiry(expires)},
            {QStringLiteral("files"), f}};
}

} // namespace catalogsync
