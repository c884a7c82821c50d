// KioskLink: the kiosk's link rules — what a link or a scanned QR/bar code means to
// the kiosk. Catalog links (item:ID), the kiosk's own page addresses and tracking
// codes are one grammar, used by scanning, by catalog text and by the navigator.
// Scanners deliver any text a resident holds up (our own page codes, a receipt, a
// phone number, a payment code, garbage), so this parser decides, without touching
// the catalog:
//   - an item of the catalog: "item:ID", a bare item id (g-birth-cert), or a page
//     URL of the kiosk's public site (<page base>/item/ID) or of an allowed host
//     (…/item/ID, …?id=ID);
//   - a tracking code of an application or receipt: GK-YYYYMMDD-NNNN-C (see
//     trackingCode()), bare or as <page base>/track/CODE;
//   - anything else is rejected with a reason the kiosk turns into a plain message.
// Headless and total: any input yields a result (fuzzed in tests/fuzz).
#pragma once

#include <QDate>
#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace content {

struct LinkRules
{
    // Prefixes of the kiosk's own public pages, e.g. https://zwgk.example.gov.cn/kiosk
    QStringList pageBaseUrls;
    // Further hosts whose item pages the kiosk opens (the region's portal).
    QStringList allowedHosts;
    QDate today; // tracking codes dated after today are refused; invalid = no check
};

struct KioskLink
{
    Q_GADGET
public:
    enum class Kind { Item, Tracking, Rejected };
    Q_ENUM(Kind)
    enum class Rejection {
        None,
        Empty,             // nothing but spaces
        TooLong,           // longer than MaxLength characters
        ControlCharacters, // control or direction-override characters inside
        NotText,           // bytes that are neither UTF-8 nor GB18030 (see ScanLineDecoder)
        PhoneNumber,       // a mobile or landline number
        ForeignUrl,        // a web address of a host the kiosk does not trust
        UnknownPage,       // an allowed host's address that names no item
        BadTrackingCode,   // looks like a tracking code, but the check or date is wrong
        Unrecognized,      // text that is none of the above
    };
    Q_ENUM(Rejection)

    static constexpr int MaxLength = 512;

    Kind kind = Kind::Rejected;
    Rejection rejection = Rejection::Empty;
    QString itemId;       // Kind::Item: syntactically valid id; the catalog may still lack it
    QString trackingCode; // Kind::Tracking: canonical GK-YYYYMMDD-NNNN-C
    QDate trackingDate;   // Kind::Tracking: the date in the code
    QString host;         // ForeignUrl / UnknownPage: the address's host, for the message

    static KioskLink parse(QStringView text, const LinkRules &rules);

    // Catalog ids: lower-case ASCII letters, digits and '-', starting with a letter.
    static bool isItemId(QStringView id);
    // The canonical tracking code for a date and a serial (1..9999) of that day:
    // GK-20261122-0042-C, C = ISO 7064 MOD 11-2 over the 12 digits ('X' for 10).
    static QString makeTrackingCode(QDate date, int serial);
    static QChar mod11_2(QStringView digits);
    // The public address of an item's page, encoded in the page's QR code.
    static QString pageUrl(const QString &pageBaseUrl, const QString &itemId);

    static KioskLink item(const QString &id);
    static KioskLink rejected(Rejection why, const QString &host = {});
};

} // namespace content
