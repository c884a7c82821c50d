// The kiosk's voice through the real path (../shared/spec/testing.md): SpeechQueue →
// speech thread → kiosk-speech-engine (espeak-ng) → PortAudio → ALSA → the file
// plugin's WAV, played in real time by a private PulseAudio null sink. Every check
// reads what was actually played.
#include "audiofixture.h"
#include "audiooutput.h"
#include "earcons.h"
#include "settinggroups.h"
#include "speechqueue.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <csignal>

using namespace kiosk;
using testsupport::AudioFixture;
using testsupport::Recording;

namespace {
const QString kChinese = QStringLiteral("您好，欢迎使用政务公开专区。");
const QString kLong = QStringLiteral(
    "第一句，这是一段很长的政策解读。第二句，请带上身份证。第三句，窗口周一至周五办公。"
    "第四句，请听叫号。第五句，请咨询工作人员。第六句，感谢等待。");
// Long enough that the engine is still making it when a test stops or kills it (the
// player has it made only a few sentences ahead of what is heard). Every sentence is
// new, so none comes from the phrase cache.
QString veryLong()
{
    static int round = 0;
    QString text;
    for (int i = 0; i < 24; ++i)
        text += QStringLiteral("这是第%1轮的第%2句，请耐心听完。").arg(++round).arg(i);
    return text;
}
} // namespace

class TestSpeech : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void eachVoiceSpeaks_data();
    void eachVoiceSpeaks();
    void sentencesReportedInOrder();
    void interruptCutsTheSound();
    void volumeStepsChangeTheLevel();
    void visitResetPutsVolumeAndRateBack();
    void rateChangesDuration();
    void pauseHoldsAndResumeContinues();
    void earconIsMixedIn();
    void recordedPromptIsPlayedInsteadOfSynthesis();
    void kioskSpeakSaysAndPrints();
    void killedEngineIsRestarted();
    void hungEngineIsRestarted();
    void chineseIsReadAsChinese();
    void noDeviceKeepsTheKioskWorking();
    void deviceThatComesBackIsUsedAgain();

private:
    // Says text and waits for its end; returns the samples played meanwhile.
    std::vector<int16_t> sayAndRecord(const QString &text, SpeechLanguage language, bool *spoken);
    size_t recorded() const { return m_audio->recording().samples.size(); }
    std::vector<int16_t> since(size_t from) const
    {
        Recording r = m_audio->recording();
        return {r.samples.begin() + qsizetype(std::min(from, r.samples.size())), r.samples.end()};
    }
    double spokenSeconds(const std::vector<int16_t> &s) const
    {
        Recording r{22050, 1, s};
        const auto stretches = testsupport::soundStretches(r);
        return stretches.empty() ? 0 : double(stretches.back().end - stretches.front().start) / 22050;
    }

    std::unique_ptr<AudioFixture> m_audio;
    std::unique_ptr<SpeechQueue> m_queue;
    config::SpeechSettings m_settings;
};

void TestSpeech::initTestCase()
{
    m_audio = std::make_unique<AudioFixture>(QStringLiteral("speech"));
    QString why;
    QVERIFY2(m_audio->start(&why), qPrintable(why));
    m_settings.outputDevice = QStringLiteral("kiosktest");
    m_queue = std::make_unique<SpeechQueue>(m_settings, SpeechQueue::defaultEngineProgram());
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->available(), 10000);
}

void TestSpeech::cleanupTestCase()
{
    m_queue.reset();
    m_audio.reset();
}

void TestSpeech::init()
{
    m_queue->resetForNewVisit();
    m_queue->setVolumeStep(4);
    QTRY_VERIFY(!m_queue->speaking());
    QTest::qWait(100); // what was cut has left the device
}

std::vector<int16_t> TestSpeech::sayAndRecord(const QString &text, SpeechLanguage language, bool *spoken)
{
    QSignalSpy finished(m_queue.get(), &SpeechQueue::utteranceFinished);
    const size_t from = recorded();
    const quint32 id = m_queue->say(text, language);
    *spoken = finished.wait(30000) && finished.last().at(0).toUInt() == id
              && finished.last().at(1).toBool();
    QTest::qWait(150); // the device's own latency: the tail reaches the file after the callback
    return since(from);
}

