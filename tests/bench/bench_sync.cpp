// bench_sync: incremental catalog sync over a real nginx on 127.0.0.1.
// Generates a large catalog at run time (the demo plus ITEMS generated qa items;
// never committed), publishes version 1, syncs it fully through the SyncEngine (its
// worker thread), then edits 0.1 %, 1 % and 10 % of the generated items, publishes
// and syncs each incrementally. Reports, per step:
//   - blob bytes over the wire ÷ bytes of the changed files (1.0 = only what changed),
//     with the metadata (timestamp + manifest) bytes separately, from nginx's log;
//   - sync time, and apply time (catalog build + switch, from the Building phase);
//   - the longest gap of a 1 ms timer on the main (UI) thread while the sync runs on
//     the worker, against the same measurement with no sync in the same run.
// Writes docs/PERFORMANCE.md's sync section.
//   bench_sync DEMO_SOURCES PERFORMANCE_MD [ITEMS]
#include "performancedoc.h"
#include "syncengine.h"
#include "syncfixture.h"
#include "truststore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <cstdio>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

using namespace catalogsync;

namespace {

QString sentence(QRandomGenerator &rng, const QString &alphabet, int chars)
{
    QString s;
    s.reserve(chars + 1);
    for (int i = 0; i < chars; ++i)
        s += alphabet.at(rng.bounded(alphabet.size()));
    return s + QStringLiteral("。");
}

QString qaItem(int n, int revision, QRandomGenerator &rng, const QString &alphabet)
{
    QString body;
    for (int p = 0; p < 6; ++p)
        body += sentence(rng, alphabet, 90) + sentence(rng, alphabet, 80) + QStringLiteral("\n\n");
    return QStringLiteral("---\nid: qa-bench-%1\nkind: qa\nquestion: \"生成的问答第%1条（第%2版）\"\n"
                          "source: p-employee-medins\nupdated: 2024-07-10\n---\n%3")
        .arg(n, 5, 10, QChar('0')).arg(revision).arg(body);
}

QString itemPath(const QString &sources, int n)
{
    return sources + QStringLiteral("/qa/qa-bench-%1.md").arg(n, 5, 10, QChar('0'));
}

bool write(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) >= 0;
}

// Measures the main thread's gaps between 1 ms timer ticks while its event loop runs:
// the longest, and how many exceed one 60 Hz frame (16 ms).
struct GapMeter {
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = -1;
    qint64 maxGapNs = 0;
    int overFrame = 0;
    GapMeter()
    {
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(1);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            const qint64 now = clock.nsecsElapsed();
            if (last >= 0) {
                maxGapNs = std::max(maxGapNs, now - last);
                overFrame += now - last > 16'000'000;
            }
            last = now;
        });
    }
    void start()
    {
        last = -1;
        maxGapNs = 0;
        overFrame = 0;
        clock.start();
        timer.start();
    }
    double stopMs()
    {
        timer.stop();
        return maxGapNs / 1e6;
    }
};

struct Gaps {
    double maxMs = 0;
    int overFrame = 0;
    double seconds = 0;
};

// The main thread's gaps over `ms` of its event loop, with `busy` threads at the sync
// worker's nice value doing nothing but arithmetic: what any background work costs the
// UI thread on this machine, against which the sync's own figures are read.
Gaps referenceGaps(GapMeter &meter, int ms, bool busy)
{
    std::atomic<bool> stop{false};
    std::thread worker;
    if (busy)
        worker = std::thread([&stop] {
            setpriority(PRIO_PROCESS, id_t(gettid()), 10);
            volatile quint64 x = 88172645463325252ull; // xorshift: pure CPU, kept by volatile
            while (!stop.load(std::memory_order_relaxed)) {
                x = x ^ (x << 13);
                x = x ^ (x >> 7);
                x = x ^ (x << 17);
            }
        });
    meter.start();
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
    Gaps g{meter.stopMs(), meter.overFrame, ms / 1000.0};
    stop = true;
    if (worker.joinable())
        worker.join();
    return g;
}

QString gapCell(const Gaps &g)
{
    return QStringLiteral("%1 ms | %2 (%3 / min)")
        .arg(QString::number(g.maxMs, 'f', 1))
        .arg(g.overFrame)
        .arg(QString::number(g.overFrame * 60.0 / std::max(0.001, g.seconds), 'f', 1));
}

