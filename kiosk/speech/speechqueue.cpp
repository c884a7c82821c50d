#include "speechqueue.h"

#include "earcons.h"
#include "portaudiooutput.h"
#include "speechlog.h"
#include "speechplayer.h"
#include "workerthread.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cmath>

namespace kiosk {

using device::SpeechChunk;
using device::SpeechPlayer;

namespace {

bool endsSentence(QChar c)
{
    return QStringView(u"。！？；!?;…\n").contains(c);
}
bool closesQuote(QChar c) { return QStringView(u"”’」』）)】》\"'").contains(c); }
// "No. 5", "Dr. Li", "e.g. this": a full stop after these does not end the sentence.
bool endsAbbreviation(const QString &text, int dot)
{
    int start = dot;
    while (start > 0 && (text.at(start - 1).isLetter() || text.at(start - 1) == u'.'))
        --start;
    static const QStringList kAbbreviations = {"No", "no", "Nos", "Mr", "Mrs", "Ms", "Dr", "St",
                                               "Rm", "Tel", "Fax", "Ave", "Rd", "vs", "e.g", "i.e",
                                               "approx", "Dept", "Jan", "Feb", "Mar", "Apr", "Jun",
                                               "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"};
    return kAbbreviations.contains(text.mid(start, dot - start));
}

bool isPause(QChar c) { return QStringView(u"，、,：:").contains(c) || c.isSpace(); }

void addTrimmed(QList<SentenceSpan> &out, const QString &text, int start, int end)
{
    while (start < end && text.at(start).isSpace())
        ++start;
    while (end > start && text.at(end - 1).isSpace())
        --end;
    // Cut what is too long for one sentence at its last pause (or hard, at the limit).
    while (end - start > SpeechQueue::kMaxSentenceChars) {
        int cut = start + SpeechQueue::kMaxSentenceChars;
        for (int i = cut; i > start + SpeechQueue::kMaxSentenceChars / 2; --i)
            if (isPause(text.at(i - 1))) {
                cut = i;
                break;
            }
        if (cut < end && text.at(cut).isLowSurrogate())
            --cut; // never between the halves of one character
        out.append({start, cut - start});
        start = cut;
        while (start < end && text.at(start).isSpace())
            ++start;
    }
    if (end > start)
        out.append({start, end - start});
}

} // namespace

QList<SentenceSpan> SpeechQueue::sentencesOf(const QString &text)
{
    QList<SentenceSpan> out;
    int start = 0;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        // A full stop ends an English sentence, not a number (3.14) or an abbreviation run.
        const bool stop = endsSentence(c)
                          || (c == u'.' && (i + 1 == text.size() || text.at(i + 1).isSpace())
                              && !endsAbbreviation(text, i));
        if (!stop)
            continue;
        int end = i + 1;
        while (end < text.size() && (closesQuote(text.at(end)) || endsSentence(text.at(end))))
            ++end;
        addTrimmed(out, text, start, end);
        start = end;
        i = end - 1;
    }
    addTrimmed(out, text, start, int(text.size()));
    return out;
}

QString SpeechQueue::defaultEngineProgram()
{
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/kiosk-speech-engine");
    for (const QString &path : {beside, QStringLiteral("/usr/libexec/disclosure-kiosk/kiosk-speech-engine")})
        if (QFileInfo(path).isExecutable())
            return path;
    return QStringLiteral(KIOSK_SPEECH_ENGINE_BIN);
}

