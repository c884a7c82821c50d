// bench_startup: starts the kiosk on the demo catalog and the baseline Qt Quick
// program alternately, N times each, offscreen with software rendering, and reports
// the median and worst start-up time and peak memory, with kiosk/baseline ratios.
// Writes the figures into docs/PERFORMANCE.md between the start-up markers. Given an
// earlier build of the kiosk (and the catalog it reads), it starts that one too, in the
// same loop, and adds the new/earlier ratios: "no slower than before" in one run.
//   bench_startup KIOSK BASELINE DEMO_CATALOG PERFORMANCE_MD [RUNS [EARLIER_KIOSK EARLIER_CATALOG]]
#include "performancedoc.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>
#include <optional>
#include <algorithm>
#include <cstdio>

namespace {

struct Sample {
    double firstFrame = 0, contentFrame = 0, peakKiB = 0;
};

std::optional<Sample> runOnce(const QString &program, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("QT_QUICK_BACKEND", "software");
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return std::nullopt;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains("first_frame_ms"))
            return Sample{o.value("first_frame_ms").toDouble(), o.value("content_frame_ms").toDouble(),
                          o.value("peak_rss_kib").toDouble()};
    }
    return std::nullopt;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

double worst(const QList<double> &v) { return v.isEmpty() ? 0 : *std::max_element(v.begin(), v.end()); }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() < 5) {
        std::fprintf(stderr, "usage: bench_startup KIOSK BASELINE DEMO_CATALOG PERFORMANCE_MD "
                             "[RUNS [EARLIER_KIOSK EARLIER_CATALOG]]\n");
        return 2;
    }
    const int runs = a.size() > 5 ? a[5].toInt() : 10;
    const bool earlier = a.size() > 7;
    QList<double> kFirst, kContent, kMem, bFirst, bMem, eFirst, eContent, eMem;
    for (int i = 0; i < runs; ++i) {
        const auto k = runOnce(a[1], {"--catalog", a[3], "--report-startup"});
        const auto b = runOnce(a[2], {});
        if (!k || !b) {
            std::fprintf(stderr, "run %d failed\n", i);
            return 1;
        }
        if (earlier) {
            const auto e = runOnce(a[6], {"--catalog", a[7], "--report-startup"});
            if (!e) {
                std::fprintf(stderr, "run %d of the earlier kiosk failed\n", i);
                return 1;
            }
            eFirst << e->firstFrame;
            eContent << e->contentFrame;
            eMem << e->peakKiB / 1024.0;
        }
        kFirst << k->firstFrame;
        kContent << k->contentFrame;
        kMem << k->peakKiB / 1024.0;
        bFirst << b->firstFrame;
        bMem << b->peakKiB / 1024.0;
    }

    QString table;
    QTextStream t(&table);
    t.setRealNumberPrecision(1);
    t.setRealNumberNotation(QTextStream::FixedNotation);
    t << "| figure | kiosk (demo catalog) | baseline (empty Qt Quick window) | ratio |\n"
      << "|---|---|---|---|\n"
      << "| start → first frame, median (ms) | " << median(kFirst) << " | " << median(bFirst)
      << " | " << median(kFirst) / median(bFirst) << "× |\n"
      << "| start → first frame, worst (ms) | " << worst(kFirst) << " | " << worst(bFirst) << " | "
      << worst(kFirst) / worst(bFirst) << "× |\n"
      << "| start → catalog on screen, median (ms) | " << median(kContent) << " | – | "
      << median(kContent) / median(bFirst) << "× |\n"
      << "| peak memory, median (MiB) | " << median(kMem) << " | " << median(bMem) << " | "
      << median(kMem) / median(bMem) << "× |\n";
    if (earlier)
        t << "\nAgainst an earlier kiosk build in the same loop (`" << a[6] << "`):\n\n"
          << "| figure | this kiosk | earlier kiosk | ratio |\n"
          << "|---|---|---|---|\n"
          << "| start → first frame, median (ms) | " << median(kFirst) << " | " << median(eFirst)
          << " | " << median(kFirst) / median(eFirst) << "× |\n"
          << "| start → catalog on screen, median (ms) | " << median(kContent) << " | "
          << median(eContent) << " | " << median(kContent) / median(eContent) << "× |\n"
          << "| peak memory, median (MiB) | " << median(kMem) << " | " << median(eMem) << " | "
          << median(kMem) / median(eMem) << "× |\n";
    const QString section =
        QStringLiteral("<!-- startup:begin -->\n### Start-up (%1 runs each, %2, %3 cores)\n\n%4\n"
                       "<!-- startup:end -->")
            .arg(runs)
            .arg(QSysInfo::prettyProductName())
            .arg(QThread::idealThreadCount())
            .arg(table);
    std::printf("%s\n", qPrintable(section));

    return writePerformanceSection(a[4], QStringLiteral("startup"), section) ? 0 : 1;
}
