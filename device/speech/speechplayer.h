// SpeechPlayer: the speech thread's worker (run it in a WorkerThread named "speech").
// It takes utterances sentence by sentence (SpeechChunk), has the engine make them at
// most kAhead sentences ahead of what is heard, streams the PCM into the AudioOutput
// as it arrives, and reports each sentence when its first sample reaches the device
// and each utterance when its last one has. It owns the device's state: no device
// (or one that went away) is reported with the reason, utterances are then finished
// unspoken at once so the kiosk never waits on silence, and the device is tried again
// (kRetryMs, doubling to kMaxRetryMs). Frequent short sentences are kept as PCM (PhraseCache) and played
// without the engine.
#pragma once

#include "audiooutput.h"
#include "earcons.h"
#include "engineprotocol.h"

#include <QObject>
#include <QTimer>
#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace device {

class SpeechEngine;

struct SpeechChunk
{
    uint32_t utterance = 0;
    int sentence = 0;
    bool last = true; // the utterance's final sentence
    uint16_t rate = 175;
    std::vector<engine::Segment> segments;
    std::vector<int16_t> recorded; // a recorded prompt: played as it is, no engine
};

// The most used sentences' PCM, by voice, rate and text; the least used goes first.
class PhraseCache
{
public:
    static constexpr size_t kEntries = 64;
    static constexpr size_t kMaxFrames = AudioOutput::kSampleRate * 6; // ≤ 6 s each
    static std::string keyOf(const SpeechChunk &chunk);
    const std::vector<int16_t> *find(const std::string &key);
    void offer(const std::string &key, std::vector<int16_t> pcm);
    size_t size() const { return m_entries.size(); }

private:
    struct Entry { std::vector<int16_t> pcm; uint64_t uses = 0; };
    std::map<std::string, Entry> m_entries;
};

class SpeechPlayer : public QObject
{
    Q_OBJECT
public:
    static constexpr int kAhead = 2;        // sentences being made beyond the one heard
    static constexpr int kRetryMs = 1000;     // a missing device is tried again after this,
    static constexpr int kMaxRetryMs = 30000; // doubling up to this
    static constexpr int kPumpMs = 5;
    static constexpr int kSilence = 64;
    static constexpr int kEngineDownMs = 3000; // sentences wait this long for a restart // |sample| at or below: nothing to hear

    // device: "default" or part of an output's name (AudioOutput::open).
    SpeechPlayer(std::unique_ptr<AudioOutput> output, QString engineProgram, QString device);
    ~SpeechPlayer() override;

    void start();    // on the speech thread (WorkerThread)
    void shutdown();

    void enqueue(SpeechChunk chunk);
    // Everything queued or playing is dropped; silence within one output period.
    void interrupt();
    void setPaused(bool paused);
    void setGain(float gain);
    void playEarcon(Earcon earcon);
    void askPhonemes(uint32_t id, const engine::Segment &segment);

    // For tests and staff diagnostics.
    qint64 engineProcessId() const { return m_enginePid.load(); } // any thread

signals:
    void sentenceStarted(uint32_t utterance, int sentence);
    void utteranceFinished(uint32_t utterance, bool spoken);
    // The first non-silent sample of an utterance handed to the device (monotonicNs).
    void firstAudible(uint32_t utterance, qint64 ns);
    // After interrupt(): when the callback dropped what was queued (monotonicNs); from
    // then on the device gets silence (what it buffered itself still plays out).
    void silenced(qint64 ns);
    void outputChanged(bool available, const QString &why);
    void engineFailed(const QString &why);
    void phonemes(uint32_t id, const QString &phonemes);

private:
    struct Playing
    {
        SpeechChunk chunk;
        uint32_t engineId = 0; // 0: not sent yet (or not needed)
        std::vector<int16_t> pcm;
        size_t written = 0;
        bool made = false, failed = false, started = false;
        bool leadTrimmed = false; // an utterance's first sentence starts at its first sound
        std::optional<uint64_t> startAt, endAt; // written positions
        std::string cacheKey;
        int64_t queuedNs = 0;
    };
    void pump();
    void request();
    void tryOpen();
    void dropAll();
    void onAudio(uint32_t id, const int16_t *samples, size_t count);
    void onDone(uint32_t id, engine::EngineStatus status);
    Playing *byEngineId(uint32_t id);

    std::unique_ptr<AudioOutput> m_output;
    QString m_engineProgram, m_device;
    SpeechEngine *m_engine = nullptr;
    std::atomic<qint64> m_enginePid{0};
    std::deque<Playing> m_queue;
    std::set<uint32_t> m_unspoken; // utterances a sentence of which could not be made
    QTimer m_pump, m_retry;
    PhraseCache m_cache;
    uint32_t m_nextEngineId = 1;
    std::optional<uint32_t> m_watching; // utterance whose first sample is being timed
    bool m_available = false;
    int m_retryMs = kRetryMs;
    bool m_silencing = false; // an interrupt's flush not yet seen done
    QString m_why;
};

} // namespace device
