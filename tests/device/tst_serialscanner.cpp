// The USB-CDC scanner driver on its worker thread against the scanner simulator
// over a real pseudo-terminal: scans in UTF-8 and GBK, bursts split anywhere,
// overlong and undecodable scans, half-sent scans, unplug and replug, a port
// that does not exist, and that scanned texts never reach the log.
#include "scannerservice.h"
#include "scannersimulator.h"
#include "serialscanner.h"

#include <QStringEncoder>
#include <QtTest>

using namespace device;
using State = Scanner::State;
using Problem = Scanner::Problem;

Q_DECLARE_METATYPE(device::Scanner::State)
Q_DECLARE_METATYPE(device::Scanner::Problem)

namespace {
QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &, const QString &msg)
{
    g_log << msg;
}
} // namespace

class SerialScannerTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScannerSimulator> sim;
    std::unique_ptr<ScannerService> service;
    std::unique_ptr<QSignalSpy> scans, failures, states;

    void startService(SerialScannerConfig c)
    {
        service = std::make_unique<ScannerService>(new SerialScanner(c));
        scans = std::make_unique<QSignalSpy>(service.get(), &ScannerService::scanned);
        failures = std::make_unique<QSignalSpy>(service.get(), &ScannerService::scanFailed);
        states = std::make_unique<QSignalSpy>(service.get(), &ScannerService::stateChanged);
        service->start();
    }
    SerialScannerConfig config() const
    {
        SerialScannerConfig c;
        c.portPath = sim->devicePath();
        c.reopenIntervalMs = 50;
        c.maxScanBytes = 256;
        c.interCharTimeoutMs = 200;
        return c;
    }
    bool waitReady()
    {
        return QTest::qWaitFor([this] { return service->state() == State::Ready; }, 5000);
    }
    QString nextScan()
    {
        if (scans->isEmpty() && !scans->wait(5000))
            return QStringLiteral("<no scan>");
        return scans->takeFirst().at(0).toString();
    }
    Problem nextFailure()
    {
        if (failures->isEmpty() && !failures->wait(5000))
            return Problem::None;
        return failures->takeFirst().at(0).value<Problem>();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<State>();
        qRegisterMetaType<Problem>();
    }
    void init()
    {
        sim = std::make_unique<ScannerSimulator>();
        QString error;
        QVERIFY2(sim->start(&error), qPrintable(error));
    }
    void cleanup()
    {
        if (service)
            QVERIFY(service->stop());
        service.reset();
        sim.reset();
    }

    void scansInBothEncodings()
    {
        startService(config());
        QVERIFY(waitReady());
        QVERIFY(sim->scan("item:g-birth-cert"));
        QCOMPARE(nextScan(), QStringLiteral("item:g-birth-cert"));
        const QString chinese = QStringLiteral("示例市政务服务中心 GK-20261120-0042-X");
        QVERIFY(sim->scan(chinese.toUtf8(), "\r"));
        QCOMPARE(nextScan(), chinese);
        QStringEncoder gbk("GB18030");
        QVERIFY(sim->scan(gbk.encode(chinese), "\n"));
        QCOMPARE(nextScan(), chinese);
        // Two scans in one write, and one scan trickling in byte by byte.
        QVERIFY(sim->sendRaw("g-a\r\ng-b\r\n"));
        QCOMPARE(nextScan(), QStringLiteral("g-a"));
        QCOMPARE(nextScan(), QStringLiteral("g-b"));
        QVERIFY(sim->sendRaw("g-trickle\r\n", 1, 5));
        QCOMPARE(nextScan(), QStringLiteral("g-trickle"));
        QVERIFY(failures->isEmpty());
    }

    void configuredSuffix()
    {
        SerialScannerConfig c = config();
        c.suffix = ScanLineFramer::Suffix::CRLF;
        startService(c);
        QVERIFY(waitReady());
        QVERIFY(sim->scan("a\rb", "\r\n"));
        QCOMPARE(nextScan(), QStringLiteral("a\rb")); // the parser later refuses the CR
    }

    void badScansAreReportedAndSkipped()
    {
        startService(config());
        QVERIFY(waitReady());
        QVERIFY(sim->scan(QByteArray(3000, 'x')));
        QCOMPARE(nextFailure(), Problem::Overlong);
        QVERIFY(sim->scan(QByteArray("\x80\xFF\xFE\x80", 4)));
        QCOMPARE(nextFailure(), Problem::NotText);
        QVERIFY(sim->sendRaw("half-a-sca")); // then silence
        QCOMPARE(nextFailure(), Problem::Incomplete);
        QVERIFY(sim->scan("g-after"));
        QCOMPARE(nextScan(), QStringLiteral("g-after"));
        QVERIFY(scans->isEmpty());
    }

    void unplugAndReplug()
    {
        startService(config());
        QVERIFY(waitReady());
        QVERIFY(sim->unplug());
        QVERIFY(QTest::qWaitFor([this] { return service->state() == State::Absent; }, 5000));
        QCOMPARE(service->problem(), Problem::Disconnected);
        QVERIFY(sim->replug());
        QVERIFY(waitReady());
        QVERIFY(sim->scan("g-again"));
        QCOMPARE(nextScan(), QStringLiteral("g-again"));
    }

    void missingPortSaysSo()
    {
        SerialScannerConfig c = config();
        c.portPath = QStringLiteral("/nonexistent/ttyACM9");
        startService(c);
        QVERIFY(states->wait(5000));
        QCOMPARE(states->first().at(0).value<State>(), State::Absent);
        QCOMPARE(states->first().at(1).value<Problem>(), Problem::NotConnected);
        QVERIFY(states->first().at(2).toString().contains(QLatin1String("not connected")));
    }

    void scannedTextsNeverLogged()
    {
        g_log.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("kiosk.device.info=true"));
        const auto previous = qInstallMessageHandler(captureLog);
        startService(config());
        QVERIFY(waitReady());
        QVERIFY(sim->scan("13812345678-secret-payment-code"));
        const QString got = nextScan();
        QVERIFY(service->stop());
        qInstallMessageHandler(previous);
        QCOMPARE(got, QStringLiteral("13812345678-secret-payment-code"));
        QVERIFY(!g_log.isEmpty()); // the driver did log its events
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(QLatin1String("secret")) && !line.contains(QLatin1String("1381234")),
                     qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(SerialScannerTest)
#include "tst_serialscanner.moc"
