// SpeechQueue: what the kiosk says, in which order, and how — the one place the rest
// of the kiosk asks for speech (headless: Qt Core). Texts are the same C++ strings the
// screen shows; here they are cut into sentences (so what is being read can be
// highlighted and a long text is made a sentence at a time), given their spoken form
// (spokentext.h), voiced per language and handed to the speech thread (a SpeechPlayer
// in a WorkerThread). Interrupting utterances (focus changes, alerts) cut what is
// playing; queued ones (reading on) follow it. Volume and rate are a visit's own:
// resetForNewVisit() puts them back to the configured defaults.
#pragma once

#include "audiooutput.h"
#include "settinggroups.h"
#include "spokentext.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

namespace device {
class SpeechPlayer;
template <class Worker> class WorkerThread;
enum class Earcon;
} // namespace device

namespace kiosk {

enum class SpeechPriority { Interrupt, Queue };

// A sentence of a displayed text: where it is, for highlighting it while it is read.
struct SentenceSpan
{
    int start = 0, length = 0;
    bool operator==(const SentenceSpan &) const = default;
};

class SpeechQueue : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString unavailableReason READ unavailableReason NOTIFY availableChanged)
    Q_PROPERTY(bool speaking READ speaking NOTIFY speakingChanged)
    Q_PROPERTY(bool paused READ paused NOTIFY pausedChanged)
    Q_PROPERTY(int rateStep READ rateStep WRITE setRateStep NOTIFY rateStepChanged)
    Q_PROPERTY(int volumeStep READ volumeStep WRITE setVolumeStep NOTIFY volumeStepChanged)

public:
    // Rate: a factor of the configured normal rate. Volume: gain in dB; the range is
    // 24 dB and holds a 12 dB step from the lowest (EN 301 549 8.2.1: ≥ 18 dB, ≥ 12 dB).
    static constexpr double kRateFactors[] = {0.6, 0.8, 1.0, 1.25, 1.5, 1.8};
    static constexpr int kNormalRateStep = 2;
    static constexpr double kVolumeDb[] = {-24, -18, -12, -6, 0};
    static constexpr int kMaxSentenceChars = 160; // longer sentences are cut at a pause

    // engineProgram: the kiosk-speech-engine executable. output: null for the real
    // PortAudio device. startNow false: the speech thread (engine process, device
    // probing) waits for start(); what is asked before then is kept and done after.
    SpeechQueue(config::SpeechSettings settings, QString engineProgram,
                std::unique_ptr<device::AudioOutput> output = nullptr, QObject *parent = nullptr,
                bool startNow = true);
    void start();
    ~SpeechQueue() override;

    // Returns the utterance's id (0 when the text has nothing to say).
    quint32 say(const QString &text, SpeechLanguage language,
                SpeechPriority priority = SpeechPriority::Queue);
    // A screen text by its ui/strings.yaml key: the catalog's recording of it when there
    // is one for the language (setPrompts), else text synthesised.
    quint32 sayText(const QString &key, const QString &text, SpeechLanguage language,
                    SpeechPriority priority = SpeechPriority::Interrupt);
    // The catalog's recorded prompts: (language code, key) → 16-bit mono 22050 Hz PCM.
    void setPrompts(QHash<QPair<QString, QString>, QByteArray> prompts) { m_prompts = std::move(prompts); }
    static QString languageCode(SpeechLanguage language);
    // Plays recorded PCM (a prompt from the catalog, 22050 Hz mono) as an utterance.
    quint32 play(std::vector<int16_t> pcm, SpeechPriority priority = SpeechPriority::Interrupt);
    Q_INVOKABLE void stop();
    Q_INVOKABLE void pause();
    Q_INVOKABLE void resume();
    Q_INVOKABLE quint32 repeatLast();
    void earcon(device::Earcon earcon);
    // The phonemes espeak-ng reads for a text in a language (answered by phonemesReady).
    quint32 askPhonemes(const QString &text, SpeechLanguage language);

    void setRateStep(int step);
    int rateStep() const { return m_rateStep; }
    void setVolumeStep(int step);
    int volumeStep() const { return m_volumeStep; }
    // Stops speech, forgets the last utterance (it may have read a resident's data back
    // to them) and puts volume and rate back to their defaults.
    void resetForNewVisit();
    // Anything of a visit held: speech under way, a last utterance, volume or rate
    // changed from the defaults.
    bool holdsVisitData() const;

    bool available() const { return m_available; }
    QString unavailableReason() const { return m_why; }
    bool speaking() const { return !m_sentences.isEmpty(); }
    bool paused() const { return m_paused; }
    QString voiceFor(SpeechLanguage language) const;
    qint64 engineProcessId() const; // for the tests that kill it

    // kiosk-speech-engine beside the running executable, else the installed one, else
    // the one of the build tree this was built in.
    static QString defaultEngineProgram();

    // Sentences of a displayed text, in order, covering every character that is said.
    static QList<SentenceSpan> sentencesOf(const QString &text);

signals:
    void sentenceStarted(quint32 utterance, int sentence, int start, int length);
    void utteranceFinished(quint32 utterance, bool spoken);
    void firstAudible(quint32 utterance, qint64 monotonicNs);
    void silenced(qint64 monotonicNs); // after stop() or an interrupt: the device gets silence
    void availableChanged();
    void speakingChanged();
    void pausedChanged();
    void rateStepChanged();
    void volumeStepChanged();
    void engineFailed(const QString &why);
    void phonemesReady(quint32 id, const QString &phonemes);

private:
    struct Last { QString key, text; SpeechLanguage language; }; // key: of sayText, or none
    void applyVolume();
    void setPaused(bool paused);
    int defaultVolumeStep() const;
    void interruptPlayer();

    config::SpeechSettings m_settings;
    std::unique_ptr<device::WorkerThread<device::SpeechPlayer>> m_thread;
    QHash<quint32, QList<SentenceSpan>> m_sentences; // utterances not finished yet
    QHash<QPair<QString, QString>, QByteArray> m_prompts;
    std::optional<Last> m_last;
    quint32 m_nextId = 1;
    int m_rateStep = kNormalRateStep, m_volumeStep = 0;
    bool m_available = false, m_paused = false;
    QString m_why;
};

} // namespace kiosk
