#include "repositorypublisher.h"

#include "catalogbuilder.h"
#include "durablefile.h"

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
    const auto env = readEnvelope(readSmallFile(path, kMaxManifestBytes), &why);
    if (!env)
        return std::nullopt;
    return QJsonDocument::fromJson(env->signedBytes).object();
}

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
    if (QString err = writeFileDurably(m_dir + QStringLiteral("/%1.root.json").arg(root.version), file);
        !err.isEmpty())
        return err;
    if (version)
        *version = root.version;
    return writeFileDurably(m_dir + QStringLiteral("/root.json"), file);
}

QString RepositoryPublisher::publish(const QString &sourceDir, qint64 version,
                                     const QDateTime &manifestExpires, const QDateTime &timestampExpires,
                                     const QList<SigningKey> &manifestKeys,
                                     const QList<SigningKey> &timestampKeys, PublishSummary *summary)
{
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
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read %1").arg(path);
        const QByteArray bytes = f.readAll();
        const PinnedFile pin{sha256Hex(bytes), bytes.size()};
        manifest.files.insert(rel, pin);
        s.files += 1;
        const QString blob = m_dir + QStringLiteral("/blobs/") + pin.sha256;
        if (QFileInfo(blob).size() == pin.length)
            continue;
        if (QString err = writeFileDurably(blob, bytes); !err.isEmpty())
            return err;
        s.newBlobs += 1;
        s.newBlobBytes += pin.length;
    }
    const QByteArray manifestFile = makeEnvelope(manifest.toJson(), manifestKeys);
    const QString manifestPath = m_dir + QStringLiteral("/%1.manifest.json").arg(version);
    if (QFileInfo::exists(manifestPath))
        return QStringLiteral("%1 already exists; versions are never reused").arg(manifestPath);
    if (QString err = writeFileDurably(manifestPath, manifestFile); !err.isEmpty())
        return err;
    if (summary)
        *summary = s;
    return writeTimestamp(version, manifestFile, timestampExpires, timestampKeys);
}

QString RepositoryPublisher::renewTimestamp(const QDateTime &expires, const QList<SigningKey> &timestampKeys)
{
    const qint64 version = manifestVersion();
    if (version == 0)
        return QStringLiteral("nothing has been published yet");
    const QByteArray manifestFile =
        readSmallFile(m_dir + QStringLiteral("/%1.manifest.json").arg(version), kMaxManifestBytes);
    return writeTimestamp(version, manifestFile, expires, timestampKeys);
}

QString RepositoryPublisher::writeTimestamp(qint64 manifestVersion, const QByteArray &manifestFile,
                                            const QDateTime &expires, const QList<SigningKey> &keys)
{
    const auto previous = signedPartOf(m_dir + QStringLiteral("/timestamp.json"));
    TimestampMetadata ts;
    ts.version = (previous ? qint64(previous->value(QStringLiteral("version")).toDouble()) : 0) + 1;
    ts.expires = expires;
    ts.manifestVersion = manifestVersion;
    ts.manifest = {sha256Hex(manifestFile), manifestFile.size()};
    return writeFileDurably(m_dir + QStringLiteral("/timestamp.json"), makeEnvelope(ts.toJson(), keys));
}

} // namespace catalogsync
