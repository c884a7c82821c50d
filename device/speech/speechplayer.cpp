#include "speechplayer.h"
#include "speechengine.h"
#include "speechlog.h"

#include <set>

namespace device {

using engine::EngineStatus;

std::string PhraseCache::keyOf(const SpeechChunk &chunk)
{
    std::string key = std::to_string(chunk.rate);
    for (const auto &s : chunk.segments)
        key += '\x1f' + s.voice + '\x1e' + s.text;
    return key;
}

const std::vector<int16_t> *PhraseCache::find(const std::string &key)
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return nullptr;
    ++it->second.uses;
    return &it->second.pcm;
}

void PhraseCache::offer(const std::string &key, std::vector<int16_t> pcm)
{
    if (pcm.empty() || pcm.size() > kMaxFrames || m_entries.count(key))
        return;
    if (m_entries.size() >= kEntries) {
        auto least = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it->second.uses < least->second.uses)
                least = it;
        m_entries.erase(least);
    }
    m_entries.emplace(key, Entry{std::move(pcm), 1});
}

SpeechPlayer::SpeechPlayer(std::unique_ptr<AudioOutput> output, QString engineProgram, QString device)
    : m_output(std::move(output)), m_engineProgram(std::move(engineProgram)), m_device(std::move(device)),
      m_pump(this), m_retry(this) // children, so they move to the speech thread with the player
{
    m_pump.setInterval(kPumpMs);
    m_pump.setTimerType(Qt::PreciseTimer);
    connect(&m_pump, &QTimer::timeout, this, &SpeechPlayer::pump);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SpeechPlayer::tryOpen);
}

SpeechPlayer::~SpeechPlayer() = default;

void SpeechPlayer::start()
{
    SpeechEngine::Handlers h;
    h.audio = [this](uint32_t id, const int16_t *s, size_t n) { onAudio(id, s, n); };
    h.done = [this](uint32_t id, EngineStatus st) { onDone(id, st); };
    h.phonemes = [this](uint32_t id, QString text) { emit phonemes(id, text); };
    h.lost = [this](QString why) { emit engineFailed(why); };
    h.started = [this](qint64 pid) { m_enginePid.store(pid); };
    m_engine = new SpeechEngine(m_engineProgram, std::move(h), this);
    m_engine->start();
    tryOpen();
}

void SpeechPlayer::shutdown()
{
    m_pump.stop();
    m_retry.stop();
    m_queue.clear();
    m_unspoken.clear();
    m_output->close();
    delete m_engine;
    m_engine = nullptr;
}

void SpeechPlayer::tryOpen()
{
    QString why;
    const bool was = m_available;
    m_available = m_output->open(m_device, &why);
    if (m_available) {
        m_retryMs = kRetryMs;
        emit outputChanged(true, {});
        return;
    }
    if (was || why != m_why) {
        qCWarning(lcAudioDevice).noquote() << "no sound:" << why;
        emit outputChanged(false, why);
    }
    m_why = why;
    // A kiosk without speakers looks again ever more rarely (ALSA probing is not free).
    m_retry.start(m_retryMs);
    m_retryMs = std::min(m_retryMs * 2, kMaxRetryMs);
}

void SpeechPlayer::enqueue(SpeechChunk chunk)
{
    if (!m_available) { // the kiosk goes on silently; staff see why (outputChanged)
        if (chunk.last)
            emit utteranceFinished(chunk.utterance, false);
        return;
    }
    Playing p;
    p.chunk = std::move(chunk);
    p.queuedNs = monotonicNs();
    if (!p.chunk.recorded.empty()) {
        p.pcm = std::move(p.chunk.recorded);
        p.made = true;
    }
    m_queue.push_back(std::move(p));
    request();
    pump();
    if (!m_pump.isActive())
        m_pump.start();
}

void SpeechPlayer::interrupt()
{
    bool sent = false;
    for (const Playing &p : m_queue)
        sent = sent || (p.engineId && !p.made && !p.failed);
    if (sent && m_engine)
        m_engine->cancelUpTo(m_nextEngineId - 1);
    m_queue.clear();
    m_unspoken.clear();
    m_watching.reset();
    m_output->flush();
    m_silencing = true;
    if (!m_pump.isActive())
        m_pump.start();
}

void SpeechPlayer::setPaused(bool paused) { m_output->setPaused(paused); }
void SpeechPlayer::setGain(float gain) { m_output->setGain(gain); }

void SpeechPlayer::playEarcon(Earcon earcon)
{
    if (m_available)
        m_output->playEarcon(earconSamples(earcon));
}

void SpeechPlayer::askPhonemes(uint32_t id, const engine::Segment &segment)
{
    if (m_engine)
        m_engine->askPhonemes(id, segment);
}

SpeechPlayer::Playing *SpeechPlayer::byEngineId(uint32_t id)
{
    for (Playing &p : m_queue)
        if (p.engineId == id)
            return &p;
    return nullptr;
}

