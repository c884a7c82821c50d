#include "portaudiooutput.h"
#include "speechlog.h"

#include <boost/lockfree/spsc_queue.hpp>
#include <portaudio.h>

#include <algorithm>
#include <ctime>

namespace device {

int64_t monotonicNs()
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

namespace {
constexpr uint64_t kNoWatch = ~uint64_t(0);
constexpr int kEarconCapacity = AudioOutput::kSampleRate; // one second of earcons
} // namespace

struct PortAudioOutput::Shared
{
    explicit Shared(size_t capacity) : speech(capacity), earcons(kEarconCapacity) {}
    boost::lockfree::spsc_queue<int16_t> speech;
    boost::lockfree::spsc_queue<int16_t> earcons;
    std::atomic<uint32_t> flushRequested{0}, flushDone{0};
    std::atomic<bool> paused{false};
    std::atomic<float> gain{1.0f};
    std::atomic<uint64_t> played{0};
    std::atomic<uint64_t> watchAt{kNoWatch};
    std::atomic<int64_t> firstAudibleNs{0};
    std::atomic<int64_t> flushDoneNs{0};
    std::atomic<bool> running{false}; // cleared by the stream's finished callback
};

// The real-time side: no allocation, no lock, no log, no Qt.
struct PortAudioCallback
{
    static void render(PortAudioOutput::Shared &s, int16_t *out, unsigned long frames)
    {
        const uint32_t requested = s.flushRequested.load(std::memory_order_acquire);
        if (requested != s.flushDone.load(std::memory_order_relaxed)) {
            const size_t dropped = s.speech.consume_all([](int16_t) {});
            s.played.fetch_add(dropped, std::memory_order_release);
            s.flushDoneNs.store(monotonicNs(), std::memory_order_relaxed);
            s.flushDone.store(requested, std::memory_order_release);
        }
        size_t got = 0;
        if (!s.paused.load(std::memory_order_relaxed))
            got = s.speech.pop(out, frames);
        std::fill(out + got, out + frames, int16_t(0));
        const float gain = s.gain.load(std::memory_order_relaxed);
        int16_t earcon[512];
        size_t mixed = 0;
        while (mixed < frames) {
            const size_t n = s.earcons.pop(earcon, std::min<size_t>(frames - mixed, 512));
            if (n == 0)
                break;
            for (size_t i = 0; i < n; ++i)
                out[mixed + i] = int16_t(std::clamp(int32_t(out[mixed + i]) + earcon[i],
                                                    int32_t(-32768), int32_t(32767)));
            mixed += n;
        }
        if (gain != 1.0f)
            for (unsigned long i = 0; i < frames; ++i)
                out[i] = int16_t(std::clamp(out[i] * gain, -32768.0f, 32767.0f));
        const uint64_t before = s.played.fetch_add(got, std::memory_order_release);
        const uint64_t watch = s.watchAt.load(std::memory_order_acquire);
        if (watch != kNoWatch && watch < before + got) {
            s.firstAudibleNs.store(monotonicNs(), std::memory_order_release);
            s.watchAt.store(kNoWatch, std::memory_order_release);
        }
    }

