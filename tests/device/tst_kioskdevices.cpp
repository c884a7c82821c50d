// The staff tool kiosk-devices against real parts: the ID card simulator on a pty
// (speaking the SAM protocol), the ESC/POS simulator on a pty, and a private cupsd
// with a cups-pdf queue. Card data must only ever appear masked.
#include "cupsfixture.h"
#include "escpossimulator.h"
#include "idcardsimulator.h"
#include "pdftools.h"
#include "simcards.h"

#include <QProcess>
#include <QScopeGuard>
#include <fcntl.h>
#include <stdlib.h>
#include <QtTest>
#include <unistd.h>

#ifndef KIOSK_DEVICES_TOOL
#error "KIOSK_DEVICES_TOOL must name the kiosk-devices executable"
#endif

class KioskDevicesTest : public QObject
{
    Q_OBJECT
    CupsFixture m_cups;

    static int run(const QStringList &args, QString *output)
    {
        QProcess p;
        p.start(QStringLiteral(KIOSK_DEVICES_TOOL), args);
        if (!p.waitForFinished(60000))
            return -1;
        *output = QString::fromUtf8(p.readAllStandardOutput());
        return p.exitCode();
    }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the cups-pdf backend runs only as root (CI runs as root)");
        QVERIFY2(m_cups.start(QStringLiteral("KioskPDF")), qPrintable(m_cups.error()));
    }
    void cleanupTestCase() { m_cups.stop(); }

    void listsReaderPrinterAndQueues()
    {
        device::IdCardSimulator reader;
        QVERIFY(reader.start());
        device::EscPosSimulator receipt;
        QVERIFY(receipt.start());
        QString out;
        QCOMPARE(run({"list", "--port", reader.devicePath(), "--escpos", receipt.devicePath(),
                      "--cups-server", m_cups.server()},
                     &out),
                 0);
        QVERIFY2(out.contains(reader.devicePath() + ": SAM ID card reader, ready"),
                 qPrintable(out));
        QVERIFY2(
            out.contains(
                QStringLiteral("Receipt printer (ESC/POS) %1: ready").arg(receipt.devicePath())),
            qPrintable(out));
        // The receipt printer's port got no SAM frames: nothing but status requests.
        QVERIFY(receipt.printed().isEmpty());
        QVERIFY2(out.contains("KioskPDF: idle, accepting, problem none"), qPrintable(out));

        // Paper out and a stopped queue show up as problems, with a failing status.
        receipt.setPaper(device::escpos::Paper::Out);
        QVERIFY(m_cups.admin(QStringLiteral("cupsdisable"), {m_cups.queue()}));
        QCOMPARE(run({"list", "--port", receipt.devicePath(), "--escpos", receipt.devicePath(),
                      "--cups-server", m_cups.server()},
                     &out),
                 1);
        QVERIFY2(out.contains(receipt.devicePath() + ": receipt printer (not probed"),
                 qPrintable(out));
        QVERIFY(receipt.printed().isEmpty());
        QVERIFY2(out.contains("Receipt printer (ESC/POS) " + receipt.devicePath() + ": problem"),
                 qPrintable(out));
        QVERIFY2(out.contains("KioskPDF: stopped, accepting, problem stopped"), qPrintable(out));
        QVERIFY(m_cups.admin(QStringLiteral("cupsenable"), {m_cups.queue()}));

        // A port with nothing behind it is no reader; no scheduler is said plainly.
        QCOMPARE(
            run({"list", "--port", "/dev/null", "--cups-server", "/nonexistent/cups.sock"}, &out),
            1);
        QVERIFY2(out.contains("/dev/null: no SAM reader answers"), qPrintable(out));
        QVERIFY2(out.contains("no CUPS scheduler"), qPrintable(out));
    }

    void readsACardMasked()
    {
        device::IdCardSimulator reader;
        QVERIFY(reader.start());
        const device::simcards::Resident person;
        reader.placeCard(device::simcards::resident(person), QByteArray());
        QString out;
        QCOMPARE(run({"read-card", reader.devicePath(), "--timeout", "20"}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("resident ID card, name 张*丰, number 1101**********002X, "
                                             "check character valid")),
                 qPrintable(out));
        // Never the whole name, number, address or birth date.
        QVERIFY(!out.contains(person.name));
        QVERIFY(!out.contains(person.idNumber));
        QVERIFY(!out.contains(person.address));
        QVERIFY(!out.contains(person.birth));

        // Each card by its kind; the 2017 foreign permanent residence card's number has
        // no check character, which is not a fault of the card.
        reader.placeCard(device::simcards::foreignPermanent2017(), QByteArray());
        QCOMPARE(run({"read-card", reader.devicePath(), "--timeout", "20"}, &out), 0);
        QVERIFY2(out.contains("foreign permanent residence card (2017, I)"), qPrintable(out));
        QVERIFY2(out.contains("check character not applicable"), qPrintable(out));
        QVERIFY2(!out.contains("not valid"), qPrintable(out));
        reader.placeCard(device::simcards::hkMacaoTaiwanPermit(), QByteArray());
        QCOMPARE(run({"read-card", reader.devicePath(), "--timeout", "20"}, &out), 0);
        QVERIFY2(out.contains("Hong Kong, Macao and Taiwan residents (J)"), qPrintable(out));

        reader.removeCard();
        QCOMPARE(run({"read-card", reader.devicePath(), "--timeout", "2"}, &out), 1);
        QVERIFY2(out.contains("the reader answers, but no card was placed on it"), qPrintable(out));
    }

    // A port where nothing answers is no reader (it was reported "reader found, no
    // card"), and the tool waits as long as asked, not a whole baud-rate probe more.
    void silentPortIsNoReader()
    {
        // A pseudo-terminal whose other end is held open by nobody that answers.
        const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
        QVERIFY(master >= 0);
        const auto closeMaster = qScopeGuard([master] { ::close(master); });
        QVERIFY(::grantpt(master) == 0 && ::unlockpt(master) == 0);
        const QString port = QString::fromLocal8Bit(::ptsname(master));
        QString out;
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(run({"read-card", port, "--timeout", "5"}, &out), 1);
        const qint64 took = clock.elapsed();
        QVERIFY2(out.contains("no reader answers on " + port), qPrintable(out));
        QVERIFY2(!out.contains("reader answers, but"), qPrintable(out));
        QVERIFY2(took < 6500, qPrintable(QString::number(took))); // was 7.8 s for 5 s
        QCOMPARE(run({"read-card", "/nonexistent/ttyUSB9", "--timeout", "1"}, &out), 1);
        QVERIFY2(out.contains("there is no device at /nonexistent/ttyUSB9"), qPrintable(out));
    }

    void printsATestPage()
    {
        QString out;
        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(run({"test-page", m_cups.queue(), "--cups-server", m_cups.server()}, &out), 0);
        const QRegularExpression done(QStringLiteral("job (\\d+) completed"));
        const auto m = done.match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        const QString pdf = m_cups.outputOf(m.captured(1).toInt(), started);
        QVERIFY(!pdf.isEmpty());
        QVERIFY(pdftools::text(pdf).contains("kiosk-devices test page"));
        QCOMPARE(pdftools::pageCount(pdf), 1);
        QFile::remove(pdf);

        QVERIFY(m_cups.admin(QStringLiteral("cupsreject"), {m_cups.queue()}));
        QCOMPARE(run({"test-page", m_cups.queue(), "--cups-server", m_cups.server()}, &out), 1);
        QVERIFY2(out.contains("cannot print: not_accepting"), qPrintable(out));
        QVERIFY(m_cups.admin(QStringLiteral("cupsaccept"), {m_cups.queue()}));
    }
};

QTEST_MAIN(KioskDevicesTest)
#include "tst_kioskdevices.moc"
