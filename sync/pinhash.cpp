#include "pinhash.h"

#include <sodium.h>

namespace catalogsync {

namespace {
bool sodiumReady() { return sodium_init() >= 0; }
} // namespace

QString hashPin(const QString &pin)
{
    if (!sodiumReady())
        return {};
    const QByteArray secret = pin.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, secret.constData(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return QString::fromLatin1(out);
}

bool verifyPin(const QString &hash, const QString &pin)
{
    if (!sodiumReady() || hash.isEmpty() || hash.size() >= int(crypto_pwhash_STRBYTES))
        return false;
    const QByteArray stored = hash.toLatin1();
    const QByteArray secret = pin.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), secret.constData(), secret.size()) == 0;
}

} // namespace catalogsync
