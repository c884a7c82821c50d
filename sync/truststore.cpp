#include "truststore.h"

#include "durablefile.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace catalogsync {

namespace {

std::optional<RootMetadata> selfSignedRoot(const QByteArray &file, QString *why)
{
    const auto env = readEnvelope(file, why);
    if (!env)
        return std::nullopt;
    // The keys come from the file itself here, so this only proves internal
    // consistency; trust comes from the caller (provisioning or a verified chain).
    const auto root = RootMetadata::parse(env->signedBytes, why);
    if (!root)
        return std::nullopt;
    const QString bad = checkThreshold(*env, *root, root->root, QStringLiteral("the root file"));
    if (!bad.isEmpty()) {
        *why = bad;
        return std::nullopt;
    }
    return root;
}

} // namespace

TrustStore::TrustStore(QString syncRoot) : m_dir(syncRoot + QStringLiteral("/trust")) {}

QString TrustStore::installRoot(const QByteArray &rootFile)
{
    QString why;
    const auto incoming = selfSignedRoot(rootFile, &why);
    if (!incoming)
        return QStringLiteral("the root keys file is not valid: %1").arg(why);
    QString ignored;
    const auto current = root(&ignored);
    if (current && current->version > incoming->version)
        return QStringLiteral("this kiosk already trusts newer root keys (version %1)")
            .arg(current->version);
    if (current) {
        QString why;
        auto s = state(&why);
        if (!s)
            return why;
        const QStringList forgotten = forgetRotatedRoles(*current, *incoming, &*s);
        if (!forgotten.isEmpty() || s->rootVersion < incoming->version) {
            s->rootVersion = qMax(s->rootVersion, incoming->version);
            if (QString err = saveState(*s); !err.isEmpty())
                return err;
        }
    }
    return storeRoot(rootFile);
}

QStringList TrustStore::forgetRotatedRoles(const RootMetadata &previous, const RootMetadata &next,
                                           TrustedState *state)
{
    const auto changed = [](const RoleKeys &a, const RoleKeys &b) {
        return a.threshold != b.threshold ||
               QSet<QString>(a.keyIds.cbegin(), a.keyIds.cend()) != QSet<QString>(b.keyIds.cbegin(), b.keyIds.cend());
    };
    QStringList forgotten;
    if (changed(previous.timestamp, next.timestamp))
        forgotten.append(QStringLiteral("timestamp"));
    if (changed(previous.manifest, next.manifest))
        forgotten.append(QStringLiteral("manifest"));
    if (!forgotten.isEmpty()) {
        state->timestampVersion = 0;
        state->manifestVersion = 0;
        state->timestampEtag.clear();
    }
    return forgotten;
}

std::optional<RootMetadata> TrustStore::root(QString *why) const
{
    bool ok = false;
    const QByteArray bytes = content::readSmallFile(m_dir + QStringLiteral("/root.json"), kMaxMetadataBytes, &ok);
    if (!ok) {
        *why = QStringLiteral("this kiosk has no trusted catalog keys installed");
        return std::nullopt;
    }
    auto root = selfSignedRoot(bytes, why);
    if (!root)
        *why = QStringLiteral("the kiosk's trusted keys file is damaged: %1").arg(*why);
    return root;
}

QString TrustStore::storeRoot(const QByteArray &rootFile)
{
    return content::writeFileDurably(m_dir + QStringLiteral("/root.json"), rootFile);
}

std::optional<TrustedState> TrustStore::state(QString *why) const
{
    const QString path = m_dir + QStringLiteral("/state.json");
    TrustedState s;
    if (!QFileInfo::exists(path))
        return s; // a newly provisioned kiosk
    bool ok = false;
    const QByteArray bytes = content::readSmallFile(path, kMaxMetadataBytes, &ok);
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    const auto version = [&](const char *key) { return qint64(o.value(QLatin1String(key)).toDouble(-1)); };
    s.rootVersion = version("root_version");
    s.timestampVersion = version("timestamp_version");
    s.manifestVersion = version("manifest_version");
    if (!ok || s.rootVersion < 0 || s.timestampVersion < 0 || s.manifestVersion < 0) {
        *why = QStringLiteral("the kiosk's sync record (%1) is damaged; a technician must "
                              "reinstall the trusted keys").arg(path);
        return std::nullopt;
    }
    s.lastSuccess = QDateTime::fromString(o.value(QLatin1String("last_success")).toString(), Qt::ISODate);
    s.lastAttempt = QDateTime::fromString(o.value(QLatin1String("last_attempt")).toString(), Qt::ISODate);
    s.lastError = o.value(QLatin1String("last_error")).toString();
    s.lastProblem = o.value(QLatin1String("last_problem")).toString();
    s.timestampEtag = o.value(QLatin1String("timestamp_etag")).toString().toUtf8();
    return s;
}

QString TrustStore::saveState(const TrustedState &s)
{
    const QJsonObject o{{QStringLiteral("root_version"), double(s.rootVersion)},
                        {QStringLiteral("timestamp_version"), double(s.timestampVersion)},
                        {QStringLiteral("manifest_version"), double(s.manifestVersion)},
                        {QStringLiteral("last_success"), s.lastSuccess.toUTC().toString(Qt::ISODate)},
                        {QStringLiteral("last_attempt"), s.lastAttempt.toUTC().toString(Qt::ISODate)},
                        {QStringLiteral("last_error"), s.lastError},
                        {QStringLiteral("last_problem"), s.lastProblem},
                        {QStringLiteral("timestamp_etag"), QString::fromUtf8(s.timestampEtag)}};
    return content::writeFileDurably(m_dir + QStringLiteral("/state.json"),
                            QJsonDocument(o).toJson(QJsonDocument::Indented));
}

QByteArray TrustStore::trustedTimestamp() const
{
    return content::readSmallFile(m_dir + QStringLiteral("/timestamp.json"), kMaxMetadataBytes);
}

QString TrustStore::storeTimestamp(const QByteArray &timestampFile)
{
    return content::writeFileDurably(m_dir + QStringLiteral("/timestamp.json"), timestampFile);
}

} // namespace catalogsync
