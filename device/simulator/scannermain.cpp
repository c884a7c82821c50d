// qr-scanner-simulator: a USB-CDC QR scanner on a pseudo-terminal for demos and
// manual tests. Prints the device path to give the kiosk (devices/qr_scanner),
// then sends every line of standard input as one scan (UTF-8, CRLF suffix).
// Lines starting with "gbk " are sent GB18030-encoded; "unplug", "replug" and
// "quit" act on the simulated device.
#include "scannersimulator.h"

#include <QCoreApplication>
#include <QStringEncoder>
#include <QTextStream>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype linkArg = args.indexOf(QStringLiteral("--link"));
    device::ScannerSimulator sim(linkArg > 0 && linkArg + 1 < args.size() ? args[linkArg + 1] : QString());
    QString error;
    if (!sim.start(&error)) {
        std::fprintf(stderr, "qr-scanner-simulator: %s\n", qPrintable(error));
        return 1;
    }
    QTextStream out(stdout);
    out << sim.devicePath() << " -> " << sim.ptyPath() << Qt::endl;
    QTextStream in(stdin);
    QString line;
    while (in.readLineInto(&line)) {
        bool ok = true;
        if (line == QLatin1String("quit"))
            break;
        if (line == QLatin1String("unplug")) {
            ok = sim.unplug();
        } else if (line == QLatin1String("replug")) {
            ok = sim.replug();
            out << sim.devicePath() << " -> " << sim.ptyPath() << Qt::endl;
        } else if (line.startsWith(QLatin1String("gbk "))) {
            QStringEncoder gbk("GB18030");
            ok = sim.scan(gbk.encode(line.mid(4)));
        } else {
            ok = sim.scan(line.toUtf8());
        }
        out << (ok ? "ok" : "failed") << Qt::endl;
    }
    sim.stop();
    return 0;
}
