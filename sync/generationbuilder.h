// GenerationBuilder: turns the verified blobs a manifest lists into a new catalog
// generation and switches the kiosk to it — the last step of every update and the
// whole of a schema upgrade. The sources are copied out of the BlobStore with their
// hashes checked again, the database is built in a directory of its own (never over
// the generation in use or the one the UI has open), fsynced, opened once, then made
// current by one atomic rename (CatalogGenerations::activate). Afterwards only the
// previous generation, the one in use by the UI and their blobs are kept.
#pragma once

#include "catalogupdater.h"

namespace catalogsync {

class GenerationBuilder
{
public:
    GenerationBuilder(QString syncRoot, QString catalogInUse);

    // A plain reason when the disk cannot hold downloadBytes more plus a build of
    // manifest (with reserveBytes left over), else empty.
    QString spaceProblem(const ManifestMetadata &manifest, qint64 downloadBytes, qint64 reserveBytes) const;
    // Builds, checks and switches. Empty on success, else a plain reason; *rejected is
    // set when the catalog itself fails the catalog checks (not this kiosk's fault).
    QString build(const ManifestMetadata &manifest, const QByteArray &manifestFile,
                  const CatalogUpdater::ProgressFn &progress, bool *rejected);

    // Generation names: "m<N>" for manifest version N; a rebuild of the same version
    // gets "m<N>-s<schema>" (and "-2", "-3"… if that too is taken by one in use).
    static qint64 versionOfGeneration(const QString &directory);

private:
    QString freshName(qint64 version) const;
    void pruneAfterSwitch(const QString &previousDir, const ManifestMetadata &manifest);

    QString m_root;
    QString m_catalogInUse;
};

} // namespace catalogsync
