// kiosk-devices: the staff's look at the kiosk's devices, from a terminal.
//   kiosk-devices list [--port PATH]... [--escpos PATH] [--cups-server S]
//       serial ports (each probed for a SAM ID card reader, except the --escpos
//       one: SAM frames would print as junk on a receipt printer), CUPS queues with their
//       state and problem, and the ESC/POS receipt printer's status if given
//   kiosk-devices read-card PORT [--timeout S]
//       reads one ID card and prints it MASKED (name, number); never unmasked
//   kiosk-devices test-page [QUEUE] [--cups-server S] [--timeout S]
//       prints a one-page test PDF and follows the job until it completes
// Exit status: 0 all well, 1 the device has a problem, 2 usage error.
#include "cupsclient.h"
#include "escposprinter.h"
#include "idcardreader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <cstdio>

using namespace device;

namespace {

QTextStream out(stdout);

QString option(const QStringList &args, const QString &name, const QString &fallback = {})
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}

QStringList options(const QStringList &args, const QString &name)
{
    QStringList values;
    for (qsizetype i = 0; i + 1 < args.size(); ++i)
        if (args[i] == name)
            values << args[i + 1];
    return values;
}

QStringList serialPorts(const QStringList &extra)
{
    QStringList ports;
    const QDir byId(QStringLiteral("/dev/serial/by-id"));
    for (const QString &f : byId.entryList(QDir::System | QDir::Files))
        ports << byId.filePath(f);
    const QDir dev(QStringLiteral("/dev"));
    for (const QString &f : dev.entryList({"ttyUSB*", "ttyACM*"}, QDir::System))
        ports << dev.filePath(f);
    return ports + extra;
}

// One probe of a port: does a SAM reader answer its status command?
QString probeSam(const QString &port)
{
    IdCardReaderConfig config;
    config.portPath = port;
    config.scanBaudRates = true;
    IdCardReader reader(config);
    reader.pollOnce();
    switch (reader.state()) {
    case IdCardReader::State::Ready:
    case IdCardReader::State::Reading:
        return QStringLiteral("SAM ID card reader, ready (%1 baud)").arg(reader.baud());
    case IdCardReader::State::Error:
        return QStringLiteral("SAM ID card reader, faulty");
    case IdCardReader::State::Absent:
        break;
    }
    return QStringLiteral("no SAM reader answers");
}

int list(const QStringList &args)
{
    int status = 0;
    out << "Serial ports:\n";
    const QStringList ports = serialPorts(options(args, QStringLiteral("--port")));
    if (ports.isEmpty())
        out << "  (none)\n";
    // SAM frames sent to a receipt printer would print as junk: its port is not probed.
    const QString escposPort = option(args, QStringLiteral("--escpos"));
    for (const QString &port : ports)
        out << "  " << port << ": "
            << (port == escposPort ? QStringLiteral("receipt printer (not probed for a reader)")
                                   : probeSam(port))
            << "\n";

    if (!escposPort.isEmpty()) {
        EscPosPrinter printer(escposPort);
        const EscPosPrinter::Status s = printer.status();
        out << "Receipt printer (ESC/POS) " << escposPort << ": "
            << (s.canPrint() ? QStringLiteral("ready") : QStringLiteral("problem: ") + s.reason)
            << "\n";
        if (!s.canPrint())
            status = 1;
    }

    CupsClient cups(option(args, QStringLiteral("--cups-server")));
    out << "CUPS queues:\n";
    if (!cups.reachable()) {
        out << "  no CUPS scheduler (" << problemCode(PrinterProblem::NoService) << ")\n";
        return 1;
    }
    const QString def = cups.defaultQueue();
    const QStringList queues = cups.queues();
    if (queues.isEmpty())
        out << "  (none)\n";
    for (const QString &q : queues) {
        const PrinterStatus s = cups.status(q);
        out << "  " << q << (q == def ? " (default)" : "") << ": " << s.stateText()
            << (s.accepting ? ", accepting" : ", rejecting jobs") << ", problem "
            << problemCode(s.problem);
        if (!s.reasons.isEmpty() && s.reasons != QStringList{QStringLiteral("none")})
            out << " [" << s.reasons.join(',') << "]";
        out << "\n";
    }
    return status;
}

