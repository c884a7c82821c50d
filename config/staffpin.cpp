#include "staffpin.h"

#include <QRegularExpression>
#include <sodium.h>

namespace config {

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
    if (!sodiumReady() || !isArgon2idPinHash(hash) || hash.size() >= int(crypto_pwhash_STRBYTES))
        return false;
    const QByteArray stored = hash.toLatin1();
    const QByteArray secret = pin.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), secret.constData(), secret.size()) == 0;
}

namespace {

// libsodium's limits (crypto_pwhash_STRBYTES, the Argon2 salt and output minimums):
// a string its verifier would refuse must not pass as a configured PIN.
constexpr qsizetype kMaxEncodedLength = 127;
constexpr qsizetype kMinSaltBytes = 8;
constexpr qsizetype kMinHashBytes = 16;

// Unpadded base64 of at least minBytes bytes (a length of 4k+1 characters encodes nothing).
bool isBase64Of(const QString &text, qsizetype minBytes)
{
    return text.size() % 4 != 1 && text.size() * 3 / 4 >= minBytes;
}

bool isPositiveUint32(const QString &digits)
{
    bool ok = false;
    const qulonglong n = digits.toULongLong(&ok);
    return ok && n >= 1 && n <= 0xffffffffULL;
}

} // namespace

bool isArgon2idPinHash(const QString &text)
{
    static const QRegularExpression form(QStringLiteral(
        "^\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})"
        "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$"));
    if (text.size() > kMaxEncodedLength)
        return false;
    const QRegularExpressionMatch m = form.match(text);
    return m.hasMatch() && isPositiveUint32(m.captured(1)) && isPositiveUint32(m.captured(2)) &&
           isPositiveUint32(m.captured(3)) && isBase64Of(m.captured(4), kMinSaltBytes) &&
           isBase64Of(m.captured(5), kMinHashBytes);
}

} // namespace config
