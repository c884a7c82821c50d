// bench_speech: how soon the kiosk speaks, and how soon it stops, against the two
// speech paths a Debian machine has — the espeak-ng command line and speech-dispatcher
// (spd-say) — speaking the same Mandarin sentences in the same run through the same
// sound server (a private PulseAudio null sink, tests/support/audiofixture).
//   - first audio: from the call "say this" to the first non-silent sample — ours as
//     handed to the device by the PortAudio callback, and for all three as it reaches
//     the sound server (parec on the sink's monitor, the same constant for all);
//   - interrupt to silence: from stop() (the peers: killing espeak-ng, spd-say -C) to
//     the last non-silent sample at the sound server;
//   - synthesis real-time factor of kiosk-speech-engine per voice.
// Writes docs/PERFORMANCE.md's speech section.
//   bench_speech ENGINE PERFORMANCE_MD [ROUNDS]
#include "audiofixture.h"
#include "engineprotocol.h"
#include "performancedoc.h"
#include "portaudiooutput.h"
#include "speechqueue.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTest>
#include <QTextStream>
#include <QThread>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace kiosk;
using device::monotonicNs;

namespace {

const QStringList kSentences = {
    QStringLiteral("欢迎使用政务公开专区"), QStringLiteral("请把身份证放在读卡区"),
    QStringLiteral("办理社会保障卡需要带上户口本"), QStringLiteral("您可以用拼音搜索办事指南"),
    QStringLiteral("窗口周一至周五上午九点开始办公"), QStringLiteral("这份政策文件有三篇解读"),
    QStringLiteral("打印已完成，请取走您的材料"), QStringLiteral("读卡失败，请重新放置身份证"),
};

// The sink's monitor, read on a thread of its own: each 5 ms chunk stamped on arrival.
class SinkMonitor
{
public:
    bool start()
    {
        int fds[2];
        if (pipe(fds) != 0)
            return false;
        m_pid = fork();
        if (m_pid == 0) {
            dup2(fds[1], STDOUT_FILENO);
            execlp("parec", "parec", "-d", "kiosknull.monitor", "--raw", "--format=s16le",
                   "--rate=22050", "--channels=1", "--latency-msec=5", nullptr);
            _exit(127);
        }
        ::close(fds[1]);
        m_fd = fds[0];
        m_reader = std::thread([this] { read(); });
        QThread::msleep(500);
        return m_pid > 0;
    }
    ~SinkMonitor()
    {
        if (m_pid > 0)
            ::kill(m_pid, SIGKILL);
        if (m_reader.joinable())
            m_reader.join();
    }
    // First loud chunk after t0 (ns), or -1.
    int64_t firstSoundAfter(int64_t t0) const { return find(t0, true); }
    // Last loud chunk after t0 (ns), or -1.
    int64_t lastSoundAfter(int64_t t0) const { return find(t0, false); }

private:
    void read()
    {
        int16_t buffer[110]; // 5 ms
        for (;;) {
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n <= 0)
                break;
            int peak = 0;
            for (ssize_t i = 0; i < n / 2; ++i)
                peak = std::max(peak, std::abs(int(buffer[i])));
            std::lock_guard lock(m_mutex);
            m_chunks.push_back({monotonicNs(), peak > 300});
        }
    }
    int64_t find(int64_t t0, bool first) const
    {
        std::lock_guard lock(m_mutex);
        int64_t found = -1;
        for (const auto &c : m_chunks)
            if (c.ns > t0 && c.loud) {
                found = c.ns;
                if (first)
                    break;
            }
        return found;
    }
    struct Chunk { int64_t ns; bool loud; };
    mutable std::mutex m_mutex;
    std::vector<Chunk> m_chunks;
    pid_t m_pid = 0;
    int m_fd = -1;
    std::thread m_reader;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return NAN;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

double ms(int64_t from, int64_t to) { return to < 0 ? NAN : double(to - from) / 1e6; }

struct Figures { std::vector<double> device, sink, cut, cutDevice; };

bool waitQuiet(const SinkMonitor &monitor, int quietMs = 400)
{
    for (int i = 0; i < 200; ++i) {
        QTest::qWait(50);
        const int64_t last = monitor.lastSoundAfter(0);
        if (last < 0 || monotonicNs() - last > int64_t(quietMs) * 1'000'000)
            return true;
    }
    return false;
}

Figures benchOurs(SpeechQueue &queue, const SinkMonitor &monitor, int rounds)
{
    Figures f;
    for (int r = 0; r < rounds; ++r)
        for (const QString &s : kSentences) {
            const QString text = s + QString::number(r * 100 + int(f.sink.size())); // never cached
            QSignalSpy audible(&queue, &SpeechQueue::firstAudible);
            QSignalSpy finished(&queue, &SpeechQueue::utteranceFinished);
            const int64_t t0 = monotonicNs();
            queue.say(text, SpeechLanguage::Chinese, SpeechPriority::Interrupt);
            if (!audible.wait(5000))
                continue;
            f.device.push_back(ms(t0, audible.last().at(1).toLongLong()));
            finished.wait(10000);
            waitQuiet(monitor);
            f.sink.push_back(ms(t0, monitor.firstSoundAfter(t0)));
        }
    for (int r = 0; r < rounds * 2; ++r) {
        QSignalSpy audible(&queue, &SpeechQueue::firstAudible);
        queue.say(kSentences.join(u'，') + QString::number(r), SpeechLanguage::Chinese);
        audible.wait(5000);
        QTest::qWait(600);
        QSignalSpy silenced(&queue, &SpeechQueue::silenced);
        const int64_t t0 = monotonicNs();
        queue.stop();
        if (silenced.wait(2000))
            f.cutDevice.push_back(ms(t0, silenced.last().at(0).toLongLong()));
        waitQuiet(monitor);
        f.cut.push_back(std::max(0.0, ms(t0, monitor.lastSoundAfter(t0))));
    }
    return f;
}

// A peer command speaking one sentence: from its start to its first sound at the sink.
Figures benchPeer(const QString &program, const QStringList &args, const QStringList &cancel,
                  const SinkMonitor &monitor, int rounds)
{
    Figures f;
    for (int r = 0; r < rounds; ++r)
        for (const QString &s : kSentences) {
            QProcess p;
            const int64_t t0 = monotonicNs();
            p.start(program, args + QStringList{s + QString::number(r)});
            p.waitForFinished(15000);
            waitQuiet(monitor);
            f.sink.push_back(ms(t0, monitor.firstSoundAfter(t0)));
        }
    for (int r = 0; r < rounds * 2; ++r) {
        QProcess p;
        p.start(program, args + QStringList{kSentences.join(u'，') + QString::number(r)});
        const int64_t started = monotonicNs();
        while (monitor.firstSoundAfter(started) < 0 && monotonicNs() - started < 5'000'000'000)
            QTest::qWait(5);
        QTest::qWait(600);
        const int64_t t0 = monotonicNs();
        if (cancel.isEmpty())
            p.kill();
        else
            QProcess::execute(cancel.first(), cancel.mid(1));
        p.waitForFinished(5000);
        waitQuiet(monitor);
        f.cut.push_back(std::max(0.0, ms(t0, monitor.lastSoundAfter(t0))));
    }
    return f;
}

// kiosk-speech-engine alone: seconds of synthesis per second of speech.
double realTimeFactor(const QString &engine, const std::string &voice, const QStringList &texts)
{
    QProcess p;
    p.start(engine, {});
    p.waitForStarted();
    device::engine::FrameSplitter splitter;
    double made = 0, spent = 0;
    uint32_t id = 0;
    auto next = [&]() -> std::string {
        for (;;) {
            if (auto f = splitter.next())
                return *f;
            if (!p.waitForReadyRead(5000))
                return {};
            const QByteArray b = p.readAllStandardOutput();
            splitter.feed(b.constData(), size_t(b.size()));
        }
    };
    next(); // Ready
    for (int round = 0; round < 3; ++round)
        for (const QString &t : texts) {
            const std::string frame = device::engine::encodeSpeak(
                {++id, 175, {{voice, t.toStdString()}}});
            const int64_t t0 = monotonicNs();
            p.write(frame.data(), qint64(frame.size()));
            for (;;) {
                const std::string f = next();
                if (f.empty())
                    return NAN;
                if (f[0] == 'A')
                    made += double(f.size() - 5) / 2 / 22050;
                if (f[0] == 'D')
                    break;
            }
            spent += double(monotonicNs() - t0) / 1e9;
        }
    p.kill();
    p.waitForFinished();
    return spent / made;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() < 3) {
        std::fprintf(stderr, "usage: bench_speech ENGINE PERFORMANCE_MD [ROUNDS]\n");
        return 2;
    }
    const int rounds = a.size() > 3 ? a[3].toInt() : 3;
    testsupport::AudioFixture audio(QStringLiteral("bench-speech"));
    QString why;
    if (!audio.start(&why)) {
        std::fprintf(stderr, "bench_speech: %s\n", qPrintable(why));
        return 1;
    }
    SinkMonitor monitor;
    if (!monitor.start())
        return 1;

    config::SpeechSettings settings;
    settings.outputDevice = QStringLiteral("kiosktest");
    settings.defaultVolumeStep = 4;
    Figures ours, espeak, spd;
    {
        SpeechQueue queue(settings, a[1]);
        if (!QTest::qWaitFor([&] { return queue.available(); }, 10000)) {
            std::fprintf(stderr, "bench_speech: no sound output: %s\n", qPrintable(queue.unavailableReason()));
            return 1;
        }
        // The kiosk opens its output at start-up, long before anyone speaks to it; a
        // sound server takes about a second to start a new stream flowing.
        QTest::qWait(2000);
        ours = benchOurs(queue, monitor, rounds);
    }
    espeak = benchPeer(QStringLiteral("espeak-ng"), {QStringLiteral("-v"), settings.voiceChinese},
                       {}, monitor, rounds);
    const QStringList spdArgs = {"-w", "-o", "espeak-ng", "-l", "zh"};
    QProcess::execute(QStringLiteral("spd-say"), spdArgs + QStringList{QStringLiteral("预热")});
    spd = benchPeer(QStringLiteral("spd-say"), spdArgs, {QStringLiteral("spd-say"), QStringLiteral("-C")},
                    monitor, rounds);
    QProcess::execute(QStringLiteral("spd-say"), {QStringLiteral("-S")});

    const double rtfZh = realTimeFactor(a[1], "cmn-latn-pinyin", kSentences);
    const double rtfEn = realTimeFactor(a[1], "en-us", {"Welcome to the disclosure zone.",
                                                          "Please place your ID card on the reader."});
    const double rtfUg = realTimeFactor(a[1], "ug", {QStringLiteral("ياخشىمۇسىز، خۇش كەلدىڭىز.")});

    auto cell = [](double v) { return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', 1); };
    auto ratio = [](double peer, double mine) {
        return std::isnan(peer) || std::isnan(mine) || mine <= 0 ? QStringLiteral("–")
                                                                 : QString::number(peer / mine, 'f', 2) + u'×';
    };
    QString section;
    QTextStream out(&section);
    out << "<!-- speech:begin -->\n### Speech (" << QSysInfo::prettyProductName() << ", "
        << QThread::idealThreadCount() << " cores; " << ours.sink.size() << " sentences each, "
        << ours.cut.size() << " interrupts each)\n\n"
        << "Command: `cmake --build build --target run_bench_speech` (bench_speech; the sound goes "
           "through ALSA into a private PulseAudio null sink and is read back from its monitor).\n\n"
        << "| from the call to the first sound, ms | p50 | p95 | peer ÷ ours (p95) |\n|---|---|---|---|\n"
        << "| kiosk, handed to the device (PortAudio callback) | " << cell(percentile(ours.device, .5))
        << " | " << cell(percentile(ours.device, .95)) << " | |\n"
        << "| kiosk, at the sound server | " << cell(percentile(ours.sink, .5)) << " | "
        << cell(percentile(ours.sink, .95)) << " | 1.00× |\n"
        << "| espeak-ng command line, at the sound server | " << cell(percentile(espeak.sink, .5)) << " | "
        << cell(percentile(espeak.sink, .95)) << " | " << ratio(percentile(espeak.sink, .95), percentile(ours.sink, .95)) << " |\n"
        << "| spd-say (speech-dispatcher, espeak-ng), at the sound server | " << cell(percentile(spd.sink, .5))
        << " | " << cell(percentile(spd.sink, .95)) << " | " << ratio(percentile(spd.sink, .95), percentile(ours.sink, .95)) << " |\n\n"
        << "| from interrupt to silence at the sound server, ms | p50 | p95 | peer ÷ ours (p95) |\n|---|---|---|---|\n"
        << "| kiosk: stop(), silence handed to the device (PortAudio callback) | " << cell(percentile(ours.cutDevice, .5))
        << " | " << cell(percentile(ours.cutDevice, .95)) << " | |\n"
        << "| kiosk: stop(), at the sound server | " << cell(percentile(ours.cut, .5)) << " | " << cell(percentile(ours.cut, .95)) << " | 1.00× |\n"
        << "| espeak-ng: process killed | " << cell(percentile(espeak.cut, .5)) << " | "
        << cell(percentile(espeak.cut, .95)) << " | " << ratio(percentile(espeak.cut, .95), percentile(ours.cut, .95)) << " |\n"
        << "| spd-say -C | " << cell(percentile(spd.cut, .5)) << " | " << cell(percentile(spd.cut, .95))
        << " | " << ratio(percentile(spd.cut, .95), percentile(ours.cut, .95)) << " |\n\n"
        << "Synthesis real-time factor of kiosk-speech-engine (seconds of work per second of speech): "
        << "cmn-latn-pinyin " << QString::number(rtfZh, 'f', 4) << ", en-us " << QString::number(rtfEn, 'f', 4)
        << ", ug " << QString::number(rtfUg, 'f', 4) << ".\n<!-- speech:end -->";
    out.flush();
    std::printf("%s\n", qPrintable(section));
    return writePerformanceSection(a[2], QStringLiteral("speech"), section) ? 0 : 1;
}
