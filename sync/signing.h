// Ed25519 signing keys and SHA-256 digests (libsodium). Key ids are the hex SHA-256
// of the raw 32-byte public key, so an id cannot name a different key than the one
// it sits beside in root metadata.
#pragma once

#include <QByteArray>
#include <QString>

namespace catalogsync {

// Hex SHA-256 of bytes (lower case, 64 characters).
QString sha256Hex(const QByteArray &bytes);
QString keyIdOf(const QByteArray &publicKey);

struct SigningKey {
    QByteArray publicKey; // 32 bytes
    QByteArray secretKey; // 64 bytes (libsodium form: seed followed by public key)
    QString keyId() const { return keyIdOf(publicKey); }
    bool isValid() const;

    static SigningKey generate();
    // Key files are one line of hex: the secret file holds the 64-byte secret key,
    // the public file the 32-byte public key. Empty key / array on any error.
    static SigningKey load(const QString &secretFile, QString *why);
    bool save(const QString &secretFile, const QString &publicFile, QString *why) const;
};

QByteArray loadPublicKey(const QString &publicFile, QString *why);
QByteArray sign(const SigningKey &key, const QByteArray &message);
bool verifySignature(const QByteArray &publicKey, const QByteArray &message,
                     const QByteArray &signature);

// Streaming SHA-256 for files too large to hold in memory.
class Sha256
{
public:
    Sha256();
    void add(const char *data, qsizetype size);
    QString hexDigest(); // finishes the hash
private:
    alignas(64) unsigned char m_state[512];
};

} // namespace catalogsync
