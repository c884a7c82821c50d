// The ID card reader driver against the simulator over a real pseudo-terminal:
// the whole poll cycle, every SW3 error code of the spec at each stage, damaged
// and slow replies, garbage, baud rates, unplug/replug and the worker thread.
#include "idcardreader.h"
#include "idcardservice.h"
#include "idcardsimulator.h"
#include "simcards.h"
#include "testsupport.h"

#include <QtTest>

using namespace device;
using State = IdCardReader::State;
using Problem = IdCardReader::Problem;

Q_DECLARE_METATYPE(device::IdCardReader::State)
Q_DECLARE_METATYPE(device::IdCardReader::Problem)

class IdCardReaderTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<IdCardSimulator> sim;

    IdCardReaderConfig config() const
    {
        IdCardReaderConfig c;
        c.portPath = sim->devicePath();
        c.responseTimeoutMs = 200;
        c.readTimeoutMs = 800;
        c.retries = 1;
        c.reopenIntervalMs = 0;
        c.scanBaudRates = false;
        return c;
    }

    // Polls until the reader reaches `state` (bounded).
    static bool pollUntil(IdCardReader &r, State state, int maxPolls = 10)
    {
        for (int i = 0; i < maxPolls; ++i) {
            r.pollOnce();
            if (r.state() == state)
                return true;
        }
        return false;
    }

