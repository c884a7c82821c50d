#include "syncstatus.h"

#include "cataloggenerations.h"
#include "catalogupdater.h"
#include "durablefile.h"
#include "signedmetadata.h"
#include "truststore.h"

#include <QFileInfo>

namespace catalogsync {

namespace {

template <typename Meta> std::optional<Meta> readSigned(const QString &path, qint64 cap)
{
    QString why;
    const QByteArray bytes = content::readSmallFile(path, cap);
    if (bytes.isEmpty())
        return std::nullopt;
    // Display only: the file was verified when it was stored; the updater re-verifies.
    if (const auto env = readEnvelope(bytes, &why))
        return Meta::parse(env->signedBytes, &why);
    return std::nullopt;
}

} // namespace

SyncStatusSnapshot readSyncStatus(const QString &syncRoot, const QDateTime &now, qint64 warnWithinSeconds)
{
    SyncStatusSnapshot s;
    const CatalogGenerations generations(syncRoot);
    s.catalogVersion = CatalogUpdater(syncRoot).currentVersion();
    const QString catalog = generations.currentCatalog();
    if (!catalog.isEmpty())
        s.catalogSince = QFileInfo(catalog).lastModified().toUTC();

    const TrustStore trust(syncRoot);
    QString why;
    if (const auto state = trust.state(&why)) {
        s.lastSuccess = state->lastSuccess;
        s.lastAttempt = state->lastAttempt;
        s.lastError = state->lastError;
        s.lastProblem = state->lastProblem;
    } else {
        s.lastError = why;
        s.lastProblem = QStringLiteral("local");
    }

    const auto add = [&](const QString &role, const QDateTime &expires) {
        if (!expires.isValid())
            return;
        MetadataExpiry e{role, expires.toUTC()};
        e.expired = expires <= now;
        e.expiresSoon = !e.expired && now.secsTo(expires) <= warnWithinSeconds;
        s.expiries.append(e);
    };
    if (const auto root = readSigned<RootMetadata>(trust.directory() + QStringLiteral("/root.json"),
                                                   kMaxMetadataBytes)) {
        s.trustInstalled = true;
        add(QStringLiteral("root"), root->expires);
    }
    if (const auto ts = readSigned<TimestampMetadata>(trust.directory() + QStringLiteral("/timestamp.json"),
                                                      kMaxMetadataBytes))
        add(QStringLiteral("timestamp"), ts->expires);
    if (!catalog.isEmpty())
        if (const auto m = readSigned<ManifestMetadata>(generations.currentDirectory() +
                                                            QStringLiteral("/manifest.json"),
                                                        kMaxManifestBytes))
            add(QStringLiteral("manifest"), m->expires);
    return s;
}

} // namespace catalogsync
