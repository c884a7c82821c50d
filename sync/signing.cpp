#include "signing.h"

#include <QFile>
#include <QSaveFile>
#include <mutex>
#include <sodium.h>

namespace catalogsync {

namespace {

void ensureSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            qFatal("libsodium cannot be initialised");
    });
}

static_assert(sizeof(crypto_hash_sha256_state) <= 512, "Sha256 state buffer too small");

QByteArray readHexLine(const QString &path, qsizetype expectedBytes, QString *why)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot read key file %1").arg(path);
        return {};
    }
    const QByteArray bytes = QByteArray::fromHex(f.read(4096).trimmed());
    if (bytes.size() != expectedBytes) {
        *why = QStringLiteral("%1 is not a key file of the expected kind").arg(path);
        return {};
    }
    return bytes;
}

bool writeText(const QString &path, const QByteArray &text, QFile::Permissions perms, QString *why)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() ||
        !f.setPermissions(perms) || !f.commit()) {
        *why = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace

QString sha256Hex(const QByteArray &bytes)
{
    Sha256 h;
    h.add(bytes.constData(), bytes.size());
    return h.hexDigest();
}

QString keyIdOf(const QByteArray &publicKey) { return sha256Hex(publicKey); }

bool SigningKey::isValid() const
{
    return publicKey.size() == crypto_sign_PUBLICKEYBYTES &&
           secretKey.size() == crypto_sign_SECRETKEYBYTES;
}

SigningKey SigningKey::generate()
{
    ensureSodium();
    SigningKey k;
    k.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    k.secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(k.publicKey.data()),
                        reinterpret_cast<unsigned char *>(k.secretKey.data()));
    return k;
}

SigningKey SigningKey::load(const QString &secretFile, QString *why)
{
    ensureSodium();
    SigningKey k;
    k.secretKey = readHexLine(secretFile, crypto_sign_SECRETKEYBYTES, why);
    if (k.secretKey.isEmpty())
        return {};
    k.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(k.publicKey.data()),
                                 reinterpret_cast<const unsigned char *>(k.secretKey.constData()));
    return k;
}

bool SigningKey::save(const QString &secretFile, const QString &publicFile, QString *why) const
{
    return writeText(secretFile, secretKey.toHex() + '\n',
                     QFile::ReadOwner | QFile::WriteOwner, why) &&
           writeText(publicFile, publicKey.toHex() + '\n',
                     QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther,
                     why);
}

QByteArray loadPublicKey(const QString &publicFile, QString *why)
{
    return readHexLine(publicFile, crypto_sign_PUBLICKEYBYTES, why);
}

QByteArray sign(const SigningKey &key, const QByteArray &message)
{
    ensureSodium();
    QByteArray sig(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(sig.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         quint64(message.size()),
                         reinterpret_cast<const unsigned char *>(key.secretKey.constData()));
    return sig;
}

bool verifySignature(const QByteArray &publicKey, const QByteArray &message,
                     const QByteArray &signature)
{
    ensureSodium();
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    return crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(signature.constData()),
               reinterpret_cast<const unsigned char *>(message.constData()),
               quint64(message.size()),
               reinterpret_cast<const unsigned char *>(publicKey.constData())) == 0;
}

Sha256::Sha256()
{
    ensureSodium();
    crypto_hash_sha256_init(reinterpret_cast<crypto_hash_sha256_state *>(m_state));
}

void Sha256::add(const char *data, qsizetype size)
{
    crypto_hash_sha256_update(reinterpret_cast<crypto_hash_sha256_state *>(m_state),
                              reinterpret_cast<const unsigned char *>(data), quint64(size));
}

QString Sha256::hexDigest()
{
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(reinterpret_cast<crypto_hash_sha256_state *>(m_state), out);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

} // namespace catalogsync