SpeechQueue::SpeechQueue(config::SpeechSettings settings, QString engineProgram,
                         std::unique_ptr<device::AudioOutput> output, QObject *parent, bool startNow)
    : QObject(parent), m_settings(std::move(settings))
{
    if (!output)
        output = std::make_unique<device::PortAudioOutput>();
    m_volumeStep = defaultVolumeStep();
    m_why = QStringLiteral("the sound output is being opened");
    auto *player = new SpeechPlayer(std::move(output), engineProgram, m_settings.outputDevice);
    m_thread = std::make_unique<device::WorkerThread<SpeechPlayer>>(QStringLiteral("speech"), player,
                                                                     lcSpeechEngine);
    connect(player, &SpeechPlayer::sentenceStarted, this, [this](uint32_t u, int s) {
        const auto it = m_sentences.constFind(u);
        if (it != m_sentences.constEnd() && s < it->size())
            emit sentenceStarted(u, s, it->at(s).start, it->at(s).length);
    });
    connect(player, &SpeechPlayer::utteranceFinished, this, [this](uint32_t u, bool spoken) {
        if (!m_sentences.remove(u))
            return; // cut by an interrupt: already finished here
        emit utteranceFinished(u, spoken);
        if (m_sentences.isEmpty())
            emit speakingChanged();
    });
    connect(player, &SpeechPlayer::firstAudible, this, &SpeechQueue::firstAudible);
    connect(player, &SpeechPlayer::silenced, this, &SpeechQueue::silenced);
    connect(player, &SpeechPlayer::outputChanged, this, [this](bool available, const QString &why) {
        m_available = available;
        m_why = why;
        emit availableChanged();
    });
    connect(player, &SpeechPlayer::engineFailed, this, &SpeechQueue::engineFailed);
    connect(player, &SpeechPlayer::phonemes, this, &SpeechQueue::phonemesReady);
    applyVolume();
    if (startNow)
        start();
}

void SpeechQueue::start() { m_thread->start(); }

SpeechQueue::~SpeechQueue() { m_thread->stop(); }

QString SpeechQueue::voiceFor(SpeechLanguage language) const
{
    switch (language) {
    case SpeechLanguage::English: return m_settings.voiceEnglish;
    case SpeechLanguage::Uyghur: return m_settings.voiceUyghur;
    case SpeechLanguage::Chinese: break;
    }
    return m_settings.voiceChinese;
}

static std::vector<device::engine::Segment> voiced(const QList<SpokenSegment> &spoken,
                                                   const SpeechQueue &queue)
{
    std::vector<device::engine::Segment> out;
    for (const SpokenSegment &s : spoken) {
        if (out.size() == 255)
            break;
        QByteArray utf8 = s.text.toUtf8();
        if (utf8.size() > qsizetype(device::engine::kMaxSegmentBytes))
            utf8 = s.text.left(device::engine::kMaxSegmentBytes / 4).toUtf8();
        out.push_back({queue.voiceFor(s.language).toStdString(), utf8.toStdString()});
    }
    return out;
}

void SpeechQueue::interruptPlayer()
{
    m_thread->post([](SpeechPlayer &p) { p.interrupt(); });
    QList<quint32> cut = m_sentences.keys();
    m_sentences.clear();
    std::sort(cut.begin(), cut.end());
    for (quint32 u : cut)
        emit utteranceFinished(u, false);
    if (!cut.isEmpty())
        emit speakingChanged();
}

quint32 SpeechQueue::say(const QString &text, SpeechLanguage language, SpeechPriority priority)
{
    const QList<SentenceSpan> spans = sentencesOf(text);
    if (spans.isEmpty())
        return 0;
    if (priority == SpeechPriority::Interrupt)
        interruptPlayer();
    const quint32 id = m_nextId++;
    const bool wasSpeaking = speaking();
    m_sentences.insert(id, spans);
    m_last = Last{QString(), text, language};
    const auto rate = uint16_t(std::lround(m_settings.wordsPerMinute * kRateFactors[m_rateStep]));
    for (int i = 0; i < spans.size(); ++i) {
        SpeechChunk chunk;
        chunk.utterance = id;
        chunk.sentence = i;
        chunk.last = i + 1 == spans.size();
        chunk.rate = rate;
        chunk.segments = voiced(spokenSegments(text.mid(spans[i].start, spans[i].length), language), *this);
        m_thread->post([chunk = std::move(chunk)](SpeechPlayer &p) { p.enqueue(chunk); });
    }
    if (!wasSpeaking)
        emit speakingChanged();
    return id;
}

QString SpeechQueue::languageCode(SpeechLanguage language)
{
    switch (language) {
    case SpeechLanguage::English: return QStringLiteral("en");
    case SpeechLanguage::Uyghur: return QStringLiteral("ug");
    case SpeechLanguage::Chinese: break;
    }
    return QStringLiteral("zh-Hans");
}

