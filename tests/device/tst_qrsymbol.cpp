// QR codes: what the kiosk draws must scan back to exactly the text it encoded.
#include "qrsymbol.h"

#include <ZXing/ReadBarcode.h>
#include <QtTest>
#include <vector>

class QrSymbolTest : public QObject
{
    Q_OBJECT

    static QString scan(const device::QrSymbol &symbol)
    {
        const int scale = 4;
        const int side = symbol.size() * scale;
        std::vector<uint8_t> pixels(size_t(side) * size_t(side), 255);
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x)
                if (symbol.isDark(x / scale, y / scale))
                    pixels[size_t(y) * size_t(side) + size_t(x)] = 0;
        const ZXing::ImageView image(pixels.data(), side, side, ZXing::ImageFormat::Lum);
        ZXing::DecodeHints hints;
        hints.setFormats(ZXing::BarcodeFormat::QRCode);
        const ZXing::Result result = ZXing::ReadBarcode(image, hints);
        return result.isValid() ? QString::fromStdString(result.text()) : QString();
    }

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("url") << "https://zwfw.example.gov.cn/item/birth-cert";
        QTest::newRow("chinese") << "示例市政务服务中心 一楼A区";
        QTest::newRow("geo") << "geo:30.592800,114.305500?q=30.592800,114.305500(示例市政务服务中心)";
    }
    void roundTrip()
    {
        QFETCH(QString, text);
        const auto symbol = device::QrSymbol::encode(text);
        QVERIFY(symbol.isValid());
        QVERIFY(symbol.size() >= 21 + 8);
        QCOMPARE(scan(symbol), text);
    }
    void emptyAndOversizedAreInvalid()
    {
        QVERIFY(!device::QrSymbol::encode(QString()).isValid());
        const auto huge = device::QrSymbol::encode(QString(8000, QChar('x')));
        QVERIFY(!huge.isValid());
        QVERIFY(!huge.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(QrSymbolTest)
#include "tst_qrsymbol.moc"
