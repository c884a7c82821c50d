// ESC/POS receipts: the exact bytes of a receipt, the QR commands' lengths, the
// raster fallback (scanned back), status bytes, and a printer simulator on a real
// pty that runs out of paper.
#include "escpos.h"
#include "escposprinter.h"
#include "escpossimulator.h"

#include <ZXing/ReadBarcode.h>
#include <QtTest>

using namespace device;

namespace {
QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}
} // namespace

class EscPosTest : public QObject
{
    Q_OBJECT
private slots:
    void receiptBytes()
    {
        EscPosReceipt r;
        r.initialise().text(QStringLiteral("受理回执")).text(QStringLiteral("No.7"))
            .qr("https://k.gov.cn/t/1", 6, 1).cut(true, 3);
        // Assembled by hand from the spec; 受理回执 in GB18030 from Python's codec.
        const QByteArray expected =
            hex("1b40 1c26") + hex("ca dc c0 ed bb d8 d6 b4 0a") + QByteArray("No.7\n") +
            hex("1d286b 0400 31 41 32 00") + hex("1d286b 0300 31 43 06") + hex("1d286b 0300 31 45 31") +
            hex("1d286b 1700 31 50 30") + QByteArray("https://k.gov.cn/t/1") +
            hex("1d286b 0300 31 51 30") + hex("1d56 42 03");
        QCOMPARE(r.bytes().toHex(' '), expected.toHex(' '));
        QVERIFY(r.error().isEmpty());
        QVERIFY(r.linesOutsideFont().isEmpty());
    }

    void qrLengthLittleEndian()
    {
        EscPosReceipt r;
        r.qr(QByteArray(300, 'a'));
        // 300 + 3 = 303 = 0x012F → pL 2F pH 01
        QVERIFY(r.bytes().contains(hex("1d286b 2f01 31 50 30")));
        EscPosReceipt tooLong;
        tooLong.qr(QByteArray(7090, 'a'));
        QVERIFY(!tooLong.error().isEmpty());
    }

    void fullCut()
    {
        QCOMPARE(EscPosReceipt().cut(false, 0).bytes(), hex("1d56 41 00"));
    }

    void charactersOutsideTheFont()
    {
        EscPosReceipt r;
        const QString line = QString::fromUtf16(u"张\U00020000三");
        r.text(line);
        QCOMPARE(r.bytes(), hex("d5c5") + "?" + hex("c8fd") + "\n");
        QCOMPARE(r.linesOutsideFont(), QStringList {line});
    }

    void rasterQrScansBack()
    {
        EscPosReceipt r(384);
        const QString text = QStringLiteral("https://k.gov.cn/item/g-birth-cert");
        r.qrRaster(text, 6);
        const QByteArray b = r.bytes();
        QVERIFY(b.startsWith(hex("1d7630 00")));
        const int rowBytes = quint8(b[4]) | quint8(b[5]) << 8;
        const int rows = quint8(b[6]) | quint8(b[7]) << 8;
        QVERIFY(rows <= 256);
        QVERIFY(rowBytes * 8 <= 384);
        // Reassemble every band into one picture and let ZXing read it.
        std::vector<uint8_t> pixels;
        int width = rowBytes * 8, height = 0;
        qsizetype at = 0;
        while (at < b.size()) {
            QCOMPARE(b.mid(at, 4), hex("1d7630 00"));
            const int xb = quint8(b[at + 4]) | quint8(b[at + 5]) << 8;
            const int y = quint8(b[at + 6]) | quint8(b[at + 7]) << 8;
            QCOMPARE(xb, rowBytes);
            at += 8;
            for (int row = 0; row < y; ++row, ++height)
                for (int x = 0; x < width; ++x)
                    pixels.push_back((quint8(b[at + row * xb + x / 8]) & (0x80 >> (x % 8))) ? 0 : 255);
            at += qsizetype(xb) * y;
        }
        QCOMPARE(at, b.size());
        const ZXing::ImageView image(pixels.data(), width, height, ZXing::ImageFormat::Lum);
        ZXing::DecodeHints hints;
        hints.setFormats(ZXing::BarcodeFormat::QRCode);
        const ZXing::Result result = ZXing::ReadBarcode(image, hints);
        QVERIFY(result.isValid());
        QCOMPARE(QString::fromStdString(result.text()), text);
    }