    static int onPeriod(const void *, void *out, unsigned long frames,
                        const PaStreamCallbackTimeInfo *, PaStreamCallbackFlags, void *user)
    {
        render(*static_cast<PortAudioOutput::Shared *>(user), static_cast<int16_t *>(out), frames);
        return paContinue;
    }
    static void onFinished(void *user)
    {
        static_cast<PortAudioOutput::Shared *>(user)->running.store(false);
    }
};

PortAudioOutput::PortAudioOutput(int capacityMs)
    : m_shared(std::make_unique<Shared>(size_t(kSampleRate) * size_t(capacityMs) / 1000))
{
}

PortAudioOutput::~PortAudioOutput()
{
    close();
    if (m_initialised)
        Pa_Terminate();
}

bool PortAudioOutput::reinitialise(QString *why)
{
    if (m_initialised)
        Pa_Terminate();
    m_initialised = false;
    const PaError e = Pa_Initialize();
    if (e != paNoError) {
        *why = QStringLiteral("the sound system could not be started (%1)")
                   .arg(QString::fromUtf8(Pa_GetErrorText(e)));
        return false;
    }
    m_initialised = true;
    return true;
}

QStringList PortAudioOutput::deviceNames()
{
    QString why;
    if (!m_initialised && !reinitialise(&why))
        return {};
    QStringList names;
    for (int i = 0, n = Pa_GetDeviceCount(); i < n; ++i)
        if (const PaDeviceInfo *d = Pa_GetDeviceInfo(i); d && d->maxOutputChannels > 0)
            names << QString::fromUtf8(d->name);
    return names;
}

static PaDeviceIndex findDevice(const QString &choice)
{
    if (choice.isEmpty() || choice.compare(u"default", Qt::CaseInsensitive) == 0)
        return Pa_GetDefaultOutputDevice();
    // The device of exactly that name, else the first whose name contains it.
    PaDeviceIndex partial = paNoDevice;
    for (int i = 0, n = Pa_GetDeviceCount(); i < n; ++i) {
        const PaDeviceInfo *d = Pa_GetDeviceInfo(i);
        if (!d || d->maxOutputChannels <= 0)
            continue;
        const QString name = QString::fromUtf8(d->name);
        if (name.compare(choice, Qt::CaseInsensitive) == 0)
            return i;
        if (partial == paNoDevice && name.contains(choice, Qt::CaseInsensitive))
            partial = i;
    }
    return partial;
}

bool PortAudioOutput::open(const QString &choice, QString *why)
{
    close();
    // A device that went away and came back is listed only after a fresh start.
    if (!reinitialise(why))
        return false;
    const PaDeviceIndex device = findDevice(choice);
    if (device == paNoDevice) {
        *why = Pa_GetDeviceCount() > 0
                   ? QStringLiteral("no sound output named \"%1\" (there are: %2)")
                         .arg(choice, deviceNames().join(QStringLiteral(", ")))
                   : QStringLiteral("no sound output device is connected");
        return false;
    }
    PaStreamParameters params{};
    params.device = device;
    params.channelCount = 1;
    params.sampleFormat = paInt16;
    params.suggestedLatency = kBufferMs / 1000.0;
    PaStream *stream = nullptr;
    PaError e = Pa_OpenStream(&stream, nullptr, &params, kSampleRate,
                              kSampleRate * kPeriodMs / 1000, paNoFlag,
                              &PortAudioCallback::onPeriod, m_shared.get());
    if (e == paNoError)
        e = Pa_SetStreamFinishedCallback(stream, &PortAudioCallback::onFinished);
    m_shared->running.store(true);
    if (e == paNoError)
        e = Pa_StartStream(stream);
    if (e != paNoError) {
        if (stream)
            Pa_CloseStream(stream);
        m_shared->running.store(false);
        *why = QStringLiteral("the sound output \"%1\" could not be opened (%2)")
                   .arg(QString::fromUtf8(Pa_GetDeviceInfo(device)->name),
                        QString::fromUtf8(Pa_GetErrorText(e)));
        return false;
    }
    m_stream = stream;
    const PaStreamInfo *info = Pa_GetStreamInfo(stream);
    qCInfo(lcAudioDevice) << "sound output" << Pa_GetDeviceInfo(device)->name << "open,"
                          << int((info ? info->outputLatency : 0) * 1000) << "ms device latency";
    return true;
}

void PortAudioOutput::close()
{
    if (!m_stream)
        return;
    auto *stream = static_cast<PaStream *>(m_stream);
    Pa_AbortStream(stream);
    Pa_CloseStream(stream);
    m_stream = nullptr;
    m_shared->running.store(false);
    // The callback is gone: this thread may act as the consumer for the drop.
    m_shared->played.fetch_add(m_shared->speech.consume_all([](int16_t) {}));
    m_shared->earcons.consume_all([](int16_t) {});
    m_shared->flushDone.store(m_shared->flushRequested.load());
}

bool PortAudioOutput::isOpen() const { return m_stream != nullptr; }

bool PortAudioOutput::lost() const
{
    if (!m_stream)
        return false;
    return !m_shared->running.load() || Pa_IsStreamActive(static_cast<PaStream *>(m_stream)) != 1;
}

size_t PortAudioOutput::write(std::span<const int16_t> frames)
{
    if (!m_stream || flushPending())
        return 0;
    const size_t fits = std::min(frames.size(), m_shared->speech.write_available());
    if (m_watching) // marked before the push, so the callback cannot pass it unseen
        for (size_t i = 0; i < fits; ++i)
            if (frames[i] > 64 || frames[i] < -64) {
                m_shared->watchAt.store(m_written + i, std::memory_order_release);
                m_watching = false;
                break;
            }
    const size_t taken = m_shared->speech.push(frames.data(), fits);
    m_written += taken;
    return taken;
}

void PortAudioOutput::flush()
{
    m_watching = false;
    m_shared->watchAt.store(kNoWatch);
    if (!m_stream) {
        m_written = m_shared->played.load();
        return;
    }
    // Everything written so far counts as taken once the callback drops it, so
    // positions stay monotonic and played catches up with written.
    m_shared->flushRequested.fetch_add(1, std::memory_order_acq_rel);
}

bool PortAudioOutput::flushPending() const
{
    return m_shared->flushRequested.load(std::memory_order_acquire)
           != m_shared->flushDone.load(std::memory_order_acquire);
}

void PortAudioOutput::setPaused(bool paused) { m_shared->paused.store(paused); }
void PortAudioOutput::setGain(float gain) { m_shared->gain.store(gain); }

bool PortAudioOutput::playEarcon(std::span<const int16_t> frames)
{
    if (!m_stream || m_shared->earcons.write_available() < frames.size())
        return false;
    m_shared->earcons.push(frames.data(), frames.size());
    return true;
}

uint64_t PortAudioOutput::writtenFrames() const { return m_written; }
uint64_t PortAudioOutput::playedFrames() const { return m_shared->played.load(std::memory_order_acquire); }

void PortAudioOutput::watchFirstAudible()
{
    m_shared->firstAudibleNs.store(0);
    m_watching = true;
}

std::optional<int64_t> PortAudioOutput::firstAudibleNs() const
{
    const int64_t t = m_shared->firstAudibleNs.load(std::memory_order_acquire);
    return t ? std::optional<int64_t>(t) : std::nullopt;
}

int64_t PortAudioOutput::lastFlushDoneNs() const { return m_shared->flushDoneNs.load(); }

} // namespace device
