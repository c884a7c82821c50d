// Privacy: a card read through the real driver and worker thread from the
// idcard-simulator in another process (so this process only ever receives the card
// through the serial port), kept for a "session", then wiped. Afterwards neither the
// running reader nor anything else leaves the card's name, ID number, address or
// issuing authority anywhere in this process's writable memory (a scan of every
// mapping, cardneedles.h), no log line of the whole run (every category, every
// level) holds them, nor any file written during the test.
#include "cardneedles.h"
#include "testsupport.h"
#include "idcardservice.h"
#include "memoryscan.h"
#include "simulatorprocess.h"

#include <QtTest>

using namespace device;

namespace {

bool found(const QList<memoryscan::Hit> &hits, const memoryscan::Needle &n, quintptr at = 0)
{
    for (const memoryscan::Hit &h : hits)
        if (h.label == n.label && (at == 0 || h.address == at))
            return true;
    return false;
}
} // namespace

class IdCardPrivacyTest : public QObject
{
    Q_OBJECT

    SimulatorProcess m_simulator;

    // What a kiosk session would hold while a resident fills in a form.
    struct Session
    {
        IdCard card;
    };

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_simulator.start(QStringLiteral(IDCARD_SIMULATOR_BIN), &error), qPrintable(error));
    }

    void nothingOfTheCardStaysInMemoryLogsOrFiles()
    {
        // No slack: a binary linked just before the run must not count as written
        // during the test.
        const QDateTime started = QDateTime::currentDateTime();
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        testsupport::LogCapture::start();

        IdCardReaderConfig config;
        config.portPath = m_simulator.devicePath();
        config.pollIntervalMs = 50;
        Session session;
        auto service = std::make_unique<IdCardService>(config);
        connect(service.get(), &IdCardService::cardRead, this,
                [&](const IdCard &card) { session.card = card; });
        service->start();
        QVERIFY(m_simulator.command("place resident"));
        QTRY_VERIFY_WITH_TIMEOUT(!session.card.idNumber.isEmpty(), 5000);
        QVERIFY(memoryscan::equals(session.card.name, cardneedles::name));
        QVERIFY(memoryscan::equals(session.card.idNumber, cardneedles::number));
        QVERIFY(memoryscan::equals(session.card.address, cardneedles::address));
        QVERIFY(memoryscan::equals(session.card.authority, cardneedles::authority));
        QCOMPARE(session.card.maskedName(), QStringLiteral("张*丰"));

        // The scan can fail: while the session holds the card, it finds every field...
        const QList<memoryscan::Hit> held = memoryscan::scanWritableMemory(cardneedles::asOnCard());
        for (const memoryscan::Needle &n : cardneedles::asOnCard())
            QVERIFY2(found(held, n), n.label);
        // ...and every other encoding it looks for, wherever it lies.
        {
            std::vector<std::unique_ptr<memoryscan::Planted>> planted;
            for (const memoryscan::Needle &n : cardneedles::all())
                planted.push_back(std::make_unique<memoryscan::Planted>(n));
            const QList<memoryscan::Hit> hits = memoryscan::scanWritableMemory(cardneedles::all());
            for (qsizetype i = 0; i < cardneedles::all().size(); ++i)
                QVERIFY2(found(hits, cardneedles::all()[i], planted[size_t(i)]->address()),
                         cardneedles::all()[i].label);
        }

        // The session ends; the kiosk, and with it the reader, goes on running.
        session.card.wipe();
        QVERIFY(session.card.name.isEmpty() && session.card.idNumber.isEmpty());
        QVERIFY(m_simulator.command("remove"));
        QTest::qWait(300); // a few polls of the reader: "no card"
        QList<memoryscan::Hit> left = memoryscan::scanWritableMemory(cardneedles::all());
        QVERIFY2(left.isEmpty(), qPrintable("after the session: " + memoryscan::describe(left)));

        // The kiosk shuts down: the reader's buffers go too, overwritten.
        QVERIFY(service->stop());
        service.reset();
        left = memoryscan::scanWritableMemory(cardneedles::all());
        QVERIFY2(left.isEmpty(), qPrintable("after shutdown: " + memoryscan::describe(left)));

        testsupport::LogCapture::stop();
        QLoggingCategory::setFilterRules(QString());

        // Logs: the driver did log (events and codes) but nothing personal.
        const QStringList logs = testsupport::LogCapture::lines();
        QVERIFY2(logs.join(QLatin1Char('\n')).contains(QLatin1String("card read")),
                 "the capture must have seen the driver's log");
        for (const QString &line : logs)
            QVERIFY2(!cardneedles::heldIn(line), qPrintable(QStringLiteral("logged: ") + line));

        // Files: nothing written under the temp directory or the working directory
        // during the test holds the card's fields.
        int scanned = 0, visited = 0; // bounded walk of possibly large trees
        for (const QString &root : {QDir::tempPath(), QDir::currentPath()}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                            QDirIterator::Subdirectories);
            while (it.hasNext() && scanned < 5000 && ++visited < 100000) {
                const QFileInfo info(it.next());
                if (info.lastModified() < started || info.size() > 16 * 1024 * 1024 ||
                    info.absoluteFilePath() == QCoreApplication::applicationFilePath())
                    continue;
                QFile f(info.filePath());
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                ++scanned;
                QVERIFY2(!cardneedles::heldIn(QByteArrayView(f.readAll())), qPrintable(info.filePath()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(IdCardPrivacyTest)
#include "tst_idcardprivacy.moc"