    void statusBytes()
    {
        QCOMPARE(escpos::paperFromStatus(0x12), escpos::Paper::Ok);
        QCOMPARE(escpos::paperFromStatus(0x1E), escpos::Paper::NearEnd);
        QCOMPARE(escpos::paperFromStatus(0x72), escpos::Paper::Out);
        QCOMPARE(escpos::paperFromStatus(0x7E), escpos::Paper::Out);
        QCOMPARE(escpos::paperFromStatus(0x00), escpos::Paper::Unknown);
        QCOMPARE(escpos::paperFromStatus(0xFF), escpos::Paper::Unknown);
        QVERIFY(escpos::isOffline(0x1A));
        QVERIFY(!escpos::isOffline(0x12));
    }

    void printsExactBytes()
    {
        EscPosSimulator sim;
        QVERIFY(sim.start());
        EscPosPrinter printer(sim.devicePath());
        EscPosReceipt r;
        r.initialise().text(QStringLiteral("排队号 A012")).qr("A012").cut();
        QString reason;
        QVERIFY2(printer.print(r.bytes(), &reason), qPrintable(reason));
        QTRY_COMPARE_WITH_TIMEOUT(sim.printed().size(), r.bytes().size(), 2000);
        QCOMPARE(sim.printed(), r.bytes()); // status requests are not printed
    }

    void paperOutRefusesToPrint()
    {
        EscPosSimulator sim;
        QVERIFY(sim.start());
        sim.setPaper(escpos::Paper::Out);
        EscPosPrinter printer(sim.devicePath());
        QString reason;
        QVERIFY(!printer.print(EscPosReceipt().initialise().text(QStringLiteral("x")).bytes(), &reason));
        QVERIFY(reason.contains(QLatin1String("out of paper")));
        QTest::qWait(100);
        QVERIFY(sim.printed().isEmpty());
        QVERIFY(!printer.status().canPrint());
    }

    void paperRunsOutDuringJob()
    {
        EscPosSimulator sim;
        QVERIFY(sim.start());
        sim.runOutAfter(5);
        EscPosPrinter printer(sim.devicePath());
        QString reason;
        QVERIFY(!printer.print(EscPosReceipt().initialise().text(QStringLiteral("一张较长的回执")).bytes(), &reason));
        QVERIFY2(reason.contains(QLatin1String("incomplete")), qPrintable(reason));
    }

    void nearEndPrintsAndWarns()
    {
        EscPosSimulator sim;
        QVERIFY(sim.start());
        sim.setPaper(escpos::Paper::NearEnd);
        EscPosPrinter printer(sim.devicePath());
        QString reason;
        QVERIFY(printer.print(EscPosReceipt().initialise().bytes(), &reason));
        QVERIFY(reason.contains(QLatin1String("running low")));
    }

    void offlineAndSilent()
    {
        EscPosSimulator sim;
        QVERIFY(sim.start());
        sim.setOffline(true);
        EscPosPrinter printer(sim.devicePath(), 115200, 200);
        EscPosPrinter::Status s = printer.status();
        QVERIFY(s.reachable && s.offline && !s.canPrint());
        sim.setOffline(false);
        sim.setSilent(true);
        s = printer.status();
        QVERIFY(!s.reachable);
        QVERIFY(s.reason.contains(QLatin1String("does not answer")));
    }
};

QTEST_GUILESS_MAIN(EscPosTest)
#include "tst_escpos.moc"
