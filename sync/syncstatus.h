// What the staff screen shows about this kiosk's catalog and its syncs, read from
// SYNC_ROOT (trust/ and current/). Plain file reads: call it off the UI thread.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace catalogsync {

struct MetadataExpiry {
    QString role; // "root" (signing keys), "timestamp", "manifest" (catalog list)
    QDateTime expires;
    bool expired = false;
    bool expiresSoon = false; // within the warning window, not yet expired
};

struct SyncStatusSnapshot {
    qint64 catalogVersion = 0; // 0: no synced catalog installed
    QDateTime catalogSince;    // when that version was installed on this kiosk
    QDateTime lastSuccess;
    QDateTime lastAttempt;
    QString lastError;   // the detail (English, for the log and technicians)
    QString lastProblem; // SyncReport::problem of the last failed attempt
    QList<MetadataExpiry> expiries;
    bool trustInstalled = false;
};

// now and warnWithinSeconds decide expired / expiresSoon.
SyncStatusSnapshot readSyncStatus(const QString &syncRoot, const QDateTime &now, qint64 warnWithinSeconds);

} // namespace catalogsync
