// How a scanner's byte stream is cut into scans (ScanLineFramer) and decoded
// (decodeScanBytes). Real scanner output forms: CR/LF/CRLF suffixes, UTF-8 and GBK
// payloads, bursts split anywhere.
#include "scanline.h"

#include <QStringEncoder>
#include <QtTest>

using namespace device;

class ScanLineTest : public QObject
{
    Q_OBJECT

private slots:
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

QTEST_GUILESS_MAIN(ScanLineTest)
#include "tst_scanline.moc"
