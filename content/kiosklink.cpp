#include "kiosklink.h"

#include <QUrl>
#include <QUrlQuery>

namespace content {

namespace {
constexpr int kMaxIdLength = 64;

bool isControl(char32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        return true;
    // Direction overrides and isolates make a text display as something else.
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F)
        return true;
    return c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

QString stripSeparators(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s)
        if (c != QLatin1Char(' ') && c != QLatin1Char('-') && c != QChar(0x3000))
            out.append(c);
    return out;
}

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

bool looksLikePhone(QStringView text)
{
    QString s = stripSeparators(text);
    s.remove(QLatin1Char('(')).remove(QLatin1Char(')'));
    if (s.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive))
        s = s.mid(4);
    if (s.startsWith(QLatin1String("+86")))
        s = s.mid(3);
    else if (s.startsWith(QLatin1String("0086")))
        s = s.mid(4);
    if (!allDigits(s))
        return false;
    if (s.size() == 11 && s[0] == QLatin1Char('1') && s[1] >= QLatin1Char('3'))
        return true; // mobile
    return s[0] == QLatin1Char('0') && s.size() >= 10 && s.size() <= 12; // area code + number
    // Short service numbers (12345, 110) are not codes a resident scans.
}

// GK-YYYYMMDD-NNNN-C, separators optional, case-insensitive.
enum class Tracking { NotTracking, Bad, Good };
Tracking parseTracking(QStringView text, const LinkRules &rules, QString *canonical, QDate *date)
{
    const QString s = stripSeparators(text).toUpper();
    if (s.size() != 15 || !s.startsWith(QLatin1String("GK")))
        return Tracking::NotTracking;
    const QStringView digits = QStringView(s).mid(2, 12);
    if (!allDigits(digits))
        return Tracking::NotTracking;
    const QChar check = s[14];
    if (!(check.isDigit() || check == QLatin1Char('X')))
        return Tracking::NotTracking;
    const QDate d = QDate::fromString(digits.left(8).toString(), QStringLiteral("yyyyMMdd"));
    const int serial = digits.mid(8).toInt();
    // Receipts exist only since kiosks issue them: no year before 2000.
    if (KioskLink::mod11_2(digits) != check || !d.isValid() || d.year() < 2000 || serial < 1 ||
        (rules.today.isValid() && d > rules.today))
        return Tracking::Bad;
    *canonical = KioskLink::makeTrackingCode(d, serial);
    *date = d;
    return Tracking::Good;
}

bool sameHost(const QUrl &url, const QString &host)
{
    return url.host().compare(host, Qt::CaseInsensitive) == 0;
}

// The part of url's path below base's path ("" if url is not under base).
std::optional<QString> pathBelow(const QUrl &url, const QUrl &base)
{
    if (!base.isValid() || !sameHost(url, base.host()) || url.port(-1) != base.port(-1))
        return std::nullopt;
    QString basePath = base.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    const QString path = url.path();
    if (!path.startsWith(basePath + QLatin1Char('/')))
        return std::nullopt;
    return path.mid(basePath.size() + 1);
}

KioskLink fromUrl(const QString &text, const LinkRules &rules)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return KioskLink::rejected(KioskLink::Rejection::ForeignUrl, url.host());
    // https://trusted.gov.cn@evil.example/ looks trusted to a person, not to QUrl.
    if (!url.userInfo().isEmpty())
        return KioskLink::rejected(KioskLink::Rejection::ForeignUrl, url.host());

    for (const QString &b : rules.pageBaseUrls) {
        const auto below = pathBelow(url, QUrl(b));
        if (!below)
            continue;
        if (below->startsWith(QLatin1String("item/"))) {
            const QString id = below->mid(5);
            if (KioskLink::isItemId(id))
                return KioskLink::item(id);
        } else if (below->startsWith(QLatin1String("track/"))) {
            KioskLink c;
            QString canonical;
            QDate date;
            switch (parseTracking(QStringView(*below).mid(6), rules, &canonical, &date)) {
            case Tracking::Good:
                c.kind = KioskLink::Kind::Tracking;
                c.rejection = KioskLink::Rejection::None;
                c.trackingCode = canonical;
                c.trackingDate = date;
                return c;
            case Tracking::Bad:
                return KioskLink::rejected(KioskLink::Rejection::BadTrackingCode);
            case Tracking::NotTracking:
                break;
            }
        }
        return KioskLink::rejected(KioskLink::Rejection::UnknownPage, url.host());
    }

    bool allowed = false;
    for (const QString &h : rules.allowedHosts)
        allowed = allowed || sameHost(url, h.trimmed());
    if (!allowed)
        return KioskLink::rejected(KioskLink::Rejection::ForeignUrl, url.host());
    // An allowed portal names items as …/item/ID or …?id=ID (or ?item=ID).
    const QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i + 1 < parts.size(); ++i)
        if (parts[i] == QLatin1String("item") && KioskLink::isItemId(parts[i + 1]))
            return KioskLink::item(parts[i + 1]);
    const QUrlQuery query(url);
    for (const char *key : {"item", "id"}) {
        const QString id = query.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
        if (KioskLink::isItemId(id))
            return KioskLink::item(id);
    }
    return KioskLink::rejected(KioskLink::Rejection::UnknownPage, url.host());
}
} // namespace

