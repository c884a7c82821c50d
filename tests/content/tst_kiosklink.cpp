// The kiosk's link rules (KioskLink): what a link or a scanned code means — catalog
// items, the kiosk's own page addresses, tracking codes, and everything refused.
#include "idcard.h"
#include "kiosklink.h"

#include <QtTest>

using namespace content;
using Kind = KioskLink::Kind;
using Why = KioskLink::Rejection;

Q_DECLARE_METATYPE(content::KioskLink::Kind)
Q_DECLARE_METATYPE(content::KioskLink::Rejection)

class KioskLinkTest : public QObject
{
    Q_OBJECT

    static LinkRules rules()
    {
        LinkRules r;
        r.pageBaseUrls = {QStringLiteral("https://zwgk.example.gov.cn/kiosk")};
        r.allowedHosts = {QStringLiteral("www.example.gov.cn")};
        r.today = QDate(2026, 11, 22);
        return r;
    }

private slots:
    void classify_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<Why>("why");
        QTest::addColumn<QString>("value");
        const QString good = KioskLink::makeTrackingCode(QDate(2026, 11, 20), 42);
        QTest::newRow("item link") << "item:g-birth-cert" << Kind::Item << Why::None << "g-birth-cert";
        QTest::newRow("bare id") << "  g-birth-cert\t" << Kind::Item << Why::None << "g-birth-cert";
        QTest::newRow("own page") << "https://zwgk.example.gov.cn/kiosk/item/p-2023-12" << Kind::Item
                                  << Why::None << "p-2023-12";
        QTest::newRow("own page, host case") << "HTTPS://ZWGK.example.gov.cn/kiosk/item/qa-1"
                                             << Kind::Item << Why::None << "qa-1";
        QTest::newRow("own page, other path") << "https://zwgk.example.gov.cn/kiosk/about"
                                              << Kind::Rejected << Why::UnknownPage << "";
        QTest::newRow("own host, outside base") << "https://zwgk.example.gov.cn/item/g-x"
                                                << Kind::Rejected << Why::ForeignUrl << "";
        QTest::newRow("allowed host, path") << "https://www.example.gov.cn/zwgk/item/g-birth-cert?from=qr"
                                            << Kind::Item << Why::None << "g-birth-cert";
        QTest::newRow("allowed host, query") << "http://www.example.gov.cn/view.html?id=p-2023-12"
                                             << Kind::Item << Why::None << "p-2023-12";
        QTest::newRow("allowed host, no item") << "https://www.example.gov.cn/news/1.html"
                                               << Kind::Rejected << Why::UnknownPage << "";
        QTest::newRow("foreign url") << "https://pay.example.com/item/g-birth-cert" << Kind::Rejected
                                     << Why::ForeignUrl << "";
        QTest::newRow("userinfo trick") << "https://www.example.gov.cn@evil.example/item/g-a"
                                        << Kind::Rejected << Why::ForeignUrl << "";
        QTest::newRow("lookalike host") << "https://www.example.gov.cn.evil.example/item/g-a"
                                        << Kind::Rejected << Why::ForeignUrl << "";
        QTest::newRow("www without scheme") << "www.example.gov.cn/item/g-a" << Kind::Item << Why::None << "g-a";
        QTest::newRow("javascript") << "javascript://alert(1)" << Kind::Rejected << Why::ForeignUrl << "";
        QTest::newRow("wechat") << "weixin://wxpay/bizpayurl?pr=abc" << Kind::Rejected << Why::ForeignUrl << "";
        QTest::newRow("tracking") << good << Kind::Tracking << Why::None << good;
        QTest::newRow("tracking, compact lower") << QString(good).remove('-').toLower() << Kind::Tracking
                                                 << Why::None << good;
        QTest::newRow("tracking url") << "https://zwgk.example.gov.cn/kiosk/track/" + good << Kind::Tracking
                                      << Why::None << good;
        QString wrongCheck = good;
        wrongCheck[wrongCheck.size() - 1] = good.back() == '1' ? '2' : '1';
        QTest::newRow("tracking, wrong check") << wrongCheck << Kind::Rejected << Why::BadTrackingCode << "";
        QTest::newRow("tracking, future") << KioskLink::makeTrackingCode(QDate(2027, 1, 1), 1) << Kind::Rejected
                                          << Why::BadTrackingCode << "";
        // Found by fuzz_scan_codes: a well-checked code dated in year 26.
        QTest::newRow("tracking, year 0026") << "GK-002611200042-3" << Kind::Rejected << Why::BadTrackingCode << "";
        QTest::newRow("mobile") << "13812345678" << Kind::Rejected << Why::PhoneNumber << "";
        QTest::newRow("mobile +86") << "+86 138-1234-5678" << Kind::Rejected << Why::PhoneNumber << "";
        QTest::newRow("tel uri") << "tel:010-12345678" << Kind::Rejected << Why::PhoneNumber << "";
        QTest::newRow("landline") << "(0991)1234567" << Kind::Rejected << Why::PhoneNumber << "";
        QTest::newRow("payment code") << "134567890123456789" << Kind::Rejected << Why::Unrecognized << "";
        QTest::newRow("ean13") << "6901234567892" << Kind::Rejected << Why::Unrecognized << "";
        QTest::newRow("word") << "hello" << Kind::Rejected << Why::Unrecognized << "";
        QTest::newRow("upper id") << "G-BIRTH-CERT" << Kind::Rejected << Why::Unrecognized << "";
        QTest::newRow("chinese") << "欢迎光临" << Kind::Rejected << Why::Unrecognized << "";
        QTest::newRow("empty") << "  " << Kind::Rejected << Why::Empty << "";
        QTest::newRow("overlong") << "g-" + QString(KioskLink::MaxLength, 'a') << Kind::Rejected << Why::TooLong << "";
        QTest::newRow("control") << QString("g-a\x1b[2Jb") << Kind::Rejected << Why::ControlCharacters << "";
        QTest::newRow("nul") << QString::fromUtf8("item:g-a\0b", 10) << Kind::Rejected
                             << Why::ControlCharacters << "";
        QTest::newRow("bidi override") << QString("g-a") + QChar(0x202E) + "b" << Kind::Rejected
                                       << Why::ControlCharacters << "";
        QTest::newRow("replacement") << QString("g-a") + QChar(0xFFFD) << Kind::Rejected << Why::NotText << "";
        QTest::newRow("bad item link") << "item:../../etc" << Kind::Rejected << Why::Unrecognized << "";
    }

    void classify()
    {
        QFETCH(QString, text);
        QFETCH(Kind, kind);
        QFETCH(Why, why);
        QFETCH(QString, value);
        const KioskLink c = KioskLink::parse(text, rules());
        QCOMPARE(c.kind, kind);
        QCOMPARE(c.rejection, why);
        if (kind == Kind::Item)
            QCOMPARE(c.itemId, value);
        if (kind == Kind::Tracking)
            QCOMPARE(c.trackingCode, value);
    }

    void foreignHostIsNamed()
    {
        const KioskLink c = KioskLink::parse(u"https://pay.example.com/x", rules());
        QCOMPARE(c.host, QStringLiteral("pay.example.com"));
    }

    void noRulesNoUrls()
    {
        // Without configured addresses every URL is foreign; bare forms still work.
        QCOMPARE(KioskLink::parse(u"https://zwgk.example.gov.cn/kiosk/item/g-a", {}).rejection, Why::ForeignUrl);
        QCOMPARE(KioskLink::parse(u"item:g-a", {}).kind, Kind::Item);
    }

    void trackingCheckIsIso7064()
    {
        // The same check system as GB 11643 ID numbers: cross-check on 17 digits.
        for (const QString &id17 : {QStringLiteral("11010519491231002"), QStringLiteral("44030419900101123"),
                                   QStringLiteral("65010219851212001")})
            QCOMPARE(KioskLink::mod11_2(id17), device::IdCard::idCheckCharacter(id17));
        const QString code = KioskLink::makeTrackingCode(QDate(2026, 11, 22), 7);
        QVERIFY(code.startsWith(QLatin1String("GK-20261122-0007-")));
        QCOMPARE(code.back(), KioskLink::mod11_2(u"202611220007"));
        QVERIFY(KioskLink::makeTrackingCode(QDate(2026, 1, 1), 0).isEmpty());
        QVERIFY(KioskLink::makeTrackingCode(QDate(2026, 1, 1), 10000).isEmpty());
    }

    void pageUrlRoundTrips()
    {
        const QString url = KioskLink::pageUrl(QStringLiteral("https://zwgk.example.gov.cn/kiosk/"),
                                              QStringLiteral("g-birth-cert"));
        QCOMPARE(url, QStringLiteral("https://zwgk.example.gov.cn/kiosk/item/g-birth-cert"));
        const KioskLink back = KioskLink::parse(url, rules());
        QCOMPARE(back.kind, Kind::Item);
        QCOMPARE(back.itemId, QStringLiteral("g-birth-cert"));
        QVERIFY(KioskLink::pageUrl({}, QStringLiteral("g-a")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(KioskLinkTest)
#include "tst_kiosklink.moc"