int readCard(const QStringList &args)
{
    const QString port = args.value(2);
    if (port.isEmpty() || port.startsWith(QLatin1String("--"))) {
        std::fprintf(stderr, "usage: kiosk-devices read-card PORT [--timeout S]\n");
        return 2;
    }
    IdCardReaderConfig config;
    config.portPath = port;
    IdCardReader reader(config);
    std::optional<IdCard> card;
    QObject::connect(&reader, &IdCardReader::cardRead, [&card](const IdCard &c) { card = c; });
    QElapsedTimer clock;
    clock.start();
    const int timeoutMs =
        option(args, QStringLiteral("--timeout"), QStringLiteral("15")).toInt() * 1000;
    bool announced = false, answered = false;
    // Every step ends by the deadline: the wait is the one asked for, not one more probe.
    const QDeadlineTimer deadline(timeoutMs);
    while (!card && !deadline.hasExpired()) {
        reader.pollOnce(deadline);
        answered = answered || reader.state() == IdCardReader::State::Ready ||
                   reader.state() == IdCardReader::State::Reading;
        if (reader.state() == IdCardReader::State::Ready && !announced) {
            out << "reader ready; place a card on it\n";
            out.flush();
            announced = true;
        }
        QThread::msleep(ulong(qBound(qint64(0), deadline.remainingTime(), qint64(config.pollIntervalMs))));
    }
    if (!card) {
        using S = IdCardReader::State;
        using P = IdCardReader::Problem;
        const S s = reader.state();
        const qint64 seconds = timeoutMs / 1000;
        out << "no card read in " << seconds << " s: ";
        if (!answered && reader.reason().isEmpty())
            out << "no answer from " << port << " yet (try a longer --timeout)";
        else if (s == S::Absent && !answered && reader.problem() == P::NotConnected)
            out << "there is no device at " << port << " (" << reader.reason() << ")";
        else if (s == S::Absent)
            out << "the reader at " << port << " was disconnected";
        else if (s == S::Error && reader.problem() == P::NoAnswer && !answered)
            out << "no reader answers on " << port
                << " (a SAM ID card reader there is switched off, on another cable, or this is "
                   "another device)";
        else if (s == S::Error)
            out << "the reader at " << port << " has a problem: " << reader.reason();
        else if (s == S::Ready)
            out << "the reader answers, but no card was placed on it";
        else
            out << "the card on the reader could not be read in time";
        out << "\n";
        return 1;
    }
    // Staff only ever see the masked form: this tool must not become a card copier.
    const char *kind = "resident ID card";
    switch (card->type) {
    case IdCardType::Resident: break;
    case IdCardType::ForeignPermanent2017: kind = "foreign permanent residence card (2017, I)"; break;
    case IdCardType::HkMacaoTaiwanPermit: kind = "residence permit for Hong Kong, Macao and Taiwan residents (J)"; break;
    case IdCardType::ForeignPermanent2023: kind = "foreign permanent resident ID card (2023, Y)"; break;
    }
    const IdNumberCheck check = card->idNumberCheck();
    out << "card read: " << kind << ", name " << card->maskedName() << ", number "
        << card->maskedIdNumber() << ", check character "
        << (check == IdNumberCheck::Valid     ? "valid"
            : check == IdNumberCheck::Invalid ? "not valid"
                                              : "not applicable (this card number has none)")
        << "\n";
    card->wipe();
    return 0;
}

// A minimal one-page PDF (Helvetica, ASCII): enough to prove the queue prints,
// without the kiosk's renderer (this tool stays headless, Qt Core only).
QByteArray testPagePdf(const QString &queue)
{
    const QByteArray text = "kiosk-devices test page  queue " + queue.toLatin1() + "  " +
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toLatin1();
    const QByteArray content = "BT /F1 18 Tf 72 760 Td (" + text +
                               ") Tj ET\n"
                               "0 0 0 RG 4 w 72 700 m 523 700 l S\n";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content +
            "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

int testPage(const QStringList &args)
{
    CupsClient cups(option(args, QStringLiteral("--cups-server")));
    QString queue = args.value(2);
    if (queue.startsWith(QLatin1String("--")))
        queue.clear();
    if (queue.isEmpty())
        queue = cups.defaultQueue();
    if (queue.isEmpty()) {
        out << "no queue given and no default queue ("
            << problemCode(cups.reachable() ? PrinterProblem::NoQueue : PrinterProblem::NoService)
            << ")\n";
        return 1;
    }
    const PrinterStatus before = cups.status(queue);
    if (before.problem != PrinterProblem::None) {
        out << "queue " << queue << " cannot print: " << problemCode(before.problem) << " ["
            << before.reasons.join(',') << "] " << before.message << "\n";
        return 1;
    }
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("test-page.pdf"));
    QFile f(pdf);
    if (!f.open(QIODevice::WriteOnly) || f.write(testPagePdf(queue)) <= 0)
        return 1;
    f.close();
    QString error;
    const int id = cups.submit(queue, pdf, QStringLiteral("kiosk-devices test page"), &error);
    if (id <= 0) {
        out << "queue " << queue << " refused the test page: " << error << "\n";
        return 1;
    }
    out << "job " << id << " sent to " << queue << "\n";
    const int timeoutMs =
        option(args, QStringLiteral("--timeout"), QStringLiteral("60")).toInt() * 1000;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        const JobStatus j = cups.job(id);
        if (j.finished()) {
            out << "job " << id << (j.completed() ? " completed" : " failed: ")
                << (j.completed() ? QString() : j.reasons.join(',')) << "\n";
            return j.completed() ? 0 : 1;
        }
        QThread::msleep(300);
    }
    cups.cancel(id);
    out << "job " << id << " did not finish in time; cancelled ("
        << problemCode(cups.status(queue).problem) << ")\n";
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString command = args.value(1);
    if (command == QLatin1String("list"))
        return list(args);
    if (command == QLatin1String("read-card"))
        return readCard(args);
    if (command == QLatin1String("test-page"))
        return testPage(args);
    std::fprintf(stderr,
                 "usage: kiosk-devices list [--port PATH]... [--escpos PATH] [--cups-server S]\n"
                 "       kiosk-devices read-card PORT [--timeout S]\n"
                 "       kiosk-devices test-page [QUEUE] [--cups-server S] [--timeout S]\n");
    return 2;
}
