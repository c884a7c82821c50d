// The staff PIN as a setting: the rule for a PIN, its hash (libsodium's Argon2id
// string format, salted) as kiosk.conf holds it (staff/pin_hash; `kiosk --hash-pin`
// makes one), the check of that form when the settings load, and verifying a PIN.
// Verifying takes a noticeable fraction of a second on purpose: call it off the UI
// thread.
//
// One guess costs about 90 ms of one core at these parameters (a 6-digit PIN, 10^6
// guesses, falls in ~25 core-hours to anyone holding the hash). Hence the rule below:
// at least 10 digits, 10^10 guesses, ~250,000 core-hours for the whole space. The
// kiosk's gate (StaffPinGate) stops guessing at the screen long before that.
#pragma once

#include <QString>

namespace config {

// Digits only (the staff PIN pad has nothing else), this many of them.
constexpr int kMinimumPinDigits = 10;
constexpr int kMaximumPinDigits = 32;
// Empty when the PIN keeps the rule, else a sentence saying why not.
QString pinRuleProblem(const QString &pin);

// An "$argon2id$..." string, or empty if hashing failed (out of memory).
QString hashPin(const QString &pin);
// True for "$argon2id$v=19$m=M,t=T,p=P$SALT$HASH": M, T, P positive decimal numbers,
// SALT (at least 8 bytes) and HASH (at least 16 bytes) in unpadded base64, shorter
// than the 128 characters libsodium's verifier accepts.
bool isArgon2idPinHash(const QString &text);
// A typo or a pasted PIN is then reported when the settings load, not at the staff screen.

// True when pin matches a hash made by hashPin; false for a malformed hash.
bool verifyPin(const QString &hash, const QString &pin);

} // namespace config