private slots:
    void init()
    {
        sim = std::make_unique<IdCardSimulator>();
        QString error;
        QVERIFY2(sim->start(&error), qPrintable(error));
    }
    void cleanup() { sim.reset(); }

    void probeThenReady()
    {
        IdCardReader r(config());
        QSignalSpy states(&r, &IdCardReader::stateChanged);
        r.pollOnce();
        QCOMPARE(r.state(), State::Ready);
        QCOMPARE(sim->commandsReceived(0x11, 0xFF), 1);
        QCOMPARE(states.size(), 1);
        r.pollOnce(); // no card: stays ready, nothing new reported
        r.pollOnce();
        QCOMPARE(states.size(), 1);
        QCOMPARE(sim->commandsReceived(0x20, 0x01), 2);
        QCOMPARE(sim->commandsReceived(0x20, 0x02), 0);
    }

    void notConnected()
    {
        IdCardReaderConfig c = config();
        c.portPath = QStringLiteral("/nonexistent/ttyUSB9");
        IdCardReader r(c);
        r.pollOnce();
        QCOMPARE(r.state(), State::Absent);
        QCOMPARE(r.problem(), Problem::NotConnected);
    }

    void readsEveryCardType_data()
    {
        QTest::addColumn<QByteArray>("block");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("number");
        QTest::newRow("resident") << simcards::resident() << int(IdCardType::Resident)
                                  << "11010519491231002X";
        QTest::newRow("I") << simcards::foreignPermanent2017() << int(IdCardType::ForeignPermanent2017)
                           << "USA110079070101";
        QTest::newRow("J") << simcards::hkMacaoTaiwanPermit() << int(IdCardType::HkMacaoTaiwanPermit)
                           << "810000198001010129";
        QTest::newRow("Y") << simcards::foreignPermanent2023() << int(IdCardType::ForeignPermanent2023)
                           << "933110198503150015";
    }
    void readsEveryCardType()
    {
        QFETCH(QByteArray, block);
        QFETCH(int, type);
        QFETCH(QString, number);
        IdCardReader r(config());
        QSignalSpy reads(&r, &IdCardReader::cardRead);
        r.pollOnce();
        sim->placeCard(block, simcards::photo());
        r.pollOnce();
        QCOMPARE(reads.size(), 1);
        const IdCard card = reads[0][0].value<IdCard>();
        QCOMPARE(int(card.type), type);
        QCOMPARE(card.idNumber.view(), number);
        QVERIFY(card.photoWlt.view() == simcards::photo());
        QCOMPARE(r.state(), State::Ready);
    }

    void sameCardStillPresentIsNoNewRead()
    {
        IdCardReader r(config());
        QSignalSpy reads(&r, &IdCardReader::cardRead);
        QSignalSpy states(&r, &IdCardReader::stateChanged);
        sim->placeCard(simcards::resident());
        r.pollOnce(); // probe
        r.pollOnce(); // read
        QCOMPARE(reads.size(), 1);
        const qsizetype stateChanges = states.size();
        for (int i = 0; i < 5; ++i)
            r.pollOnce();
        QCOMPARE(reads.size(), 1);
        QCOMPARE(states.size(), stateChanges); // no error, no flicker
        QCOMPARE(sim->commandsReceived(0x30, 0x01), 1);
        QVERIFY(sim->commandsReceived(0x20, 0x01) >= 6);
        // Taken off and put back: a new presentation is read again.
        sim->removeCard();
        r.pollOnce();
        sim->placeCard(simcards::resident());
        r.pollOnce();
        QCOMPARE(reads.size(), 2);
    }

    // Every SW3 code of the spec, at the stage where a reader can send it.
    void errorCodes_data()
    {
        QTest::addColumn<int>("cmd");
        QTest::addColumn<int>("para");
        QTest::addColumn<int>("sw3");
        QTest::addColumn<int>("problem"); // -1: resent at once, no state change
        const QList<int> codes {0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40,
                                0x41, 0x47, 0x60, 0x66, 0x91};
        for (int c : codes) {
            const bool resend = c == 0x10 || c == 0x11;
            const QString h = QString::number(c, 16);
            QTest::newRow(qPrintable("probe " + h))
                << 0x11 << 0xFF << c << (resend ? -1 : int(Problem::ReaderFault));
            QTest::newRow(qPrintable("find " + h))
                << 0x20 << 0x01 << c << (resend ? -1 : int(Problem::ReaderFault));
            const int readProblem = resend ? -1
                : c == 0x40 ? int(Problem::CardNotSupported)
                : (c == 0x32 || c == 0x60 || c == 0x66) ? int(Problem::ReaderFault)
                                                        : int(Problem::CardUnreadable);
            QTest::newRow(qPrintable("read " + h)) << 0x30 << 0x01 << c << readProblem;
        }
    }
    void errorCodes()
    {
        QFETCH(int, cmd);
        QFETCH(int, para);
        QFETCH(int, sw3);
        QFETCH(int, problem);
        IdCardReader r(config());
        QSignalSpy reads(&r, &IdCardReader::cardRead);
        sim->placeCard(simcards::resident());
        if (cmd != 0x11)
            r.pollOnce(); // probe first
        sim->failNext(quint8(cmd), quint8(para), quint8(sw3));
        r.pollOnce();
        if (problem < 0) {
            // The reader got a damaged command: the driver resends it at once.
            QCOMPARE(sim->commandsReceived(quint8(cmd), quint8(para)), 2);
            if (cmd == 0x11)
                r.pollOnce();
            QCOMPARE(reads.size(), 1);
            return;
        }
        QCOMPARE(r.state(), State::Error);
        QCOMPARE(int(r.problem()), problem);
        QCOMPARE(reads.size(), 0);
        // Recovers by itself once the reader behaves.
        for (int i = 0; i < 3 && reads.isEmpty(); ++i)
            r.pollOnce();
        QCOMPARE(reads.size(), 1);
        QCOMPARE(r.state(), State::Ready);
    }

    void selectFailureIsRetriedQuietly()
    {
        IdCardReader r(config());
        QSignalSpy reads(&r, &IdCardReader::cardRead);
        sim->placeCard(simcards::resident());
        r.pollOnce();
        sim->failNext(0x20, 0x02, 0x81, 1);
        r.pollOnce();
        QCOMPARE(r.state(), State::Ready); // card moved: try again, no alarm
        QCOMPARE(reads.size(), 0);
        r.pollOnce();
        QCOMPARE(reads.size(), 1);
        // Failing again and again is reported.
        sim->removeCard();
        r.pollOnce();
        sim->placeCard(simcards::resident());
        sim->failNext(0x20, 0x02, 0x81, 3);
        for (int i = 0; i < 3; ++i)
            r.pollOnce();
        QCOMPARE(r.state(), State::Error);
        QCOMPARE(r.problem(), Problem::CardUnreadable);
    }

    // A damaged answer is asked for again at once, not after the timeout, and the log
    // says what happened (it used to cost the whole timeout and read "timeout").
    void badChecksumReplyIsResent()
    {
        IdCardReaderConfig c = config();
        c.responseTimeoutMs = 4000; // far longer than a resend takes
        IdCardReader r(c);
        QSignalSpy reads(&r, &IdCardReader::cardRead);
        sim->placeCard(simcards::resident());
        r.pollOnce();
        QCOMPARE(r.state(), State::Ready);
        sim->corruptNextChecksums(1);
        testsupport::LogCapture::start();
        QElapsedTimer clock;
        clock.start();
        r.pollOnce();
        const qint64 took = clock.elapsed();
        testsupport::LogCapture::stop();
        QCOMPARE(reads.size(), 1);
        QCOMPARE(sim->commandsReceived(0x20, 0x01), 2); // find sent twice
        QVERIFY2(took < c.responseTimeoutMs, qPrintable(QString::number(took))); // not waited out
        const QString log = testsupport::LogCapture::lines().join('\n');
        QVERIFY2(log.contains("damaged on the line"), qPrintable(log));
        QVERIFY2(!log.contains("timeout"), qPrintable(log));
    }

    void garbageIsSkipped()
    {
        IdCardReader r(config());
        QSignalSpy reads(&r, &IdCardReader::cardRead);
        sim->placeCard(simcards::resident());
        r.pollOnce();
        // Line noise with broken preambles before the find answer.
        sim->injectGarbage(QByteArray("\x00\xAA\xAA\x96\x69\xAA\xAA\xAA\x96\xFF\x69", 11));
        r.pollOnce();
        QCOMPARE(reads.size(), 1);
        QCOMPARE(sim->commandsReceived(0x20, 0x01), 1);
    }

    void falseHeaderBeforeReplyIsSkipped()
    {
        IdCardReader r(config());
        QSignalSpy reads(&r, &IdCardReader::cardRead);
        sim->placeCard(simcards::resident());
        r.pollOnce();
        // A plausible header announcing 2048 bytes that never come: the real
        // frame behind it is found once the wait for the false one times out.
        sim->injectGarbage(QByteArray("\xAA\xAA\xAA\x96\x69\x08\x00", 7));
        r.pollOnce();
        QCOMPARE(reads.size(), 1);
        QCOMPARE(sim->commandsReceived(0x20, 0x01), 1);
    }

    void repliesInPieces()
    {
        IdCardReader r(config());
        QSignalSpy reads(&r, &IdCardReader::cardRead);
        sim->setChunking(50, 5); // the 1295-byte read answer in 26 pieces
        sim->placeCard(simcards::resident());
        r.pollOnce();
        r.pollOnce();
        QCOMPARE(reads.size(), 1);
        QCOMPARE(sim->commandsReceived(0x30, 0x01), 1);
    }

    void slowReplyWithinTimeout()
    {
        IdCardReader r(config());
        QSignalSpy reads(&r, &IdCardReader::cardRead);
        sim->setReplyDelay(120); // under the 200 ms timeout
        sim->placeCard(simcards::resident());
        r.pollOnce();
        r.pollOnce();
        QCOMPARE(reads.size(), 1);
        QCOMPARE(sim->commandsReceived(0x20, 0x01), 1);
    }

    void tooSlowIsNoAnswerThenRecovers()
    {
        IdCardReader r(config());
        r.pollOnce();
        QCOMPARE(r.state(), State::Ready);
        // Well past both attempts (2 x 200 ms): a delay near 400 ms would let the
        // first answer land inside the retry's window and be rightly accepted.
        sim->setReplyDelay(700);
        QElapsedTimer t;
        t.start();
        r.pollOnce();
        QVERIFY2(t.elapsed() < 1500, "timeouts and retries are bounded");
        QCOMPARE(r.state(), State::Error);
        QCOMPARE(r.problem(), Problem::NoAnswer);
        // First try + one retry (the simulator counts the retry once its slow first answer is out).
        QTRY_COMPARE_WITH_TIMEOUT(sim->commandsReceived(0x20, 0x01), 2, 3000);
        sim->setReplyDelay(0);
        QVERIFY(pollUntil(r, State::Ready));
    }

    void silentReader()
    {
        sim->ignoreNext(-1);
        IdCardReader r(config());
        r.pollOnce();
        QCOMPARE(r.state(), State::Error);
        QCOMPARE(r.problem(), Problem::NoAnswer);
        sim->ignoreNext(0);
        QVERIFY(pollUntil(r, State::Ready));
    }

    void unplugAndReplug()
    {
        IdCardReaderConfig c = config();
        c.reopenIntervalMs = 300;
        IdCardReader r(c);
        QSignalSpy reads(&r, &IdCardReader::cardRead);
        sim->placeCard(simcards::resident());
        r.pollOnce();
        r.pollOnce();
        QCOMPARE(reads.size(), 1);
        QVERIFY(sim->unplug());
        r.pollOnce();
        QCOMPARE(r.state(), State::Absent);
        QCOMPARE(r.problem(), Problem::Disconnected);
        // Reopening waits for its interval, then reports the missing port.
        r.pollOnce();
        QCOMPARE(r.problem(), Problem::Disconnected);
        QTest::qWait(350);
        r.pollOnce();
        QCOMPARE(r.problem(), Problem::NotConnected);
        QVERIFY(sim->replug());
        QTest::qWait(350);
        r.pollOnce();
        QCOMPARE(r.state(), State::Ready);
        // The power-cycled reader reads the card that is still on it.
        r.pollOnce();
        QCOMPARE(reads.size(), 2);
    }

    void findsTheReadersBaudRate()
    {
        sim->setBaud(9600);
        IdCardReaderConfig c = config();
        IdCardReader strict(c);
        strict.pollOnce();
        QCOMPARE(strict.problem(), Problem::NoAnswer);

        c.scanBaudRates = true;
        IdCardReader r(c);
        r.pollOnce();
        QCOMPARE(r.state(), State::Ready);
        QCOMPARE(r.baud(), 9600);
    }

    void workerThread()
    {
        IdCardReaderConfig c = config();
        c.pollIntervalMs = 50;
        IdCardService service(c);
        QSignalSpy reads(&service, &IdCardService::cardRead);
        QThread *deliveredOn = nullptr;
        connect(&service, &IdCardService::cardRead, this,
                [&deliveredOn] { deliveredOn = QThread::currentThread(); });
        service.start();
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), State::Ready, 3000);
        sim->placeCard(simcards::resident());
        QTRY_COMPARE_WITH_TIMEOUT(reads.size(), 1, 3000);
        QCOMPARE(deliveredOn, QThread::currentThread()); // queued to the caller
        QElapsedTimer t;
        t.start();
        QVERIFY(service.stop());
        QVERIFY(t.elapsed() < 1000);
    }

    void stopIsBoundedDuringLongWait()
    {
        IdCardReaderConfig c = config();
        c.responseTimeoutMs = 10000;
        sim->ignoreNext(-1); // the probe waits for an answer that never comes
        IdCardService service(c);
        service.start();
        QTest::qWait(200);
        QElapsedTimer t;
        t.start();
        QVERIFY(service.stop(2000));
        QVERIFY2(t.elapsed() < 500, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(IdCardReaderTest)
#include "tst_idcardreader.moc"
