// Scanning on a real kiosk scene: codes arrive from the scanner simulator over a
// pseudo-terminal through the real serial driver and its worker thread, and the
// kiosk opens the item, shows the tracking status, or says in words why not. The
// page QR code (二维码直通车) is read back off the rendered screen with ZXing and,
// scanned at the kiosk, opens the same page again.
#include "kioskscene.h"
#include "navigator.h"
#include "scannersimulator.h"
#include "scanrouter.h"
#include "testsupport.h"

#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiosk;

namespace {
const QString kBase = QStringLiteral("https://zwgk.example.gov.cn/kiosk");
}

class ScanFlowTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    device::ScannerSimulator m_sim;
    KioskScene m_scene;

    QString writeConfig(const QString &scannerPath)
    {
        const QString path = m_dir.filePath(QStringLiteral("kiosk.conf"));
        testsupport::writeFile(path, QStringLiteral("[devices]\nqr_scanner = %1\nid_card_reader = none\n"
                                                    "[storage]\nlocal_database = %2\n"
                                                    "[scan]\npage_base_url = %3\nallowed_hosts = www.example.gov.cn\n")
                                         .arg(scannerPath, m_dir.filePath(QStringLiteral("kiosk.db")), kBase));
        return path;
    }

    // Scans and waits until the kiosk has decided what the scan means.
    bool scan(const QByteArray &bytes)
    {
        QSignalSpy handled(ScanRouter::instance(), &ScanRouter::scanHandled);
        return m_sim.scan(bytes) && handled.wait(5000);
    }
    QString notice() { return m_scene.textOf(QStringLiteral("scanNoticeText")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        m_scene.setScreenshotFolder(QStringLiteral("scan"));
        QVERIFY(m_scene.start(writeConfig(m_sim.ptyPath())));
        QTRY_VERIFY_WITH_TIMEOUT(ScanRouter::instance()->scannerReady(), 5000);
    }
    void cleanupTestCase() { m_scene.stop(); }
    void init() { Navigator::instance()->home(); }

    void itemCodesOpenTheItem_data()
    {
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QString>("screen");
        QTest::addColumn<QString>("id");
        QTest::newRow("item link") << QByteArray("item:g-birth-cert") << "guide" << "g-birth-cert";
        QTest::newRow("bare id") << QByteArray("g-birth-cert") << "guide" << "g-birth-cert";
        QTest::newRow("own page url") << (kBase + "/item/g-birth-cert").toUtf8() << "guide" << "g-birth-cert";
        QTest::newRow("allowed portal") << QByteArray("https://www.example.gov.cn/view?id=g-birth-cert")
                                        << "guide" << "g-birth-cert";
    }
    void itemCodesOpenTheItem()
    {
        QFETCH(QByteArray, code);
        QFETCH(QString, screen);
        QFETCH(QString, id);
        QVERIFY(scan(code));
        QVERIFY(m_scene.waitReady(screen));
        QCOMPARE(Navigator::instance()->params().value("id").toString(), id);
        QVERIFY(notice().isEmpty());
    }

    void trackingCodeShowsStatus()
    {
        const QString code = content::KioskLink::makeTrackingCode(QDate::currentDate().addDays(-3), 42);
        QVERIFY(scan(code.toUtf8()));
        QVERIFY(m_scene.waitReady(QStringLiteral("tracking")));
        QQuickItem *row = m_scene.find(QStringLiteral("trackingCode"));
        QVERIFY(row);
        QCOMPARE(row->property("value").toString(), code);
        QQuickItem *status = m_scene.find(QStringLiteral("trackingStatus"));
        QVERIFY(status && status->property("text").toString().contains(QStringLiteral("还不能查询")));
        QVERIFY(m_scene.shoot(QStringLiteral("tracking")));
    }

    void otherCodesGetAPlainMessage_data()
    {
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("phone") << QByteArray("13812345678") << "电话号码";
        QTest::newRow("foreign url") << QByteArray("https://pay.example.com/qr/1") << "pay.example.com";
        QTest::newRow("portal page without item") << QByteArray("https://www.example.gov.cn/news/1.html")
                                                  << "没有对应的内容";
        QTest::newRow("unknown item") << QByteArray("item:g-no-such-item") << "暂时没有";
        QTest::newRow("garbage") << QByteArray("\x1b[2J\x07") << "没有读出";
        QTest::newRow("gbk text") << QByteArray(QStringEncoder("GB18030").encode(QStringLiteral("欢迎光临"))) << "不认识";
        QTest::newRow("bad tracking") << QByteArray("GK-20200101-0001-0") << "受理编号不正确";
    }
    void otherCodesGetAPlainMessage()
    {
        QFETCH(QByteArray, code);
        QFETCH(QString, says);
        QVERIFY(scan(code));
        QTRY_VERIFY_WITH_TIMEOUT(notice().contains(says), 3000);
        QCOMPARE(Navigator::instance()->screen(), QStringLiteral("home")); // the kiosk stays put
        QVERIFY(m_scene.shoot(QStringLiteral("notice-") +
                              QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-')));
        QVERIFY(m_scene.tap(QStringLiteral("scanNoticeClose")));
        QTRY_VERIFY(notice().isEmpty());
    }

    void unreadableAndOverlongScans()
    {
        QVERIFY(scan(QByteArray("\x80\xFF\xFE", 3)));
        QTRY_VERIFY_WITH_TIMEOUT(notice().contains(QStringLiteral("没有读出")), 3000);
        QVERIFY(scan(QByteArray(5000, 'a')));
        QTRY_VERIFY_WITH_TIMEOUT(notice().contains(QStringLiteral("太长")), 3000);
    }

    // 二维码直通车: the page's QR code, read off the screen, opens the same page.
    void pageQrRoundTrip_data()
    {
        QTest::addColumn<QString>("screen");
        QTest::addColumn<QString>("id");
        QTest::newRow("guide") << "guide" << "g-birth-cert";
        QTest::newRow("policy") << "policy" << "p-birth-service";
    }
    void pageQrRoundTrip()
    {
        QFETCH(QString, screen);
        QFETCH(QString, id);
        QVERIFY(m_scene.openItem(screen, id));
        QQuickItem *panel = m_scene.find(QStringLiteral("pageQrPanel"));
        QVERIFY(panel);
        m_scene.reveal(panel);
        QQuickItem *qr = m_scene.find(QStringLiteral("qrImage"), panel);
        QVERIFY(qr);
        QTRY_COMPARE(qr->property("status").toInt(), 1); // Image.Ready
        QTest::qWait(50);
        const QString read = m_scene.qrOnScreen(qr);
        QCOMPARE(read, kBase + "/item/" + id);
        QVERIFY(m_scene.shoot(QStringLiteral("page-qr-") + screen));

        Navigator::instance()->home();
        QVERIFY(m_scene.waitReady(QStringLiteral("home")));
        QVERIFY(scan(read.toUtf8()));
        QVERIFY(m_scene.waitReady(screen));
        QCOMPARE(Navigator::instance()->params().value("id").toString(), id);
    }

    // The UI learns of an unplugged scanner (recovery is tested in tst_serialscanner).
    void scannerUnplugReachesTheUi()
    {
        QVERIFY(m_sim.unplug());
        QTRY_VERIFY_WITH_TIMEOUT(!ScanRouter::instance()->scannerReady(), 5000);
        QVERIFY(m_scene.find(QStringLiteral("homeButton"))); // and the kiosk keeps serving
    }
};

QTEST_MAIN(ScanFlowTest)
#include "tst_scanflow.moc"
