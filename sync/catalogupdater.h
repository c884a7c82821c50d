// CatalogUpdater: one sync of this kiosk's catalog from a mirror (web server or USB
// stick), synchronous — SyncEngine runs it on a worker thread. Order of work:
//   1. follow root key rotations (N+1.root.json signed by old AND new root keys);
//   2. timestamp.json: verify, refuse versions lower than trusted (rollback), note
//      expiry (freeze);
//   3. N.manifest.json: must match the timestamp's pin (hash, length, version) before
//      its signature is even checked — pieces of different versions do not mix;
//   4. download only the blobs not yet in the BlobStore, each capped and verified;
//   5. assemble the sources, build catalog.db in a new generation beside the current
//      one, fsync, open it once, switch with one atomic rename (GenerationBuilder).
// Before all of that, a generation in use whose database has another schema version
// than this software reads (the kiosk software was upgraded) is rebuilt from the
// manifest and blobs it was made from (upgradeCurrent); if that fails, the same
// version counts as not yet installed and is fetched again.
// Any failure leaves the kiosk on the generation it was serving, with a plain reason.
#pragma once

#include "repositorymirror.h"
#include "signedmetadata.h"

#include <QDateTime>
#include <QStringList>
#include <atomic>
#include <functional>

namespace catalogsync {

struct SyncProgress {
    enum class Phase { Checking, Downloading, Building, Switching, Upgrading /* schema rebuild */ };
    Phase phase = Phase::Checking;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    int filesDone = 0;
    int filesTotal = 0;
};

struct SyncReport {
    enum class Outcome {
        Updated,  // a new catalog generation is in use
        UpToDate, // nothing newer was offered
        Expired,  // metadata expired (stale or frozen source): kept the current catalog
        Rejected, // verification refused what the mirror offered (possible attack)
        Failed    // network, disk or local problem; try again later
    };
    Outcome outcome = Outcome::Failed;
    QString reason;       // plain words for staff; empty for Updated and UpToDate
    // What kind of problem, for the staff screen's plain words (ui/strings.yaml
    // "staff.problem.<problem>"): unreachable, no_space, expired, rejected, stopped,
    // local; empty when the sync succeeded.
    QString problem;
    // "upgrade" too: the catalog in use could not be rebuilt for this software's schema;
    // "slow": the source delivered too slowly; "bad_stick": a stick holds something
    // other than regular files; "repaired" (with Updated): damaged files this kiosk
    // had stored were replaced (warnings say how many).
    QStringList warnings; // shown to staff even when the outcome is fine
    bool switched = false; // a new generation became current (an update or a schema upgrade)
    qint64 catalogVersion = 0; // the version being served after this sync (0: none)
    QString catalogPath;       // its database
    qint64 bytesTransferred = 0;
    int filesDownloaded = 0;

    bool succeeded() const { return outcome == Outcome::Updated || outcome == Outcome::UpToDate; }
};

class CatalogUpdater
{
public:
    using ProgressFn = std::function<void(const SyncProgress &)>;

    explicit CatalogUpdater(QString syncRoot);

    // `now` is fixed by the caller at the start of the sync and used for every
    // expiry check. `cancel` (optional) is polled between downloads.
    SyncReport update(RepositoryMirror &mirror, const QDateTime &now, const ProgressFn &progress = {},
                      const std::atomic_bool *cancel = nullptr);

    // True when the generation in use has a database this software cannot read because
    // it was built with another schema version (reads one row; worker thread only).
    bool currentNeedsUpgrade() const;
    // Rebuilds the generation in use for this software's schema from the manifest kept
    // beside it and the blobs in the BlobStore (hashes checked again) into a new
    // generation, switched like an update. Needs no mirror and ignores expiry: the kiosk
    // keeps serving. Updated when rebuilt, UpToDate when nothing needed it, Failed with a
    // plain reason (problem "upgrade" or "no_space") leaving the kiosk as it was.
    SyncReport upgradeCurrent(const ProgressFn &progress = {});

    // The manifest version of the generation in use (0 when none).
    qint64 currentVersion() const;
    QString currentCatalog() const;

    // Free disk space kept untouched by a sync (the kiosk's own data needs room too).
    qint64 reserveBytes = 64ll * 1024 * 1024;
    // The catalog database the UI still has open, if it has not yet moved to the newest
    // generation: its generation is kept (never delete a database that is open).
    QString catalogInUse;
    static constexpr int kMaxRootRotationsPerSync = 16;

private:
    struct Run;
    SyncReport updateLocked(RepositoryMirror &mirror, const QDateTime &now,
                            const ProgressFn &progress, const std::atomic_bool *cancel);
    // Empty when rebuilt, else the reason; *problem is the staff screen's key.
    QString upgradeLocked(const ProgressFn &progress, QString *problem);
    // The kept list of the generation in use, if the trusted manifest keys vouch for it.
    std::optional<ManifestMetadata> servedManifest(const RootMetadata &root) const;
    void recordAttempt(const SyncReport &report, const QDateTime &now, bool sync) const;

    QString m_root;
};

QString outcomeName(SyncReport::Outcome outcome);

} // namespace catalogsync