void TestSpeech::eachVoiceSpeaks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("language");
    QTest::addColumn<double>("minSeconds");
    QTest::addColumn<double>("maxSeconds");
    QTest::newRow("zh") << kChinese << int(SpeechLanguage::Chinese) << 1.5 << 6.0;
    QTest::newRow("en") << QStringLiteral("Welcome to the government information zone.")
                        << int(SpeechLanguage::English) << 1.2 << 5.0;
    QTest::newRow("ug") << QStringLiteral("ياخشىمۇسىز، ھۆكۈمەت ئۇچۇرلىرى رايونىغا خۇش كەلدىڭىز.")
                        << int(SpeechLanguage::Uyghur) << 1.2 << 8.0;
}

void TestSpeech::eachVoiceSpeaks()
{
    QFETCH(QString, text);
    QFETCH(int, language);
    bool spoken = false;
    const auto played = sayAndRecord(text, SpeechLanguage(language), &spoken);
    QVERIFY(spoken);
    const double seconds = spokenSeconds(played);
    QFETCH(double, minSeconds);
    QFETCH(double, maxSeconds);
    QVERIFY2(seconds >= minSeconds && seconds <= maxSeconds, qPrintable(QString::number(seconds)));
    QVERIFY(testsupport::levelDb(played) > -45);
}

void TestSpeech::sentencesReportedInOrder()
{
    QSignalSpy started(m_queue.get(), &SpeechQueue::sentenceStarted);
    QSignalSpy audible(m_queue.get(), &SpeechQueue::firstAudible);
    int64_t firstStartedAt = 0; // when the first sentence was said to have started
    QMetaObject::Connection c = connect(m_queue.get(), &SpeechQueue::sentenceStarted, this,
                                        [&](quint32, int sentence) {
                                            if (sentence == 0 && !firstStartedAt)
                                                firstStartedAt = device::monotonicNs();
                                        });
    bool spoken = false;
    sayAndRecord(kLong, SpeechLanguage::Chinese, &spoken);
    disconnect(c);
    QVERIFY(spoken);
    // Reported once it can be heard, not when it was asked for: highlighting follows the voice.
    QCOMPARE(audible.size(), 1);
    QVERIFY(audible.first().at(1).toLongLong() <= firstStartedAt);
    const auto spans = SpeechQueue::sentencesOf(kLong);
    QCOMPARE(spans.size(), 6);
    QCOMPARE(started.size(), 6);
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(started.at(i).at(1).toInt(), i);
        const QString sentence = kLong.mid(started.at(i).at(2).toInt(), started.at(i).at(3).toInt());
        QVERIFY2(sentence.startsWith(QStringLiteral("第%1句").arg(QStringView(u"一二三四五六").at(i)))
                     && sentence.endsWith(u'。'),
                 qPrintable(sentence));
    }
}

// The bound: after stop() the device gets at most 50 ms more of speech (one callback
// period of 20 ms to act on it, one period in flight, the sound server's own chunk).
void TestSpeech::interruptCutsTheSound()
{
    QSignalSpy started(m_queue.get(), &SpeechQueue::sentenceStarted);
    m_queue->say(kLong, SpeechLanguage::Chinese);
    QVERIFY(started.wait(5000));
    QTest::qWait(700); // well inside the first sentence's sound
    const size_t atStop = recorded();
    m_queue->stop();
    QTest::qWait(500);
    const auto after = since(atStop);
    Recording r{22050, 1, after};
    const auto stretches = testsupport::soundStretches(r, -50, 0);
    const double tailMs = stretches.empty() ? 0 : stretches.back().end * 1000.0 / 22050;
    QVERIFY2(tailMs <= 50, qPrintable(QStringLiteral("%1 ms of speech after stop").arg(tailMs)));
    QVERIFY(!m_queue->speaking());
}

