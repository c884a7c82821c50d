// What a scanned code means (ScanCode), how a scanner's byte stream is cut into
// scans (ScanLineFramer) and decoded (decodeScanBytes). Real scanner output forms:
// CR/LF/CRLF suffixes, UTF-8 and GBK payloads, bursts split anywhere.
#include "idcard.h"
#include "scancode.h"
#include "scanline.h"

#include <QStringEncoder>
#include <QtTest>

using namespace device;
using Kind = ScanCode::Kind;
using Why = ScanCode::Rejection;

Q_DECLARE_METATYPE(device::ScanCode::Kind)
Q_DECLARE_METATYPE(device::ScanCode::Rejection)

class ScanCodeTest : public QObject
{
    Q_OBJECT

    static ScanRules rules()
    {
        ScanRules r;
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
        const QString good = ScanCode::makeTrackingCode(QDate(2026, 11, 20), 42);
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
        QTest::newRow("tracking, future") << ScanCode::makeTrackingCode(QDate(2027, 1, 1), 1) << Kind::Rejected
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
        QTest::newRow("overlong") << "g-" + QString(ScanCode::MaxLength, 'a') << Kind::Rejected << Why::TooLong << "";
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
        const ScanCode c = ScanCode::parse(text, rules());
        QCOMPARE(c.kind, kind);
        QCOMPARE(c.rejection, why);
        if (kind == Kind::Item)
            QCOMPARE(c.itemId, value);
        if (kind == Kind::Tracking)
            QCOMPARE(c.trackingCode, value);
    }

    void foreignHostIsNamed()
    {
        const ScanCode c = ScanCode::parse(u"https://pay.example.com/x", rules());
        QCOMPARE(c.host, QStringLiteral("pay.example.com"));
    }

    void noRulesNoUrls()
    {
        // Without configured addresses every URL is foreign; bare forms still work.
        QCOMPARE(ScanCode::parse(u"https://zwgk.example.gov.cn/kiosk/item/g-a", {}).rejection, Why::ForeignUrl);
        QCOMPARE(ScanCode::parse(u"item:g-a", {}).kind, Kind::Item);
    }

    void trackingCheckIsIso7064()
    {
        // The same check system as GB 11643 ID numbers: cross-check on 17 digits.
        for (const QString &id17 : {QStringLiteral("11010519491231002"), QStringLiteral("44030419900101123"),
                                   QStringLiteral("65010219851212001")})
            QCOMPARE(ScanCode::mod11_2(id17), IdCard::idCheckCharacter(id17));
        const QString code = ScanCode::makeTrackingCode(QDate(2026, 11, 22), 7);
        QVERIFY(code.startsWith(QLatin1String("GK-20261122-0007-")));
        QCOMPARE(code.back(), ScanCode::mod11_2(u"202611220007"));
        QVERIFY(ScanCode::makeTrackingCode(QDate(2026, 1, 1), 0).isEmpty());
        QVERIFY(ScanCode::makeTrackingCode(QDate(2026, 1, 1), 10000).isEmpty());
    }

    void pageUrlRoundTrips()
    {
        const QString url = ScanCode::pageUrl(QStringLiteral("https://zwgk.example.gov.cn/kiosk/"),
                                              QStringLiteral("g-birth-cert"));
        QCOMPARE(url, QStringLiteral("https://zwgk.example.gov.cn/kiosk/item/g-birth-cert"));
        const ScanCode back = ScanCode::parse(url, rules());
        QCOMPARE(back.kind, Kind::Item);
        QCOMPARE(back.itemId, QStringLiteral("g-birth-cert"));
        QVERIFY(ScanCode::pageUrl({}, QStringLiteral("g-a")).isEmpty());
    }

