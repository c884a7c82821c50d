// Staff PIN hashing (libsodium's Argon2id string format, salted). The kiosk keeps
// only the hash, in kiosk.conf (staff/pin_hash); `kiosk --hash-pin` makes one.
// Verifying takes a noticeable fraction of a second on purpose: call it off the UI
// thread.
#pragma once

#include <QString>

namespace catalogsync {

// An "$argon2id$..." string, or empty if hashing failed (out of memory).
QString hashPin(const QString &pin);
// True when pin matches a hash made by hashPin; false for a malformed hash.
bool verifyPin(const QString &hash, const QString &pin);

} // namespace catalogsync
