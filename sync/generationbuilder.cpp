#include "generationbuilder.h"

#include "blobstore.h"
#include "catalogbuilder.h"
#include "cataloggenerations.h"
#include "catalogschema.h"
#include "catalogstore.h"
#include "durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStorageInfo>
#include <cerrno>
#include <cstring>

namespace catalogsync {

namespace {

QString megabytes(qint64 bytes) { return QString::number(double(bytes) / (1024 * 1024), 'f', 1); }

QString generationDirName(const QString &path) { return QFileInfo(path).fileName(); }

} // namespace

GenerationBuilder::GenerationBuilder(QString syncRoot, QString catalogInUse)
    : m_root(std::move(syncRoot)), m_catalogInUse(std::move(catalogInUse))
{
}

qint64 GenerationBuilder::versionOfGeneration(const QString &directory)
{
    const QString name = generationDirName(directory);
    bool ok = false;
    const qint64 v = name.startsWith('m') ? name.mid(1).section('-', 0, 0).toLongLong(&ok) : 0;
    return ok ? v : 0;
}

QString GenerationBuilder::freshName(qint64 version) const
{
    // The generation in use and the one the UI has open are never rebuilt in place:
    // a reader (or a power cut) must always find them whole.
    const QStringList taken{generationDirName(CatalogGenerations(m_root).currentDirectory()),
                            m_catalogInUse.isEmpty() ? QString()
                                                     : generationDirName(QFileInfo(m_catalogInUse).absolutePath())};
    QString name = QStringLiteral("m%1").arg(version);
    if (!taken.contains(name))
        return name;
    name += QStringLiteral("-s%1").arg(content::kCatalogSchemaVersion);
    QString candidate = name;
    for (int n = 2; taken.contains(candidate); ++n)
        candidate = name + QStringLiteral("-%1").arg(n);
    return candidate;
}

QString GenerationBuilder::spaceProblem(const ManifestMetadata &manifest, qint64 downloadBytes,
                                        qint64 reserveBytes) const
{
    qint64 sourceBytes = 0;
    for (const PinnedFile &pin : manifest.files)
        sourceBytes += pin.length;
    // The database takes about as much again as its sources; keep a margin on top.
    const qint64 needed = downloadBytes + 3 * sourceBytes + reserveBytes;
    const qint64 available = QStorageInfo(m_root).bytesAvailable();
    if (available < 0 || available >= needed)
        return {};
    return QStringLiteral("not enough free disk space for catalog version %1: it needs about %2 MB, "
                          "%3 MB are free")
        .arg(manifest.version).arg(megabytes(needed), megabytes(available));
}

QString GenerationBuilder::build(const ManifestMetadata &manifest, const QByteArray &manifestFile,
                                 const CatalogUpdater::ProgressFn &progress, bool *rejected)
{
    CatalogGenerations generations(m_root);
    BlobStore blobs(m_root);
    const QString previousDir = generations.currentDirectory();
    const QString name = freshName(manifest.version);
    const QString genDir = m_root + QStringLiteral("/generations/") + name;
    const QString staging = m_root + QStringLiteral("/staging/") + name;
    if (progress)
        progress({SyncProgress::Phase::Building, 0, 0, 0, int(manifest.files.size())});

    // Leftovers of an interrupted build are never in use (the switch is the last step).
    QDir(genDir).removeRecursively();
    QDir(staging).removeRecursively();
    if (!QDir().mkpath(staging) || !QDir().mkpath(genDir))
        return QStringLiteral("cannot create the folder for the new catalog");
    for (auto it = manifest.files.cbegin(); it != manifest.files.cend(); ++it) {
        const QString dest = staging + '/' + it.key();
        QDir().mkpath(QFileInfo(dest).absolutePath());
        if (QString err = blobs.copyVerified(it.value(), dest); !err.isEmpty()) {
            QDir(staging).removeRecursively();
            QDir(genDir).removeRecursively();
            return err;
        }
    }
    const content::BuildReport built = content::buildCatalog(staging, genDir + '/' + CatalogGenerations::kCatalogFile);
    QDir(staging).removeRecursively();
    if (!built.ok()) {
        // A full disk while writing the database is this kiosk's problem, not the
        // publisher's: say so, instead of calling a good catalog bad.
        const qint64 free = QStorageInfo(m_root).bytesAvailable();
        if ((free >= 0 && free < 1024 * 1024) ||
            built.errors.first().toString().contains(QLatin1String("disk is full"))) {
            QFile::remove(genDir + '/' + CatalogGenerations::kCatalogFile);
            return QStringLiteral("the kiosk's disk is full: catalog version %1 could not be written")
                .arg(manifest.version);
        }
        if (built.writeFailed) {
            QDir(genDir).removeRecursively();
            return QStringLiteral("catalog version %1 could not be written on this kiosk: %2")
                .arg(manifest.version).arg(built.errors.first().message);
        }
        *rejected = true;
        return QStringLiteral("the signed catalog version %1 does not pass the catalog checks "
                              "(%2 problem(s), first: %3)")
            .arg(manifest.version).arg(built.errors.size()).arg(built.errors.first().toString());
    }
    if (QString err = content::writeFileDurably(genDir + QStringLiteral("/manifest.json"), manifestFile); !err.isEmpty())
        return err;
    // Nothing is switched to unless all of it is on disk: a switch to a generation a
    // power cut could take back would leave the kiosk with no catalog.
    for (const QString &dir : {genDir, m_root + QStringLiteral("/generations")})
        if (!content::fsyncPath(dir))
            return QStringLiteral("the kiosk's disk reports an error writing the new catalog (%1: %2)")
                .arg(dir, QString::fromLocal8Bit(strerror(errno)));
    try {
        content::CatalogStore store; // proves the new catalog opens before it is switched to
        store.open(genDir + '/' + CatalogGenerations::kCatalogFile);
    } catch (const std::exception &e) {
        return QStringLiteral("the new catalog does not open: %1").arg(QString::fromUtf8(e.what()));
    }
    if (progress)
        progress({SyncProgress::Phase::Switching, 0, 0, 0, 0});
    if (QString err = generations.activate(name); !err.isEmpty())
        return err;
    pruneAfterSwitch(previousDir, manifest);
    return {};
}

void GenerationBuilder::pruneAfterSwitch(const QString &previousDir, const ManifestMetadata &manifest)
{
    // The previous generation stays until the next switch, and so does the one the UI
    // has open; everything older goes, with the blobs only it used.
    CatalogGenerations generations(m_root);
    QStringList keep{generationDirName(previousDir)};
    if (!m_catalogInUse.isEmpty())
        keep.append(generationDirName(QFileInfo(m_catalogInUse).absolutePath()));
    generations.pruneExcept(keep);
    QSet<QString> keepBlobs;
    for (const PinnedFile &pin : manifest.files)
        keepBlobs.insert(pin.sha256);
    QString why;
    for (const QString &kept : keep) {
        const QByteArray file = content::readSmallFile(m_root + QStringLiteral("/generations/") + kept +
                                                  QStringLiteral("/manifest.json"), kMaxManifestBytes);
        if (const auto env = readEnvelope(file, &why))
            if (const auto m = ManifestMetadata::parse(env->signedBytes, &why))
                for (const PinnedFile &pin : m->files)
                    keepBlobs.insert(pin.sha256);
    }
    BlobStore(m_root).removeAllExcept(keepBlobs);
}

} // namespace catalogsync