void TestSpeech::volumeStepsChangeTheLevel()
{
    bool spoken = false;
    m_queue->setVolumeStep(4);
    const auto loud = sayAndRecord(kChinese, SpeechLanguage::Chinese, &spoken);
    QVERIFY(spoken);
    m_queue->setVolumeStep(2);
    const auto quiet = sayAndRecord(kChinese, SpeechLanguage::Chinese, &spoken);
    QVERIFY(spoken);
    m_queue->setVolumeStep(0);
    const auto quietest = sayAndRecord(kChinese, SpeechLanguage::Chinese, &spoken);
    QVERIFY(spoken);
    const double step12 = testsupport::levelDb(loud) - testsupport::levelDb(quiet);
    const double range = testsupport::levelDb(loud) - testsupport::levelDb(quietest);
    QVERIFY2(std::abs(step12 - 12) < 0.5, qPrintable(QString::number(step12)));
    QVERIFY2(std::abs(range - 24) < 0.5, qPrintable(QString::number(range)));
}

void TestSpeech::visitResetPutsVolumeAndRateBack()
{
    bool spoken = false;
    m_queue->setVolumeStep(m_settings.defaultVolumeStep);
    const auto reference = sayAndRecord(kChinese, SpeechLanguage::Chinese, &spoken);
    m_queue->setVolumeStep(4);
    m_queue->setRateStep(5);
    m_queue->resetForNewVisit();
    QCOMPARE(m_queue->volumeStep(), m_settings.defaultVolumeStep);
    QCOMPARE(m_queue->rateStep(), SpeechQueue::kNormalRateStep);
    QCOMPARE(m_queue->repeatLast(), 0u); // the last visit's words are gone
    const auto after = sayAndRecord(kChinese, SpeechLanguage::Chinese, &spoken);
    QVERIFY(spoken);
    QVERIFY(std::abs(testsupport::levelDb(after) - testsupport::levelDb(reference)) < 0.5);
    QVERIFY(std::abs(spokenSeconds(after) - spokenSeconds(reference)) < 0.1);
}

void TestSpeech::rateChangesDuration()
{
    bool spoken = false;
    m_queue->setRateStep(0);
    const double slow = spokenSeconds(sayAndRecord(kChinese, SpeechLanguage::Chinese, &spoken));
    QVERIFY(spoken);
    m_queue->setRateStep(SpeechQueue::kNormalRateStep);
    const double normal = spokenSeconds(sayAndRecord(kChinese, SpeechLanguage::Chinese, &spoken));
    m_queue->setRateStep(5);
    const double fast = spokenSeconds(sayAndRecord(kChinese, SpeechLanguage::Chinese, &spoken));
    QVERIFY(spoken);
    QVERIFY2(slow > normal * 1.3 && normal > fast * 1.3,
             qPrintable(QStringLiteral("%1 %2 %3 s").arg(slow).arg(normal).arg(fast)));
}

void TestSpeech::pauseHoldsAndResumeContinues()
{
    QSignalSpy started(m_queue.get(), &SpeechQueue::sentenceStarted);
    QSignalSpy finished(m_queue.get(), &SpeechQueue::utteranceFinished);
    m_queue->say(kChinese + kChinese, SpeechLanguage::Chinese);
    QVERIFY(started.wait(5000));
    QTest::qWait(400);
    m_queue->pause();
    QTest::qWait(100);
    const size_t pausedAt = recorded();
    QTest::qWait(800);
    QVERIFY(testsupport::levelDb(since(pausedAt)) < -60); // silence while paused
    QVERIFY(finished.isEmpty());
    const size_t resumedAt = recorded();
    m_queue->resume();
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.last().at(1).toBool());
    QVERIFY(spokenSeconds(since(resumedAt)) > 1.0); // the rest was kept, not dropped
}

void TestSpeech::earconIsMixedIn()
{
    const size_t from = recorded();
    m_queue->earcon(device::Earcon::Error);
    QTest::qWait(400);
    Recording r{22050, 1, since(from)};
    const auto stretches = testsupport::soundStretches(r, -40, 0);
    QCOMPARE(stretches.size(), size_t(1));
    const double ms = double(stretches[0].end - stretches[0].start) * 1000 / 22050;
    QVERIFY2(ms >= 90 && ms <= 160, qPrintable(QString::number(ms)));
}

