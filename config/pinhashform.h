// The form of a staff PIN hash as kiosk.conf holds it (staff/pin_hash): libsodium's
// Argon2id string, as `kiosk --hash-pin` (sync/pinhash.cpp) writes it. config/ checks
// only the form, so that a typo or a pasted PIN is reported when the settings load and
// not at the staff screen; verifying a PIN stays with sync/ (libsodium).
#pragma once

#include <QString>

namespace config {

// True for "$argon2id$v=19$m=M,t=T,p=P$SALT$HASH": M, T, P positive decimal numbers,
// SALT (at least 8 bytes) and HASH (at least 16 bytes) in unpadded base64, shorter
// than the 128 characters libsodium's verifier accepts.
bool isArgon2idPinHash(const QString &text);

} // namespace config
