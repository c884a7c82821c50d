#include "repositorypublisher.h"

#include "catalogbuilder.h"
#include "catalogupdater.h"
#include "durablefile.h"
#include "regularfile.h"
#include "sourcedocument.h"
#include "truststore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <algorithm>

namespace catalogsync {

namespace {

// The publisher reads its own repository without verifying: it is the signer.
std::optional<QJsonObject> signedPartOf(const QString &path)
{
    QString why;
    const auto env = readEnvelope(content::readSmallFile(path, kMaxManifestBytes), &why);
    if (!env)
        return std::nullopt;
    return QJsonDocument::fromJson(env->signedBytes).object();
}

// The repository as kiosks will see it once timestamp.json is replaced: every file
// from the folder, the new timestamp from memory. Publishing checks this view the way
// a kiosk does before the timestamp (what makes a version visible) is written.
class StagedMirror : public LocalMirror
{
public:
    StagedMirror(const QString &repo, QByteArray timestamp) : LocalMirror(repo), m_timestamp(std::move(timestamp)) {}
    FetchResult fetchFile(const QString &relPath, qint64 cap, QByteArray *out, QByteArray *etag) override
    {
        if (relPath != QLatin1String("timestamp.json"))
            return LocalMirror::fetchFile(relPath, cap, out, etag);
        if (m_timestamp.size() > cap)
            return {FetchResult::TooLarge, QStringLiteral("the new timestamp is larger than kiosks accept")};
        *out = m_timestamp;
        return FetchResult::success();
    }

private:
    QByteArray m_timestamp;
};

RoleKeys roleOf(const QList<QByteArray> &keys, int threshold, QHash<QString, QByteArray> *all)
{
    RoleKeys r;
    for (const QByteArray &k : keys) {
        all->insert(keyIdOf(k), k);
        r.keyIds.append(keyIdOf(k));
    }
    r.threshold = threshold;
    return r;
}

} // namespace

RepositoryPublisher::RepositoryPublisher(QString repoDir) : m_dir(std::move(repoDir)) {}

qint64 RepositoryPublisher::rootVersion() const
{
    const auto o = signedPartOf(m_dir + QStringLiteral("/root.json"));
    return o ? qint64(o->value(QStringLiteral("version")).toDouble()) : 0;
}

qint64 RepositoryPublisher::manifestVersion() const
{
    const auto o = signedPartOf(m_dir + QStringLiteral("/timestamp.json"));
    return o ? qint64(o->value(QStringLiteral("manifest")).toObject().value(QStringLiteral("version")).toDouble())
             : 0;
}

QString RepositoryPublisher::writeRoot(const RootPolicy &policy, const QList<SigningKey> &signers,
                                       qint64 *version)
{
    RootMetadata root;
    root.version = rootVersion() + 1;
    root.expires = policy.expires;
    root.root = roleOf(policy.rootKeys, policy.rootThreshold, &root.keys);
    root.timestamp = roleOf(policy.timestampKeys, policy.timestampThreshold, &root.keys);
    root.manifest = roleOf(policy.manifestKeys, policy.manifestThreshold, &root.keys);
    if (root.root.keyIds.size() < root.root.threshold ||
        root.timestamp.keyIds.size() < root.timestamp.threshold ||
        root.manifest.keyIds.size() < root.manifest.threshold || root.root.threshold < 1 ||
        root.timestamp.threshold < 1 || root.manifest.threshold < 1)
        return QStringLiteral("each role needs at least as many keys as its threshold (and at least one)");
    const QByteArray file = makeEnvelope(root.toJson(), signers);
    // Check our own output the way a kiosk will, so a bad signer set fails here.
    QString why;
    const auto env = readEnvelope(file, &why);
    const auto parsed = env ? RootMetadata::parse(env->signedBytes, &why) : std::nullopt;
    if (!parsed)
        return QStringLiteral("the new root does not verify: %1").arg(why);
    if (QString bad = checkThreshold(*env, *parsed, parsed->root, QStringLiteral("the new root")); !bad.isEmpty())
        return bad;
    if (QString err = content::writeFileDurably(m_dir + QStringLiteral("/%1.root.json").arg(root.version), file);
        !err.isEmpty())
        return err;
    if (version)
        *version = root.version;
    return content::writeFileDurably(m_dir + QStringLiteral("/root.json"), file);
}

QString RepositoryPublisher::publish(const QString &sourceFolder, qint64 version,
                                     const QDateTime &manifestExpires, const QDateTime &timestampExpires,
                                     const QList<SigningKey> &manifestKeys,
                                     const QList<SigningKey> &timestampKeys, PublishSummary *summary)
{
    // Manifest paths are relative to the source folder however it was named ("src",
    // "./src", "/srv/catalog/src"): "src/catalog.yaml" would be a catalog no kiosk can build.
    const QString sourceDir = QDir(sourceFolder).absolutePath();
    if (version <= manifestVersion())
        return QStringLiteral("version %1 is not higher than the published version %2")
            .arg(version).arg(manifestVersion());
    if (rootVersion() == 0)
        return QStringLiteral("the repository has no root.json yet; create it with rotate-root");
    QTemporaryDir temp;
    const content::BuildReport build = content::buildCatalog(sourceDir, temp.filePath(QStringLiteral("check.db")));
    if (!build.ok()) {
        QStringList lines;
        for (const auto &e : build.errors)
            lines.append(e.toString());
        return QStringLiteral("the catalog sources do not build; nothing was published:\n") + lines.join('\n');
    }

    ManifestMetadata manifest;
    manifest.version = version;
    manifest.expires = manifestExpires;
    PublishSummary s;
    s.manifestVersion = version;
    QDirIterator it(sourceDir, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(sourceDir).relativeFilePath(path);
        const QStringList parts = rel.split('/');
        if (std::any_of(parts.cbegin(), parts.cend(), [](const QString &p) { return p.startsWith('.'); }))
            continue; // editor and VCS files (.git, .x.swp) are not catalog content
        if (!isSafeSourcePath(rel))
            return QStringLiteral("the source file name '%1' cannot be published").arg(rel);
        QByteArray bytes;
        if (const content::RegularFile r = content::readRegularFile(sourceDir, rel, content::kMaxSourceFileBytes, &bytes);
            !r.ok())
            return QStringLiteral("nothing was published: %1").arg(r.reason);
        const PinnedFile pin{sha256Hex(bytes), bytes.size()};
        manifest.files.insert(rel, pin);
        s.files += 1;
        const QString blob = m_dir + QStringLiteral("/blobs/") + pin.sha256;
        if (QFileInfo(blob).size() == pin.length)
            continue;
        if (QString err = content::writeFileDurably(blob, bytes); !err.isEmpty())
            return err;
        s.newBlobs += 1;
        s.newBlobBytes += pin.length;
    }
    const QByteArray manifestFile = makeEnvelope(manifest.toJson(), manifestKeys);
    const QString manifestPath = m_dir + QStringLiteral("/%1.manifest.json").arg(version);
    if (QFileInfo::exists(manifestPath))
        return QStringLiteral("%1 already exists; versions are never reused").arg(manifestPath);
    if (QString err = content::writeFileDurably(manifestPath, manifestFile); !err.isEmpty())
        return err;
    QString err;
    const QByteArray timestamp = makeTimestamp(version, manifestFile, timestampExpires, timestampKeys, &err);
    if (timestamp.isEmpty() || !(err = verifyAsKiosk(timestamp, version)).isEmpty()) {
        // No kiosk has seen this version (no timestamp names it): it is not spent.
        QFile::remove(manifestPath);
        return QStringLiteral("nothing was published (version %1 can be used again): %2").arg(version).arg(err);
    }
    if (summary)
        *summary = s;
    return content::writeFileDurably(m_dir + QStringLiteral("/timestamp.json"), timestamp);
}

QString RepositoryPublisher::verifyAsKiosk(const QByteArray &timestamp, qint64 version) const
{
    QTemporaryDir kiosk;
    if (!kiosk.isValid())
        return QStringLiteral("cannot make a folder to check the repository in");
    // A kiosk provisioned with the repository's current keys, syncing from it.
    if (QString err = TrustStore(kiosk.path()).installRoot(content::readSmallFile(m_dir + QStringLiteral("/root.json"),
                                                                         kMaxMetadataBytes));
        !err.isEmpty())
        return QStringLiteral("the repository's root.json: %1").arg(err);
    StagedMirror mirror(m_dir, timestamp);
    CatalogUpdater updater(kiosk.path());
    updater.reserveBytes = 0;
    const SyncReport r = updater.update(mirror, QDateTime::currentDateTimeUtc());
    if (r.outcome != SyncReport::Outcome::Updated || r.catalogVersion != version)
        return QStringLiteral("a kiosk would not install it (%1: %2)")
            .arg(outcomeName(r.outcome), r.reason.isEmpty() ? QStringLiteral("version %1 instead of %2")
                                                                  .arg(r.catalogVersion).arg(version)
                                                            : r.reason);
    return {};
}

QString RepositoryPublisher::renewTimestamp(const QDateTime &expires, const QList<SigningKey> &timestampKeys)
{
    const qint64 version = manifestVersion();
    if (version == 0)
        return QStringLiteral("nothing has been published yet");
    const QByteArray manifestFile =
        content::readSmallFile(m_dir + QStringLiteral("/%1.manifest.json").arg(version), kMaxManifestBytes);
    QString err;
    const QByteArray timestamp = makeTimestamp(version, manifestFile, expires, timestampKeys, &err);
    if (timestamp.isEmpty())
        return err;
    return content::writeFileDurably(m_dir + QStringLiteral("/timestamp.json"), timestamp);
}

QByteArray RepositoryPublisher::makeTimestamp(qint64 manifestVersion, const QByteArray &manifestFile,
                                              const QDateTime &expires, const QList<SigningKey> &keys,
                                              QString *why) const
{
    const auto previous = signedPartOf(m_dir + QStringLiteral("/timestamp.json"));
    TimestampMetadata ts;
    ts.version = (previous ? qint64(previous->value(QStringLiteral("version")).toDouble()) : 0) + 1;
    ts.expires = expires;
    ts.manifestVersion = manifestVersion;
    ts.manifest = {sha256Hex(manifestFile), manifestFile.size()};
    const QByteArray file = makeEnvelope(ts.toJson(), keys);
    // Signed by keys the repository's root names for timestamps, as a kiosk checks it
    // (after a rotation the old key is refused here, not on every kiosk).
    QString ignored;
    const auto rootEnv = readEnvelope(content::readSmallFile(m_dir + QStringLiteral("/root.json"), kMaxMetadataBytes), &ignored);
    const auto root = rootEnv ? RootMetadata::parse(rootEnv->signedBytes, &ignored) : std::nullopt;
    const auto env = readEnvelope(file, &ignored);
    if (!root || !env) {
        *why = QStringLiteral("the repository's root.json cannot be read");
        return {};
    }
    if (QString bad = checkThreshold(*env, *root, root->timestamp, QStringLiteral("the new timestamp"));
        !bad.isEmpty()) {
        *why = bad;
        return {};
    }
    return file;
}

} // namespace catalogsync
