// BlobStore: the catalog source files this kiosk holds, named by their SHA-256
// (SYNC_ROOT/blobs/<sha256>). A file enters the store only after its length and hash
// match the signed manifest, so a blob present here is a blob that was verified, and
// a new catalog version needs only the blobs not already here (the delta).
// Downloads in progress live in blobs/partial/<sha256>.part and are resumed.
#pragma once

#include "signedmetadata.h"

#include <QSet>
#include <QString>

namespace catalogsync {

class BlobStore
{
public:
    explicit BlobStore(QString syncRoot);

    bool contains(const PinnedFile &blob) const;
    // Something is stored under the blob's hash but it has the wrong length (the disk
    // lost data): not contained, and replaced when the blob is adopted again.
    bool isDamaged(const PinnedFile &blob) const;
    QString pathOf(const QString &sha256) const;
    QString partPathOf(const QString &sha256) const;
    // Checks the part file against the pin and moves it into the store, over a damaged
    // entry of the same name if there is one. On a mismatch the part is deleted (it can
    // never become right), *mismatch set and a plain reason returned; a reason without
    // *mismatch is this kiosk's own storage failing.
    QString adoptPart(const PinnedFile &blob, const QString &whatForStaff, bool *mismatch);
    // Copies a blob to dest, checking its hash again on the way (a blob damaged on
    // disk since it was stored is caught here, not in the catalog).
    QString copyVerified(const PinnedFile &blob, const QString &dest) const;
    // Deletes blobs not in keep, and stale partial downloads of them.
    void removeAllExcept(const QSet<QString> &keep);

private:
    QString m_dir;
};

} // namespace catalogsync
