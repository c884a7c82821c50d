#include "pinhash.h"

#include <sodium.h>

namespace catalogsync {

namespace {
bool sodiumReady() { return sodium_init() >= 0; }
} // namespace

QString pinRuleProblem(const QString &pin)
{
    for (const QChar c : pin)
        if (c < u'0' || c > u'9')
            return QStringLiteral("the staff PIN may hold digits only (the PIN pad has nothing else)");
    if (pin.size() < kMinimumPinDigits || pin.size() > kMaximumPinDigits)
        return QStringLiteral("the staff PIN must be %1 to %2 digits long")
            .arg(kMinimumPinDigits)
            .arg(kMaximumPinDigits);
    return {};
}

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
