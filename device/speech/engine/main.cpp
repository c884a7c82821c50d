// kiosk-speech-engine: espeak-ng in a process of its own. espeak-ng keeps its state in
// globals (one instance, one thread) and crafted text has crashed it, so the kiosk never
// loads it: it talks to this process (engineprotocol.h) and restarts it when it dies or
// stops answering. Speech is made in AUDIO_OUTPUT_SYNCHRONOUS mode and streamed out in
// 20 ms chunks as espeak-ng makes them, so the kiosk plays the start of a sentence while
// the rest is being made. A Cancel is seen by a reader thread and answered from the
// synthesis callback (returning 1 stops espeak-ng mid-sentence; espeak_Cancel does not
// in synchronous mode).
#include "engineprotocol.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <mutex>
#include <thread>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace device::engine;

namespace {

std::atomic<uint32_t> g_cancelledUpTo{0};
uint32_t g_current = 0; // the utterance being made (synthesis thread only)
bool g_writeFailed = false;

struct Job
{
    FrameType type;
    std::string payload;
};
std::mutex g_mutex;
std::condition_variable g_wake;
std::deque<Job> g_jobs;
bool g_inputClosed = false;

bool writeAll(const std::string &bytes)
{
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, bytes.data() + done, bytes.size() - done);
        if (n <= 0)
            return false;
        done += size_t(n);
    }
    return true;
}

bool cancelled(uint32_t id) { return id <= g_cancelledUpTo.load(std::memory_order_acquire); }

int onSynth(short *wav, int samples, espeak_EVENT *)
{
    if (cancelled(g_current) || g_writeFailed)
        return 1;
    if (wav && samples > 0) {
        FrameWriter w(FrameType::Audio);
        w.u32(g_current).raw(wav, size_t(samples) * 2);
        if (!writeAll(w.bytes()))
            g_writeFailed = true;
    }
    return g_writeFailed ? 1 : 0;
}

void readRequests()
{
    FrameSplitter splitter;
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0)
            break;
        splitter.feed(buffer, size_t(n));
        while (auto payload = splitter.next()) {
            FrameReader r(*payload);
            const FrameType type = r.type();
            if (type == FrameType::Cancel) {
                const uint32_t id = r.u32();
                uint32_t seen = g_cancelledUpTo.load();
                while (id > seen && !g_cancelledUpTo.compare_exchange_weak(seen, id)) {
                }
                continue;
            }
            std::lock_guard lock(g_mutex);
            g_jobs.push_back({type, std::move(*payload)});
            g_wake.notify_one();
        }
        if (splitter.error())
            break;
    }
    std::lock_guard lock(g_mutex);
    g_inputClosed = true;
    g_wake.notify_one();
}

std::string g_voice;
bool useVoice(const std::string &voice)
{
    if (voice == g_voice)
        return true;
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK)
        return false;
    g_voice = voice;
    return true;
}

EngineStatus speak(const SpeakRequest &req)
{
    g_current = req.id;
    espeak_SetParameter(espeakRATE, std::clamp<int>(req.rate, 80, 450), 0);
    for (const Segment &s : req.segments) {
        if (cancelled(req.id))
            return EngineStatus::Cancelled;
        if (!useVoice(s.voice))
            return EngineStatus::Failed;
        const espeak_ERROR e = espeak_Synth(s.text.c_str(), s.text.size() + 1, 0, POS_CHARACTER,
                                            0, espeakCHARS_UTF8, nullptr, nullptr);
        if (g_writeFailed)
            return EngineStatus::Failed;
        if (cancelled(req.id))
            return EngineStatus::Cancelled;
        if (e != EE_OK)
            return EngineStatus::Failed;
    }
    return EngineStatus::Spoken;
}

std::string phonemesOf(const Segment &s)
{
    if (!useVoice(s.voice))
        return {};
    std::string out;
    const void *text = s.text.c_str();
    while (text) {
        const char *ph = espeak_TextToPhonemes(&text, espeakCHARS_UTF8, 0);
        if (!ph)
            break;
        if (!out.empty())
            out += ' ';
        out += ph;
    }
    return out;
}

void answer(const Job &job)
{
    FrameReader r(job.payload);
    r.type();
    if (job.type == FrameType::Speak) {
        const auto req = decodeSpeak(r);
        const uint32_t id = req ? req->id : 0;
        const EngineStatus status =
            !req ? EngineStatus::Failed
                 : cancelled(req->id) ? EngineStatus::Cancelled : speak(*req);
        FrameWriter w(FrameType::Done);
        writeAll(w.u32(id).u8(uint8_t(status)).bytes());
    } else if (job.type == FrameType::Phonemes) {
        const uint32_t id = r.u32();
        Segment s;
        s.voice = r.text(r.u8());
        const uint32_t n = r.u32();
        s.text = n <= kMaxSegmentBytes ? r.text(n) : std::string();
        const std::string phonemes = r.ok() ? phonemesOf(s) : std::string();
        FrameWriter w(FrameType::Text);
        writeAll(w.u32(id).raw(phonemes.data(), phonemes.size()).bytes());
    }
}

} // namespace

int main(int argc, char **argv)
{
    // Dies with the kiosk, whatever way the kiosk ends.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    signal(SIGPIPE, SIG_IGN);
    // A runaway synthesis fails on memory instead of taking the machine's.
    const rlimit memory{512u << 20, 512u << 20};
    setrlimit(RLIMIT_AS, &memory);

    const char *data = argc > 1 ? argv[1] : nullptr; // espeak-ng-data folder, or built-in
    if (espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 20, data, espeakINITIALIZE_DONT_EXIT) <= 0)
        return 2;
    espeak_SetSynthCallback(onSynth);
    std::thread reader(readRequests);
    reader.detach();
    writeAll(FrameWriter(FrameType::Ready).bytes());
    for (;;) {
        Job job;
        {
            std::unique_lock lock(g_mutex);
            g_wake.wait(lock, [] { return !g_jobs.empty() || g_inputClosed; });
            if (g_jobs.empty())
                break;
            job = std::move(g_jobs.front());
            g_jobs.pop_front();
        }
        answer(job);
        if (g_writeFailed)
            break;
    }
    return 0;
}