// A screen text with a recording in the catalog plays the recording (here 1 s of
// 440 Hz: 880 zero crossings), one without is synthesised.
void TestSpeech::recordedPromptIsPlayedInsteadOfSynthesis()
{
    QByteArray tone(22050 * 2, Qt::Uninitialized);
    auto *t = reinterpret_cast<int16_t *>(tone.data());
    for (int i = 0; i < 22050; ++i)
        t[i] = int16_t(12000 * std::sin(2 * M_PI * 440 * i / 22050.0));
    m_queue->setPrompts({{{QStringLiteral("zh-Hans"), QStringLiteral("voice.welcome")}, tone}});
    QSignalSpy finished(m_queue.get(), &SpeechQueue::utteranceFinished);
    size_t from = recorded();
    m_queue->sayText(QStringLiteral("voice.welcome"), kChinese, SpeechLanguage::Chinese);
    QVERIFY(finished.wait(5000));
    QTest::qWait(150);
    auto played = since(from);
    Recording r{22050, 1, played};
    const auto stretches = testsupport::soundStretches(r, -40, 50);
    QCOMPARE(stretches.size(), size_t(1));
    int crossings = 0;
    for (size_t i = stretches[0].start + 1; i < stretches[0].end; ++i)
        crossings += (played[i - 1] < 0) != (played[i] < 0);
    QVERIFY2(std::abs(crossings - 880) < 20, qPrintable(QString::number(crossings)));
    // Repeat plays the recording again, not a synthesis of its text.
    from = recorded();
    m_queue->repeatLast();
    QVERIFY(finished.wait(5000));
    QTest::qWait(150);
    played = since(from);
    r.samples = played;
    QCOMPARE(testsupport::soundStretches(r, -40, 50).size(), size_t(1));
    QVERIFY2(std::abs(spokenSeconds(played) - 1.0) < 0.1, qPrintable(QString::number(spokenSeconds(played))));
    // English has no recording: synthesised, and longer than the tone.
    from = recorded();
    m_queue->sayText(QStringLiteral("voice.welcome"), QStringLiteral("Welcome to the information zone."),
                     SpeechLanguage::English);
    QVERIFY(finished.wait(5000));
    QTest::qWait(150);
    QVERIFY(spokenSeconds(since(from)) > 1.2);
    m_queue->setPrompts({});
}

void TestSpeech::kioskSpeakSaysAndPrints()
{
    QProcess speak;
    speak.start(QStringLiteral(KIOSK_SPEAK_BIN), {"--text-only", "2024年3月5日，电话12345"});
    QVERIFY(speak.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(speak.readAllStandardOutput()).trimmed(),
             QStringLiteral("二零二四年三月五日，电话幺二三四五"));
    speak.start(QStringLiteral(KIOSK_SPEAK_BIN), {"--device", "kiosktest2", "--volume", "4", kChinese});
    QVERIFY(speak.waitForFinished(20000));
    QCOMPARE(speak.exitCode(), 0);
    QVERIFY(spokenSeconds(m_audio->recording(true).samples) > 1.5);
    speak.start(QStringLiteral(KIOSK_SPEAK_BIN), {"--device", "no-such-output", kChinese});
    QVERIFY(speak.waitForFinished(20000));
    QCOMPARE(speak.exitCode(), 3);
    QVERIFY(QString::fromUtf8(speak.readAllStandardError()).contains(u"no sound output named"));
}

void TestSpeech::killedEngineIsRestarted()
{
    QSignalSpy started(m_queue.get(), &SpeechQueue::sentenceStarted);
    QSignalSpy failed(m_queue.get(), &SpeechQueue::engineFailed);
    m_queue->say(veryLong(), SpeechLanguage::Chinese);
    QVERIFY(started.wait(5000));
    const qint64 pid = m_queue->engineProcessId();
    QVERIFY(pid > 0);
    ::kill(pid_t(pid), SIGKILL);
    QVERIFY(failed.wait(5000));
    QTest::qWait(300);
    m_queue->stop();
    bool spoken = false;
    const auto played = sayAndRecord(kChinese, SpeechLanguage::Chinese, &spoken);
    QVERIFY(spoken);
    QVERIFY(spokenSeconds(played) > 1.5);
    QVERIFY(m_queue->engineProcessId() != pid);
}

