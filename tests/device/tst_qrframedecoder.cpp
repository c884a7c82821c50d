// The camera QR decoder on rendered frames (no camera exists on this machine, so
// Qt Multimedia capture is not tested): a QR of a kiosk page drawn into a larger
// "camera frame", rotated, small, noisy, blurred, inverted (a phone in dark mode),
// and frames with no code; then the worker thread keeps only the newest frame and
// reports a code held in view once.
#include "qrframedecoder.h"
#include "qrsymbol.h"

#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QThread>
#include <QtTest>

using namespace device;

namespace {
const QString kText = QStringLiteral("https://zwgk.example.gov.cn/kiosk/item/g-birth-cert");

QImage symbolImage(const QString &text, int modulePx)
{
    const QrSymbol s = QrSymbol::encode(text);
    QImage img(s.size() * modulePx, s.size() * modulePx, QImage::Format_Grayscale8);
    img.fill(255);
    QPainter p(&img);
    for (int y = 0; y < s.size(); ++y)
        for (int x = 0; x < s.size(); ++x)
            if (s.isDark(x, y))
                p.fillRect(x * modulePx, y * modulePx, modulePx, modulePx, Qt::black);
    return img;
}

// A 640x480 frame with the symbol somewhere on a grey background.
QImage cameraFrame(const QImage &symbol, qreal angle, int noise, bool blur, bool invert)
{
    QImage frame(640, 480, QImage::Format_Grayscale8);
    frame.fill(150);
    QPainter p(&frame);
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    p.translate(320 + 30, 240 - 20);
    p.rotate(angle);
    p.drawImage(QPointF(-symbol.width() / 2.0, -symbol.height() / 2.0), symbol);
    p.end();
    if (blur)
        frame = frame.scaled(320, 240, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                    .scaled(640, 480, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QRandomGenerator rng(42);
    for (int y = 0; y < frame.height(); ++y) {
        uchar *row = frame.scanLine(y);
        for (int x = 0; x < frame.width(); ++x) {
            int v = row[x] + (noise ? int(rng.bounded(2 * noise + 1)) - noise : 0);
            v = std::clamp(v, 0, 255);
            row[x] = uchar(invert ? 255 - v : v);
        }
    }
    return frame;
}

LumaFrame luma(const QImage &gray)
{
    LumaFrame f;
    f.width = gray.width();
    f.height = gray.height();
    f.stride = int(gray.bytesPerLine());
    f.pixels = QByteArray(reinterpret_cast<const char *>(gray.constBits()), gray.sizeInBytes());
    return f;
}
} // namespace

class QrFrameDecoderTest : public QObject
{
    Q_OBJECT
private slots:
    void decodesCameraLikeFrames_data()
    {
        QTest::addColumn<int>("modulePx");
        QTest::addColumn<qreal>("angle");
        QTest::addColumn<int>("noise");
        QTest::addColumn<bool>("blur");
        QTest::addColumn<bool>("invert");
        QTest::newRow("upright") << 6 << 0.0 << 0 << false << false;
        QTest::newRow("rotated 90") << 6 << 90.0 << 0 << false << false;
        QTest::newRow("rotated 17") << 6 << 17.0 << 0 << false << false;
        QTest::newRow("upside down, noisy") << 5 << 183.0 << 40 << false << false;
        QTest::newRow("small") << 3 << 0.0 << 10 << false << false;
        QTest::newRow("blurred") << 6 << 8.0 << 10 << true << false;
        QTest::newRow("dark mode phone") << 6 << 0.0 << 10 << false << true;
    }
    void decodesCameraLikeFrames()
    {
        QFETCH(int, modulePx);
        QFETCH(qreal, angle);
        QFETCH(int, noise);
        QFETCH(bool, blur);
        QFETCH(bool, invert);
        const QImage frame = cameraFrame(symbolImage(kText, modulePx), angle, noise, blur, invert);
        const auto text = QrFrameDecoder::decode(luma(frame));
        if (!text)
            frame.save(QDir::temp().filePath(QStringLiteral("qrframe-%1.png").arg(QTest::currentDataTag())));
        QVERIFY(text);
        QCOMPARE(*text, kText);
    }

    void chineseText()
    {
        const QString t = QStringLiteral("示例市政务服务中心 GK-20261120-0042-6");
        const auto text = QrFrameDecoder::decode(luma(cameraFrame(symbolImage(t, 5), 0, 5, false, false)));
        QVERIFY(text);
        QCOMPARE(*text, t);
    }

    void nothingInFrame()
    {
        QImage blank(640, 480, QImage::Format_Grayscale8);
        blank.fill(150);
        QVERIFY(!QrFrameDecoder::decode(luma(cameraFrame(blank.copy(0, 0, 100, 100), 0, 60, false, false))));
        QVERIFY(!QrFrameDecoder::decode(LumaFrame{})); // invalid frame
        LumaFrame truncated = luma(blank);
        truncated.pixels.truncate(100);
        QVERIFY(!QrFrameDecoder::decode(truncated));
    }

    void workerOnItsThreadReportsOnce()
    {
        QThread thread;
        CameraQrWorker worker;
        worker.moveToThread(&thread);
        thread.start();
        QSignalSpy scans(&worker, &CameraQrWorker::scanned);
        const LumaFrame frame = luma(cameraFrame(symbolImage(kText, 6), 0, 5, false, false));
        // Thirty frames a second while the resident holds the phone up.
        for (int i = 0; i < 30; ++i) {
            worker.submit(frame);
            QThread::msleep(10);
        }
        QTRY_COMPARE(scans.size(), 1);
        QTest::qWait(200);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.first().first().toString(), kText);
        // A different code is reported at once.
        worker.submit(luma(cameraFrame(symbolImage(QStringLiteral("item:p-birth-service"), 6), 0, 5, false, false)));
        QTRY_COMPARE(scans.size(), 2);
        thread.quit();
        QVERIFY(thread.wait(5000));
    }
};

QTEST_GUILESS_MAIN(QrFrameDecoderTest)
#include "tst_qrframedecoder.moc"
