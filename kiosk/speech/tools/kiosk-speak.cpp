// kiosk-speak: says a text through the kiosk's own speech path (spoken form, sentences,
// the synthesiser process, the sound output) — for staff checking a kiosk's voice and
// for tests. --text-only prints the spoken form and says nothing.
//   kiosk-speak [--language zh|en|ug] [--voice NAME] [--rate 0.6..1.8] [--volume 0..4]
//               [--device NAME] [--list-devices] [--text-only] TEXT…   (or TEXT on stdin)
// Exit: 0 spoken, 3 no sound output (the reason on stderr), 4 not spoken, 2 usage.
#include "kiosksettings.h"
#include "portaudiooutput.h"
#include "speechqueue.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>
#include <cmath>
#include <cstdio>

using namespace kiosk;

static SpeechLanguage languageNamed(const QString &code, bool *ok)
{
    *ok = true;
    if (code == u"zh" || code == u"zh-Hans")
        return SpeechLanguage::Chinese;
    if (code == u"en")
        return SpeechLanguage::English;
    if (code == u"ug")
        return SpeechLanguage::Uyghur;
    *ok = false;
    return SpeechLanguage::Chinese;
}

static int nearestRateStep(double factor)
{
    int best = SpeechQueue::kNormalRateStep;
    for (int i = 0; i < int(std::size(SpeechQueue::kRateFactors)); ++i)
        if (std::abs(SpeechQueue::kRateFactors[i] - factor)
            < std::abs(SpeechQueue::kRateFactors[best] - factor))
            best = i;
    return best;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Say a text through the kiosk's own voice."));
    cli.addHelpOption();
    const QCommandLineOption language({"l", "language"}, "zh, en or ug (default zh)", "code", "zh");
    const QCommandLineOption voice("voice", "espeak-ng voice for that language", "name");
    const QCommandLineOption rate("rate", "0.6 to 1.8 × normal (nearest step)", "factor", "1.0");
    const QCommandLineOption volume("volume", "volume step 0 (-24 dB) to 4 (0 dB)", "step");
    const QCommandLineOption device("device", "default, or part of an output's name", "name");
    const QCommandLineOption list("list-devices", "print the sound outputs and stop");
    const QCommandLineOption textOnly("text-only", "print the spoken form only");
    cli.addOptions({language, voice, rate, volume, device, list, textOnly});
    cli.addPositionalArgument("text", "what to say (default: standard input)");
    cli.process(app);

    bool ok = false;
    const SpeechLanguage lang = languageNamed(cli.value(language), &ok);
    if (!ok) {
        std::fprintf(stderr, "kiosk-speak: --language is zh, en or ug\n");
        return 2;
    }
    QString text = cli.positionalArguments().join(u' ');
    if (text.isEmpty() && !cli.isSet(list))
        text = QTextStream(stdin).readAll();
    if (cli.isSet(textOnly)) {
        QTextStream(stdout) << spokenForm(text, lang) << '\n';
        return 0;
    }
    if (cli.isSet(list)) {
        device::PortAudioOutput output;
        for (const QString &name : output.deviceNames())
            QTextStream(stdout) << name << '\n';
        return 0;
    }

    config::SpeechSettings settings = config::KioskSettings().speech();
    if (cli.isSet(device))
        settings.outputDevice = cli.value(device);
    if (cli.isSet(voice)) {
        QString &v = lang == SpeechLanguage::English ? settings.voiceEnglish
                     : lang == SpeechLanguage::Uyghur ? settings.voiceUyghur
                                                      : settings.voiceChinese;
        v = cli.value(voice);
    }
    if (cli.isSet(volume))
        settings.defaultVolumeStep = cli.value(volume).toInt();
    SpeechQueue queue(settings, SpeechQueue::defaultEngineProgram());
    queue.setRateStep(nearestRateStep(cli.value(rate).toDouble()));

    int exitCode = 4;
    QObject::connect(&queue, &SpeechQueue::utteranceFinished, &app, [&](quint32, bool spoken) {
        exitCode = spoken ? 0 : queue.available() ? 4 : 3;
        if (exitCode == 3)
            std::fprintf(stderr, "kiosk-speak: no sound: %s\n", qPrintable(queue.unavailableReason()));
        app.exit(exitCode);
    });
    QObject::connect(&queue, &SpeechQueue::engineFailed, &app, [](const QString &why) {
        std::fprintf(stderr, "kiosk-speak: %s\n", qPrintable(why));
    });
    // The device is opened on the speech thread; say the text once it has answered.
    QObject::connect(&queue, &SpeechQueue::availableChanged, &app, [&] {
        static bool said = false;
        if (!std::exchange(said, true) && queue.say(text, lang) == 0)
            app.exit(0); // nothing to say
    });
    return app.exec();
}
