// idcard-simulator: a SAM ID card reader on a pseudo-terminal for demos and manual
// tests. Prints the device path to give the kiosk (idcard/port), then takes
// commands on standard input, one per line:
//   place resident|I|J|Y · remove · unplug · replug · garbage · badsum · slow MS ·
//   fail CMD PARA SW3 (hex) · quit
#include "idcardsimulator.h"
#include "simcards.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>
#include <cstdio>

using namespace device;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype linkArg = args.indexOf(QStringLiteral("--link"));
    IdCardSimulator sim(linkArg > 0 && linkArg + 1 < args.size() ? args[linkArg + 1] : QString());
    QString error;
    if (!sim.start(&error)) {
        std::fprintf(stderr, "idcard-simulator: %s\n", qPrintable(error));
        return 1;
    }
    if (!args.contains(QStringLiteral("--no-card")))
        sim.placeCard(simcards::resident(), simcards::photo());
    QTextStream out(stdout);
    out << sim.devicePath() << " -> " << sim.ptyPath() << Qt::endl;
    QTextStream in(stdin);
    QString line;
    while (in.readLineInto(&line)) {
        const QStringList w = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (w.isEmpty())
            continue;
        const QString c = w[0];
        if (c == QLatin1String("quit"))
            break;
        if (c == QLatin1String("place")) {
            const QString t = w.value(1, QStringLiteral("resident"));
            sim.placeCard(t == QLatin1String("I")   ? simcards::foreignPermanent2017()
                          : t == QLatin1String("J") ? simcards::hkMacaoTaiwanPermit()
                          : t == QLatin1String("Y") ? simcards::foreignPermanent2023()
                                                    : simcards::resident(),
                          simcards::photo());
        } else if (c == QLatin1String("remove")) {
            sim.removeCard();
        } else if (c == QLatin1String("unplug")) {
            sim.unplug();
        } else if (c == QLatin1String("replug")) {
            sim.replug();
            out << sim.devicePath() << " -> " << sim.ptyPath() << Qt::endl;
        } else if (c == QLatin1String("garbage")) {
            sim.injectGarbage(QByteArray("\x01\xAA\xAA\x96\x00\x55", 6));
        } else if (c == QLatin1String("badsum")) {
            sim.corruptNextChecksums(1);
        } else if (c == QLatin1String("slow")) {
            sim.setReplyDelay(w.value(1).toInt());
        } else if (c == QLatin1String("fail") && w.size() == 4) {
            sim.failNext(quint8(w[1].toUInt(nullptr, 16)), quint8(w[2].toUInt(nullptr, 16)),
                         quint8(w[3].toUInt(nullptr, 16)));
        } else {
            out << "unknown command" << Qt::endl;
            continue;
        }
        out << "ok" << Qt::endl;
    }
    sim.stop();
    return 0;
}