quint32 SpeechQueue::sayText(const QString &key, const QString &text, SpeechLanguage language,
                             SpeechPriority priority)
{
    const QByteArray pcm = key.isEmpty() ? QByteArray() : m_prompts.value({languageCode(language), key});
    if (pcm.isEmpty()) {
        const quint32 id = say(text, language, priority);
        if (m_last)
            m_last->key = key;
        return id;
    }
    const auto *samples = reinterpret_cast<const int16_t *>(pcm.constData());
    const quint32 id = play(std::vector<int16_t>(samples, samples + pcm.size() / 2), priority);
    m_last = Last{key, text, language}; // repeat plays the recording again
    return id;
}

quint32 SpeechQueue::play(std::vector<int16_t> pcm, SpeechPriority priority)
{
    if (pcm.empty())
        return 0;
    if (priority == SpeechPriority::Interrupt)
        interruptPlayer();
    const quint32 id = m_nextId++;
    const bool wasSpeaking = speaking();
    m_sentences.insert(id, {SentenceSpan{}});
    SpeechChunk chunk;
    chunk.utterance = id;
    chunk.recorded = std::move(pcm);
    m_thread->post([chunk = std::move(chunk)](SpeechPlayer &p) { p.enqueue(chunk); });
    if (!wasSpeaking)
        emit speakingChanged();
    return id;
}

void SpeechQueue::stop()
{
    interruptPlayer();
    setPaused(false);
}

void SpeechQueue::pause() { setPaused(true); }
void SpeechQueue::resume() { setPaused(false); }

void SpeechQueue::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    m_thread->post([paused](SpeechPlayer &p) { p.setPaused(paused); });
    emit pausedChanged();
}

quint32 SpeechQueue::repeatLast()
{
    if (!m_last)
        return 0;
    const Last last = *m_last; // say() replaces it
    return sayText(last.key, last.text, last.language, SpeechPriority::Interrupt);
}

void SpeechQueue::earcon(device::Earcon earcon)
{
    m_thread->post([earcon](SpeechPlayer &p) { p.playEarcon(earcon); });
}

quint32 SpeechQueue::askPhonemes(const QString &text, SpeechLanguage language)
{
    const quint32 id = m_nextId++;
    device::engine::Segment segment{voiceFor(language).toStdString(),
                                    text.left(2000).toUtf8().toStdString()};
    m_thread->post([id, segment](SpeechPlayer &p) { p.askPhonemes(id, segment); });
    return id;
}

void SpeechQueue::setRateStep(int step)
{
    step = std::clamp(step, 0, int(std::size(kRateFactors)) - 1);
    if (step == m_rateStep)
        return;
    m_rateStep = step; // from the next utterance on
    emit rateStepChanged();
}

void SpeechQueue::setVolumeStep(int step)
{
    step = std::clamp(step, 0, int(std::size(kVolumeDb)) - 1);
    if (step == m_volumeStep)
        return;
    m_volumeStep = step;
    applyVolume();
    emit volumeStepChanged();
}

int SpeechQueue::defaultVolumeStep() const
{
    return std::clamp(m_settings.defaultVolumeStep, 0, int(std::size(kVolumeDb)) - 1);
}

void SpeechQueue::applyVolume()
{
    const float gain = float(std::pow(10.0, kVolumeDb[m_volumeStep] / 20.0));
    m_thread->post([gain](SpeechPlayer &p) { p.setGain(gain); });
}

void SpeechQueue::resetForNewVisit()
{
    stop();
    m_last.reset();
    setRateStep(kNormalRateStep);
    setVolumeStep(defaultVolumeStep());
}

bool SpeechQueue::holdsVisitData() const
{
    return speaking() || m_paused || m_last.has_value() || m_rateStep != kNormalRateStep
           || m_volumeStep != defaultVolumeStep();
}

qint64 SpeechQueue::engineProcessId() const
{
    const auto *p = m_thread->worker(); // the id itself is atomic, kept by the player
    return p ? p->engineProcessId() : 0;
}

} // namespace kiosk
