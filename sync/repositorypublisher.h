// RepositoryPublisher: the central side. Turns a catalog source tree into a signed
// repository of plain static files that any web server, CDN or USB stick can carry:
//   root.json, N.root.json   keys and thresholds (N.root.json kept for rotation)
//   timestamp.json           short-lived; pins the current manifest
//   N.manifest.json          every source file → blob sha256 and length
//   blobs/<sha256>           the source files themselves, one blob per file, so an
//                            edit of one item changes one blob of download
// Files are written blobs first, manifest next, timestamp last (each by rename), so a
// mirror copied at any moment never names a file it does not hold.
#pragma once

#include "signedmetadata.h"

#include <QDateTime>
#include <QList>

namespace catalogsync {

struct RootPolicy {
    QList<QByteArray> rootKeys; // public keys
    int rootThreshold = 1;
    QList<QByteArray> timestampKeys;
    int timestampThreshold = 1;
    QList<QByteArray> manifestKeys;
    int manifestThreshold = 1;
    QDateTime expires;
};

struct PublishSummary {
    qint64 manifestVersion = 0;
    int files = 0;
    int newBlobs = 0;
    qint64 newBlobBytes = 0;
};

class RepositoryPublisher
{
public:
    explicit RepositoryPublisher(QString repoDir);

    // Writes the next root (version 1 in a new repository). For a rotation, signers
    // must include a threshold of the current root keys and of the new ones.
    QString writeRoot(const RootPolicy &policy, const QList<SigningKey> &signers,
                      qint64 *version = nullptr);

    // Validates sourceDir with the catalog builder first and publishes nothing if it
    // does not build. version must be higher than the one published. Before the new
    // timestamp makes the version visible, a kiosk of its own (fresh, trusting the
    // repository's root.json) syncs from the repository and must install exactly this
    // version; otherwise nothing is published and the version is not spent.
    QString publish(const QString &sourceDir, qint64 version, const QDateTime &manifestExpires,
                    const QDateTime &timestampExpires, const QList<SigningKey> &manifestKeys,
                    const QList<SigningKey> &timestampKeys, PublishSummary *summary = nullptr);

    // Re-signs the timestamp for the current manifest with a new expiry (run often:
    // kiosks treat an expired timestamp as a frozen server).
    QString renewTimestamp(const QDateTime &expires, const QList<SigningKey> &timestampKeys);

    // The published versions, read from the repository's own files (0 when none).
    qint64 rootVersion() const;
    qint64 manifestVersion() const;

private:
    // A signed timestamp pinning the manifest, checked against the repository's root
    // (empty with *why when the keys are not the ones the root names).
    QByteArray makeTimestamp(qint64 manifestVersion, const QByteArray &manifestFile, const QDateTime &expires,
                             const QList<SigningKey> &keys, QString *why) const;
    QString verifyAsKiosk(const QByteArray &timestamp, qint64 version) const;
    QString m_dir;
};

} // namespace catalogsync