void TestSpeech::hungEngineIsRestarted()
{
    QSignalSpy started(m_queue.get(), &SpeechQueue::sentenceStarted);
    QSignalSpy failed(m_queue.get(), &SpeechQueue::engineFailed);
    m_queue->say(veryLong(), SpeechLanguage::Chinese);
    QVERIFY(started.wait(5000));
    const qint64 pid = m_queue->engineProcessId();
    ::kill(pid_t(pid), SIGSTOP); // stuck: alive, answering nothing
    QVERIFY(failed.wait(8000));
    QVERIFY(failed.last().at(0).toString().contains(u"stopped answering"));
    QVERIFY(m_queue->speaking()); // the rest of the text goes on with a new engine
    QTRY_VERIFY(m_queue->engineProcessId() != pid);
    m_queue->stop();
    bool spoken = false;
    const auto played = sayAndRecord(kChinese, SpeechLanguage::Chinese, &spoken);
    QVERIFY(spoken);
    QVERIFY(spokenSeconds(played) > 1.5);
}

// espeak-ng 1.51's cmn voice reads its pinyin as English ("(en)" switches in the
// phonemes); the configured voice must read Chinese as Mandarin syllables with tones.
void TestSpeech::chineseIsReadAsChinese()
{
    QSignalSpy answered(m_queue.get(), &SpeechQueue::phonemesReady);
    m_queue->askPhonemes(QStringLiteral("你好，政务公开"), SpeechLanguage::Chinese);
    QVERIFY(answered.wait(5000));
    const QString phonemes = answered.last().at(1).toString();
    QVERIFY2(!phonemes.contains(u"(en)") && phonemes.contains(QRegularExpression("[a-z]+[1-5]{2,3}")),
             qPrintable(phonemes));
    // The check itself can fail: the plain cmn voice is caught by it.
    config::SpeechSettings english = m_settings;
    english.voiceChinese = QStringLiteral("cmn");
    SpeechQueue wrong(english, SpeechQueue::defaultEngineProgram());
    QSignalSpy wrongAnswer(&wrong, &SpeechQueue::phonemesReady);
    wrong.askPhonemes(QStringLiteral("你好，政务公开"), SpeechLanguage::Chinese);
    QVERIFY(wrongAnswer.wait(5000));
    QVERIFY(wrongAnswer.last().at(1).toString().contains(u"(en)"));
}

void TestSpeech::noDeviceKeepsTheKioskWorking()
{
    config::SpeechSettings none = m_settings;
    none.outputDevice = QStringLiteral("no-such-output");
    SpeechQueue silent(none, SpeechQueue::defaultEngineProgram());
    QSignalSpy changed(&silent, &SpeechQueue::availableChanged);
    QVERIFY(changed.wait(5000));
    QVERIFY(!silent.available());
    QVERIFY2(silent.unavailableReason().contains(u"no sound output named \"no-such-output\""),
             qPrintable(silent.unavailableReason()));
    QSignalSpy finished(&silent, &SpeechQueue::utteranceFinished);
    silent.say(kChinese, SpeechLanguage::Chinese);
    QVERIFY(finished.wait(2000));
    QVERIFY(!finished.last().at(1).toBool());
    QVERIFY(!silent.speaking());
}

void TestSpeech::deviceThatComesBackIsUsedAgain()
{
    QSignalSpy changed(m_queue.get(), &SpeechQueue::availableChanged);
    QSignalSpy finished(m_queue.get(), &SpeechQueue::utteranceFinished);
    m_queue->say(kLong, SpeechLanguage::Chinese);
    QTest::qWait(500);
    m_audio->stopServer();
    QTRY_VERIFY_WITH_TIMEOUT(!m_queue->available(), 10000);
    QVERIFY2(m_queue->unavailableReason().contains(u"went away")
                 || m_queue->unavailableReason().contains(u"no sound output"),
             qPrintable(m_queue->unavailableReason()));
    QTRY_VERIFY(!finished.isEmpty()); // what was playing ends; nothing waits on it
    QString why;
    QVERIFY2(m_audio->restartServer(&why), qPrintable(why));
    QTRY_VERIFY_WITH_TIMEOUT(m_queue->available(), 10000);
    bool spoken = false;
    const auto played = sayAndRecord(kChinese, SpeechLanguage::Chinese, &spoken);
    QVERIFY(spoken);
    QVERIFY(spokenSeconds(played) > 1.5);
}

QTEST_GUILESS_MAIN(TestSpeech)
#include "tst_speech.moc"
