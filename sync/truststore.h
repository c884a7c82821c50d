// TrustStore: what this kiosk already trusts, kept under SYNC_ROOT/trust/.
//   root.json   the newest root metadata verified (the pinned keys)
//   state.json  the highest versions trusted (root, timestamp, manifest) — versions
//               only go up, whichever mirror (network or USB stick) offers metadata —
//               plus the staff-facing record of the last sync.
// Both are rewritten durably (write, fsync, rename). A damaged state file stops
// syncing rather than resetting to zero, which would reopen the door to rollback.
#pragma once

#include "signedmetadata.h"

#include <QDateTime>
#include <optional>

namespace catalogsync {

struct TrustedState {
    qint64 rootVersion = 0;
    qint64 timestampVersion = 0;
    qint64 manifestVersion = 0;
    QDateTime lastSuccess;   // last sync that ended up-to-date or updated
    QString lastError;       // plain words, empty after a success
    QString lastProblem;     // SyncReport::problem of the last failed attempt
    QDateTime lastAttempt;
    QByteArray timestampEtag; // for a conditional request of timestamp.json
};

class TrustStore
{
public:
    explicit TrustStore(QString syncRoot);

    // Provisioning: pins the first root (it must be signed by its own root keys).
    // Refuses to replace a trusted root with one of a lower version. Replacing a
    // trusted root forgets the versions of the roles whose keys it changes (as a
    // rotation through the repository does), so a technician can recover a kiosk
    // whose online keys leaked.
    QString installRoot(const QByteArray &rootFile);

    // TUF's fast-forward recovery: when a new root changes the keys (or threshold) of
    // the timestamp or manifest role, a version signed with the old keys — perhaps by
    // a thief at 2^52 — must not stay a floor. The timestamp pins the manifest, so a
    // change of either forgets both. The catalog being served still counts as a floor
    // while the trusted manifest keys vouch for it (CatalogUpdater). Returns which
    // roles were forgotten ("timestamp", "manifest"), for the log.
    static QStringList forgetRotatedRoles(const RootMetadata &previous, const RootMetadata &next,
                                          TrustedState *state);

    // The trusted root, re-verified from disk; nullopt with *why when none or damaged.
    std::optional<RootMetadata> root(QString *why) const;
    // Stores a root already verified by the caller against the previous one.
    QString storeRoot(const QByteArray &rootFile);

    std::optional<TrustedState> state(QString *why) const;
    QString saveState(const TrustedState &state);

    // The last verified timestamp file, re-read when the server answers "not modified".
    QByteArray trustedTimestamp() const;
    QString storeTimestamp(const QByteArray &timestampFile);

    QString directory() const { return m_dir; }

private:
    QString m_dir;
};

} // namespace catalogsync
