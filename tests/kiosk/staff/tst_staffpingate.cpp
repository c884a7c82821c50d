// The staff PIN gate's memory of wrong PINs (StaffPinGate), with a clock of the
// test's own: the lockout survives a restart, grows round by round up to its cap,
// ends, and a correct PIN afterwards forgets it. And the rule `kiosk --hash-pin`
// enforces on the PINs staff may choose.
#include "staffpin.h"
#include "staffpingate.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiosk;

namespace {
constexpr qint64 kStart = 1'750'000'000; // some moment, UTC seconds

// A round of wrong PINs, one a second from `at`; returns the time of the last.
qint64 wrongRound(StaffPinGate &gate, qint64 at)
{
    for (int i = 0; i < StaffPinGate::kWrongPinsPerRound; ++i)
        gate.recordWrong(at + i);
    return at + StaffPinGate::kWrongPinsPerRound - 1;
}
} // namespace

class StaffPinGateTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshFile() { return m_dir.filePath(QStringLiteral("gate-%1").arg(++m_files)); }

private slots:
    void lockoutSurvivesARestart()
    {
        const QString file = freshFile();
        qint64 last = 0;
        {
            StaffPinGate gate(file, kStart);
            for (int i = 0; i < StaffPinGate::kWrongPinsPerRound - 1; ++i) {
                gate.recordWrong(kStart + i);
                QCOMPARE(gate.secondsLocked(kStart + i), 0); // not yet a whole round
            }
            gate.recordWrong(kStart + 10);
            last = kStart + 10;
            QCOMPARE(gate.secondsLocked(last), StaffPinGate::kFirstLockoutSeconds);
        }
        // The kiosk restarts a minute later: still shut, for the rest of the time.
        StaffPinGate restarted(file, last + 60);
        QCOMPARE(restarted.secondsLocked(last + 60), StaffPinGate::kFirstLockoutSeconds - 60);
        QCOMPARE(restarted.secondsLocked(last + StaffPinGate::kFirstLockoutSeconds), 0);
    }

    void partRoundsSurviveARestartToo()
    {
        const QString file = freshFile();
        {
            StaffPinGate gate(file, kStart);
            for (int i = 0; i < StaffPinGate::kWrongPinsPerRound - 1; ++i)
                gate.recordWrong(kStart + i);
        }
        StaffPinGate restarted(file, kStart + 100);
        QCOMPARE(restarted.secondsLocked(kStart + 100), 0);
        restarted.recordWrong(kStart + 100); // the round's last try, not its first
        QCOMPARE(restarted.secondsLocked(kStart + 100), StaffPinGate::kFirstLockoutSeconds);
    }

    // Every further round before a correct PIN doubles the lockout, up to the cap,
    // also across restarts between the rounds.
    void backOffGrowsToItsCap()
    {
        const QString file = freshFile();
        qint64 now = kStart;
        QList<qint64> lockouts;
        for (int round = 1; round <= 8; ++round) {
            StaffPinGate gate(file, now);
            QCOMPARE(gate.secondsLocked(now), 0);
            now = wrongRound(gate, now);
            lockouts << gate.secondsLocked(now);
            now += lockouts.last(); // wait it out
        }
        QCOMPARE(lockouts.first(), StaffPinGate::kFirstLockoutSeconds);
        for (qsizetype i = 1; i < lockouts.size(); ++i)
            QCOMPARE(lockouts[i], qMin(2 * lockouts[i - 1], StaffPinGate::kLongestLockoutSeconds));
        QVERIFY(lockouts[2] > lockouts[1] && lockouts[1] > lockouts[0]); // it really grew
        QCOMPARE(lockouts.last(), StaffPinGate::kLongestLockoutSeconds); // and stopped growing
    }

    void correctPinAfterTheLockoutForgetsIt()
    {
        const QString file = freshFile();
        qint64 now = kStart;
        {
            StaffPinGate gate(file, now);
            now = wrongRound(gate, now) + StaffPinGate::lockoutSeconds(1);
            now = wrongRound(gate, now);
            QCOMPARE(gate.secondsLocked(now), StaffPinGate::lockoutSeconds(2));
            now += gate.secondsLocked(now);
            QCOMPARE(gate.secondsLocked(now), 0);
            gate.recordCorrect();
        }
        // After a restart: a whole new round is needed, and it locks for the first length.
        StaffPinGate gate(file, now);
        for (int i = 0; i < StaffPinGate::kWrongPinsPerRound - 1; ++i)
            gate.recordWrong(now + i);
        QCOMPARE(gate.secondsLocked(now + 10), 0);
        gate.recordWrong(now + 10);
        QCOMPARE(gate.secondsLocked(now + 10), StaffPinGate::kFirstLockoutSeconds);
    }

    void clockSetBackDoesNotLengthenIt()
    {
        const QString file = freshFile();
        StaffPinGate gate(file, kStart);
        const qint64 last = wrongRound(gate, kStart);
        const qint64 dayEarlier = last - 24 * 3600;
        QCOMPARE(gate.secondsLocked(dayEarlier), StaffPinGate::kFirstLockoutSeconds);
        QCOMPARE(gate.secondsLocked(dayEarlier + StaffPinGate::kFirstLockoutSeconds), 0);
    }

    void unreadableStateFailsClosed()
    {
        const QString file = freshFile();
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a gate\n");
        f.close();
        StaffPinGate gate(file, kStart);
        QCOMPARE(gate.secondsLocked(kStart), StaffPinGate::kFirstLockoutSeconds);
    }

    void pinRule_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("6 digits") << "246810" << false;
        QTest::newRow("9 digits") << "123456789" << false;
        QTest::newRow("10 digits") << "1357924680" << true;
        QTest::newRow("32 digits") << QString(32, QLatin1Char('7')) << true;
        QTest::newRow("33 digits") << QString(33, QLatin1Char('7')) << false;
        QTest::newRow("letters") << "12345abcde12" << false;
        QTest::newRow("full-width digits") << "１２３４５６７８９０" << false;
    }
    void pinRule()
    {
        QFETCH(QString, pin);
        QFETCH(bool, allowed);
        QCOMPARE(config::pinRuleProblem(pin).isEmpty(), allowed);

        // kiosk --hash-pin refuses what the rule refuses, in words.
        QProcess kiosk;
        kiosk.start(QStringLiteral(KIOSK_BIN), {QStringLiteral("--hash-pin")});
        QVERIFY(kiosk.waitForStarted(10000));
        kiosk.write(pin.toUtf8() + '\n');
        kiosk.closeWriteChannel();
        QVERIFY(kiosk.waitForFinished(30000));
        const QByteArray out = kiosk.readAllStandardOutput();
        if (allowed) {
            QCOMPARE(kiosk.exitCode(), 0);
            QVERIFY2(out.startsWith("pin_hash = \"$argon2id$"), out.constData());
        } else {
            QCOMPARE(kiosk.exitCode(), 2);
            QVERIFY(out.isEmpty());
            QVERIFY(kiosk.readAllStandardError().contains("staff PIN"));
        }
    }
};

QTEST_GUILESS_MAIN(StaffPinGateTest)
#include "tst_staffpingate.moc"