KioskLink KioskLink::item(const QString &id)
{
    KioskLink c;
    c.kind = Kind::Item;
    c.rejection = Rejection::None;
    c.itemId = id;
    return c;
}

KioskLink KioskLink::rejected(Rejection why, const QString &host)
{
    KioskLink c;
    c.rejection = why;
    c.host = host.left(253);
    return c;
}

bool KioskLink::isItemId(QStringView id)
{
    if (id.isEmpty() || id.size() > kMaxIdLength || id[0] < QLatin1Char('a') || id[0] > QLatin1Char('z'))
        return false;
    for (QChar c : id) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                        (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
        if (!ok)
            return false;
    }
    return true;
}

QChar KioskLink::mod11_2(QStringView digits)
{
    // ISO 7064 MOD 11-2, the pure system of GB 11643 ID numbers.
    int p = 0;
    for (QChar c : digits)
        p = ((p + c.digitValue()) * 2) % 11;
    const int check = (12 - p) % 11;
    return check == 10 ? QLatin1Char('X') : QChar(u'0' + check);
}

QString KioskLink::makeTrackingCode(QDate date, int serial)
{
    if (!date.isValid() || serial < 1 || serial > 9999 || date.year() < 1000 || date.year() > 9999)
        return {};
    const QString digits = date.toString(QStringLiteral("yyyyMMdd")) +
                           QStringLiteral("%1").arg(serial, 4, 10, QLatin1Char('0'));
    return QStringLiteral("GK-%1-%2-%3").arg(digits.left(8), digits.mid(8)).arg(mod11_2(digits));
}

QString KioskLink::pageUrl(const QString &pageBaseUrl, const QString &itemId)
{
    if (pageBaseUrl.isEmpty() || !isItemId(itemId))
        return {};
    QString base = pageBaseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QStringLiteral("/item/") + itemId;
}

KioskLink KioskLink::parse(QStringView input, const LinkRules &rules)
{
    const QStringView text = input.trimmed();
    if (text.isEmpty())
        return rejected(Rejection::Empty);
    if (text.size() > MaxLength)
        return rejected(Rejection::TooLong);
    for (char32_t c : text.toUcs4()) {
        if (c == 0xFFFD)
            return rejected(Rejection::NotText);
        if (isControl(c))
            return rejected(Rejection::ControlCharacters);
    }

    if (text.startsWith(QLatin1String("item:"))) {
        const QStringView id = text.mid(5);
        return isItemId(id) ? item(id.toString()) : rejected(Rejection::Unrecognized);
    }
    const qsizetype scheme = text.indexOf(QLatin1String("://"));
    if (scheme > 0 || text.startsWith(QLatin1String("www."), Qt::CaseInsensitive))
        return fromUrl(scheme > 0 ? text.toString() : QStringLiteral("https://") + text.toString(), rules);

    QString canonical;
    QDate date;
    switch (parseTracking(text, rules, &canonical, &date)) {
    case Tracking::Good: {
        KioskLink c;
        c.kind = Kind::Tracking;
        c.rejection = Rejection::None;
        c.trackingCode = canonical;
        c.trackingDate = date;
        return c;
    }
    case Tracking::Bad:
        return rejected(Rejection::BadTrackingCode);
    case Tracking::NotTracking:
        break;
    }
    if (looksLikePhone(text))
        return rejected(Rejection::PhoneNumber);
    // A bare id needs a '-' too: single words (a product code, "hello") are not ids.
    if (isItemId(text) && text.contains(QLatin1Char('-')))
        return item(text.toString());
    return rejected(Rejection::Unrecognized);
}

} // namespace content
