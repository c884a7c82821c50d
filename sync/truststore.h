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
    // Refuses to replace a trusted root with one of a lower version.
    QString installRoot(const QByteArray &rootFile);

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