    void framerSuffixes_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QStringList>("scans");
        QTest::newRow("auto crlf") << "auto" << QByteArray("a1\r\nb2\r\n") << QStringList{"a1", "b2"};
        QTest::newRow("auto cr") << "auto" << QByteArray("a1\rb2\r") << QStringList{"a1", "b2"};
        QTest::newRow("auto lf") << "auto" << QByteArray("a1\nb2\n") << QStringList{"a1", "b2"};
        QTest::newRow("auto mixed") << "auto" << QByteArray("a1\r\n\r\nb2\n\rc3\r") << QStringList{"a1", "b2", "c3"};
        QTest::newRow("cr keeps lf") << "cr" << QByteArray("a\nb\rc\r") << QStringList{"a\nb", "c"};
        QTest::newRow("lf") << "LF" << QByteArray("a\rb\nc\n") << QStringList{"a\rb", "c"};
        QTest::newRow("crlf only") << "crlf" << QByteArray("a\rb\nc\r\nd\r\n") << QStringList{"a\rb\nc", "d"};
    }

    void framerSuffixes()
    {
        QFETCH(QString, suffix);
        QFETCH(QByteArray, stream);
        QFETCH(QStringList, scans);
        const auto s = ScanLineFramer::suffixFromName(suffix);
        QVERIFY(s);
        // Every split point of the stream gives the same scans.
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            ScanLineFramer f(*s);
            QStringList got;
            f.feed(QByteArrayView(stream).first(cut));
            while (auto l = f.next())
                got << QString::fromUtf8(l->bytes);
            f.feed(QByteArrayView(stream).sliced(cut));
            while (auto l = f.next())
                got << QString::fromUtf8(l->bytes);
            QCOMPARE(got, scans);
        }
        QVERIFY(!ScanLineFramer::suffixFromName(u"tab"));
    }

    void framerOverlong()
    {
        ScanLineFramer f(ScanLineFramer::Suffix::CRLF, 16);
        f.feed(QByteArray(40, 'x'));
        QVERIFY(!f.next());
        QVERIFY(f.buffered() <= 17); // memory stays bounded while the scan goes on
        f.feed(QByteArray(4000, 'y') + "\r");
        QVERIFY(!f.next());
        f.feed("\nok\r\n");
        auto l = f.next();
        QVERIFY(l && l->overlong && l->bytes.isEmpty());
        l = f.next();
        QVERIFY(l && !l->overlong);
        QCOMPARE(l->bytes, QByteArray("ok"));
        // Exactly the maximum is fine.
        f.feed(QByteArray(16, 'z') + "\r\n");
        l = f.next();
        QVERIFY(l && !l->overlong && l->bytes.size() == 16);
    }

    void framerDropsPartial()
    {
        ScanLineFramer f;
        f.feed("half-a-sc");
        QVERIFY(!f.next());
        QVERIFY(f.dropPartial());
        QVERIFY(!f.dropPartial());
        f.feed("g-a\r\n");
        QCOMPARE(f.next()->bytes, QByteArray("g-a"));
    }

    void decodeEncodings()
    {
        const QString chinese = QStringLiteral("政务公开专区 g-a ①");
        auto d = decodeScanBytes(chinese.toUtf8());
        QCOMPARE(d.encoding, ScanText::Encoding::Utf8);
        QCOMPARE(d.text, chinese);
        d = decodeScanBytes("\xEF\xBB\xBFitem:g-a");
        QCOMPARE(d.text, QStringLiteral("item:g-a"));
        QStringEncoder gbk("GB18030");
        QVERIFY(gbk.isValid());
        const QByteArray gbBytes = gbk.encode(chinese);
        QVERIFY(gbBytes != chinese.toUtf8());
        d = decodeScanBytes(gbBytes);
        QCOMPARE(d.encoding, ScanText::Encoding::Gb18030);
        QCOMPARE(d.text, chinese);
        // Plain GBK two-byte text (what most Chinese scanners send).
        d = decodeScanBytes(QByteArray("\xD5\xFE\xCE\xF1\xB9\xAB\xBF\xAA")); // 政务公开
        QCOMPARE(d.text, QStringLiteral("政务公开"));
        // 0x80 and 0xFF are neither UTF-8 nor GB18030.
        d = decodeScanBytes(QByteArray("\x80\xFF\xFF", 3));
        QCOMPARE(d.encoding, ScanText::Encoding::Invalid);
    }
};

QTEST_GUILESS_MAIN(ScanCodeTest)
#include "tst_scancode.moc"