struct Step {
    QString name;
    int editedItems = 0;
    qint64 changedBytes = 0;
    qint64 blobBytes = 0;
    qint64 metadataBytes = 0;
    double syncMs = 0, applyMs = 0;
    Gaps gaps;
    QString outcome;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() < 3) {
        std::fprintf(stderr, "usage: bench_sync DEMO_SOURCES PERFORMANCE_MD [ITEMS]\n");
        return 2;
    }
    qputenv("KIOSK_DEMO_SOURCES", a[1].toUtf8());
    const int items = a.size() > 3 ? a[3].toInt() : 2000;
    QRandomGenerator rng(20261122);
    // Characters of real government text (the demo's guides), for realistic sizes.
    QString alphabet;
    for (const QString &f : QDir(a[1] + "/guides").entryList({"*.md"}))
        for (const QChar c : [&] { QFile x(a[1] + "/guides/" + f); x.open(QIODevice::ReadOnly); return QString::fromUtf8(x.readAll()); }())
            if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF && !alphabet.contains(c))
                alphabet += c;

    synctest::TestRepository repo;
    if (QString e = repo.create(); !e.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(e));
        return 1;
    }
    for (int n = 0; n < items; ++n)
        if (!write(itemPath(repo.sources(), n), qaItem(n, 1, rng, alphabet))) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(itemPath(repo.sources(), n)));
            return 1;
        }
    QElapsedTimer t;
    t.start();
    if (QString e = repo.publish(1); !e.isEmpty()) {
        std::fprintf(stderr, "publish: %s\n", qPrintable(e));
        return 1;
    }
    std::fprintf(stderr, "published v1 (%d generated items) in %.1f s\n", items, t.elapsed() / 1000.0);
    qint64 sourceBytes = 0;
    int sourceFiles = 0;
    for (const QFileInfo &f : QDir(repo.sources()).entryInfoList(QDir::Files | QDir::NoDotAndDotDot)) {
        sourceBytes += f.size();
        ++sourceFiles;
    }
    for (const QString &sub : QDir(repo.sources()).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        for (const QFileInfo &f : QDir(repo.sources() + '/' + sub).entryInfoList(QDir::Files)) {
            sourceBytes += f.size();
            ++sourceFiles;
        }

    synctest::NginxServer nginx;
    if (QString e = nginx.start(repo.repo()); !e.isEmpty()) {
        std::fprintf(stderr, "nginx: %s\n", qPrintable(e));
        return 1;
    }
    QTemporaryDir kiosk;
    if (QString e = TrustStore(kiosk.path()).installRoot(repo.rootFile()); !e.isEmpty()) {
        std::fprintf(stderr, "trust: %s\n", qPrintable(e));
        return 1;
    }
    SyncSettings settings;
    settings.syncRoot = kiosk.path();
    settings.repositoryUrl = QUrl(nginx.url());
    SyncEngine engine(settings);

    GapMeter meter;

    const auto runSync = [&](Step &step) {
        nginx.clearAccessLog();
        QEventLoop loop;
        QElapsedTimer clock;
        qint64 buildingAt = -1;
        SyncReport report;
        auto c1 = QObject::connect(&engine, &SyncEngine::progressChanged, [&](const SyncProgress &p) {
            if (p.phase == SyncProgress::Phase::Building && buildingAt < 0)
                buildingAt = clock.elapsed();
        });
        auto c2 = QObject::connect(&engine, &SyncEngine::syncFinished, [&](const SyncReport &r) {
            report = r;
            loop.quit();
        });
        meter.start();
        clock.start();
        if (!engine.syncNow()) {
            std::fprintf(stderr, "the sync did not start\n");
            return false;
        }
        loop.exec();
        const qint64 total = clock.elapsed();
        step.gaps = {meter.stopMs(), meter.overFrame, total / 1000.0};
        QObject::disconnect(c1);
        QObject::disconnect(c2);
        step.syncMs = double(total);
        step.applyMs = buildingAt >= 0 ? double(total - buildingAt) : 0;
        step.outcome = outcomeName(report.outcome);
        for (const QString &line : nginx.accessLog()) {
            const qint64 bytes = line.section(' ', 2, 2).toLongLong();
            if (line.startsWith(QLatin1String("/blobs/")))
                step.blobBytes += bytes;
            else
                step.metadataBytes += bytes;
        }
        if (!report.succeeded())
            std::fprintf(stderr, "sync failed: %s\n", qPrintable(report.reason));
        return report.succeeded();
    };

    QList<Step> steps;
    Step full;
    full.name = QStringLiteral("full sync (v1)");
    full.editedItems = sourceFiles;
    full.changedBytes = sourceBytes;
    if (!runSync(full))
        return 1;
    steps << full;

    int version = 1;
    for (const double share : {0.001, 0.01, 0.1}) {
        Step step;
        step.editedItems = std::max(1, int(items * share + 0.5));
        step.name = QStringLiteral("%1 % edited (%2 items)").arg(share * 100).arg(step.editedItems);
        ++version;
        QSet<int> picked;
        while (picked.size() < step.editedItems)
            picked.insert(rng.bounded(items));
        for (int n : picked) {
            const QString text = qaItem(n, version, rng, alphabet);
            step.changedBytes += text.toUtf8().size();
            if (!write(itemPath(repo.sources(), n), text))
                return 1;
        }
        if (QString e = repo.publish(version); !e.isEmpty()) {
            std::fprintf(stderr, "publish v%d: %s\n", version, qPrintable(e));
            return 1;
        }
        if (!runSync(step))
            return 1;
        steps << step;
    }

    // References for the stall figures, each as long as all the syncs together.
    double syncSeconds = 0;
    for (const Step &s : steps)
        syncSeconds += s.syncMs / 1000;
    const int referenceMs = int(syncSeconds * 1000);
    const Gaps idle = referenceGaps(meter, referenceMs, false);
    const Gaps busy = referenceGaps(meter, referenceMs, true);
    Gaps allSyncs{0, 0, syncSeconds};
    for (const Step &s : steps) {
        allSyncs.maxMs = std::max(allSyncs.maxMs, s.gaps.maxMs);
        allSyncs.overFrame += s.gaps.overFrame;
    }

    QString section;
    QTextStream o(&section);
    o << "<!-- sync:begin -->\n";
    o << "### Catalog sync (" << sourceFiles << " source files, " << QString::number(sourceBytes / 1048576.0, 'f', 1)
      << " MB; " << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount() << " cores)\n\n";
    o << "Command: `cmake --build build --target run_bench_sync` (bench_sync DEMO_SOURCES PERFORMANCE_MD "
      << items << "). nginx on 127.0.0.1; the SyncEngine's worker thread does the sync while the\n"
      << "main thread runs a 1 ms timer. *Wire ÷ changed* is blob bytes served by nginx ÷ bytes of\n"
      << "the changed source files (goal ≤ 1.1); metadata (timestamp + manifest) is listed apart.\n"
      << "*Apply* = building the new catalog database and switching (from the Building phase); the\n"
      << "database is rebuilt whole from the sources, so apply time follows the catalog's size, not\n"
      << "the edit's. The manifest lists every file, so metadata grows with the catalog too.\n"
      << "\n"
      << "*Stalls*: the main thread's longest gap between 1 ms timer ticks, and the gaps longer\n"
      << "than a 60 Hz frame (16 ms). Read them against the two references below, measured in the\n"
      << "same run for as long as all the syncs together: the same event loop with nothing else\n"
      << "running, and with one thread at the sync worker's nice value doing only arithmetic — what\n"
      << "any background work costs the UI thread on this machine.\n\n";
    o << "| step | changed files | changed bytes | blob bytes on the wire | wire ÷ changed | metadata bytes | sync | apply | longest main-thread gap | gaps > 16 ms |\n";
    o << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Step &s : steps)
        o << "| " << s.name << " | " << s.editedItems << " | " << s.changedBytes << " | " << s.blobBytes << " | "
          << QString::number(double(s.blobBytes) / std::max<qint64>(1, s.changedBytes), 'f', 3) << " | "
          << s.metadataBytes << " | " << QString::number(s.syncMs / 1000, 'f', 2) << " s | "
          << QString::number(s.applyMs / 1000, 'f', 2) << " s | " << gapCell(s.gaps) << " |\n";
    o << "\n| main thread over " << QString::number(syncSeconds, 'f', 1)
      << " s | longest gap | gaps > 16 ms |\n|---|---:|---:|\n"
      << "| all four syncs | " << gapCell(allSyncs) << " |\n"
      << "| reference: nothing else running | " << gapCell(idle) << " |\n"
      << "| reference: one busy thread at nice 10, arithmetic only | " << gapCell(busy) << " |\n";
    o << "\n<!-- sync:end -->";
    std::printf("%s\n", qPrintable(section));
    return writePerformanceSection(a[2], QStringLiteral("sync"), section) ? 0 : 1;
}