// Keeps the engine kAhead sentences ahead of the one being written to the device.
void SpeechPlayer::request()
{
    int ahead = 0;
    for (Playing &p : m_queue) {
        if (p.endAt)
            continue; // written out already
        if (ahead++ > kAhead)
            break;
        if (p.made || p.failed || p.engineId)
            continue;
        p.cacheKey = PhraseCache::keyOf(p.chunk);
        if (const auto *pcm = m_cache.find(p.cacheKey)) {
            p.pcm = *pcm;
            p.made = true;
            continue;
        }
        if (!m_engine->running()) {
            // Restarting: the sentence waits for the new engine (the pump asks again),
            // unless the engine stays down (it cannot start at all).
            if (m_engine->downForMs() > kEngineDownMs) {
                p.failed = true;
                m_unspoken.insert(p.chunk.utterance);
            }
            continue;
        }
        p.engineId = m_nextEngineId++;
        m_engine->speak({p.engineId, p.chunk.rate, p.chunk.segments});
    }
}

void SpeechPlayer::onAudio(uint32_t id, const int16_t *samples, size_t count)
{
    Playing *p = byEngineId(id);
    if (!p)
        return;
    if (p->chunk.sentence == 0 && !p->leadTrimmed) {
        // espeak-ng opens with up to ~40 ms of silence (a stop consonant's closure);
        // the resident who just touched something hears the word that much sooner.
        size_t first = 0;
        while (first < count && std::abs(samples[first]) <= kSilence)
            ++first;
        if (first == count)
            return;
        p->leadTrimmed = true;
        qCDebug(lcSpeechEngine) << "first sound of utterance" << p->chunk.utterance << "made"
                                << (monotonicNs() - p->queuedNs) / 1000 << "µs after it was queued";
        const size_t keep = std::min<size_t>(first, AudioOutput::kSampleRate / 1000); // 1 ms
        samples += first - keep;
        count -= first - keep;
    }
    p->pcm.insert(p->pcm.end(), samples, samples + count);
    pump();
}

void SpeechPlayer::onDone(uint32_t id, EngineStatus status)
{
    Playing *p = byEngineId(id);
    if (!p)
        return;
    if (status == EngineStatus::Spoken) {
        p->made = true;
        m_cache.offer(p->cacheKey, p->pcm);
    } else {
        p->failed = true; // the engine's restart is reported on its own
        m_unspoken.insert(p->chunk.utterance);
    }
    request();
    pump();
}

void SpeechPlayer::dropAll()
{
    std::set<uint32_t> cut;
    for (const Playing &p : m_queue)
        cut.insert(p.chunk.utterance);
    m_queue.clear();
    m_unspoken.clear();
    m_watching.reset();
    for (uint32_t u : cut)
        emit utteranceFinished(u, false);
}

void SpeechPlayer::pump()
{
    if (!m_available)
        return;
    if (m_output->lost()) {
        m_output->close();
        m_available = false;
        m_why = QStringLiteral("the sound output went away");
        qCWarning(lcAudioDevice).noquote() << m_why;
        emit outputChanged(false, m_why);
        dropAll();
        m_pump.stop();
        m_retryMs = kRetryMs;
        m_retry.start(m_retryMs);
        return;
    }
    if (m_silencing && !m_output->flushPending()) {
        m_silencing = false;
        emit silenced(m_output->lastFlushDoneNs());
    }
    // Into the device, in order; a sentence still being made holds back the next.
    for (Playing &p : m_queue) {
        if (p.endAt)
            continue;
        if (!p.startAt) {
            // A sentence starts where its first sample goes, once there is one (or it
            // is known to have none): never before it can be heard.
            if (m_output->flushPending() || (p.pcm.empty() && !(p.made || p.failed)))
                break;
            p.startAt = m_output->writtenFrames();
            if (p.chunk.sentence == 0 && !m_watching) {
                m_output->watchFirstAudible();
                m_watching = p.chunk.utterance;
            }
        }
        p.written += m_output->write(std::span<const int16_t>(p.pcm).subspan(p.written));
        if (p.written < p.pcm.size() || !(p.made || p.failed))
            break;
        p.endAt = m_output->writtenFrames();
    }
    // What the device has taken.
    const uint64_t played = m_output->playedFrames();
    for (Playing &p : m_queue) {
        // Started once the device has taken its first sample (an empty sentence: once
        // everything before it is taken).
        const bool empty = p.endAt && *p.endAt == *p.startAt;
        if (!p.startAt || played < *p.startAt || (played == *p.startAt && !empty))
            break;
        if (!p.started && !p.failed) {
            p.started = true;
            emit sentenceStarted(p.chunk.utterance, p.chunk.sentence);
        }
    }
    while (!m_queue.empty() && m_queue.front().endAt && played >= *m_queue.front().endAt) {
        const Playing p = std::move(m_queue.front());
        m_queue.pop_front();
        if (p.chunk.last)
            emit utteranceFinished(p.chunk.utterance, m_unspoken.erase(p.chunk.utterance) == 0);
    }
    if (m_watching)
        if (const auto t = m_output->firstAudibleNs()) {
            emit firstAudible(*m_watching, *t);
            m_watching.reset();
        }
    request();
    if (m_queue.empty() && !m_watching && !m_silencing)
        m_pump.stop();
}

} // namespace device
