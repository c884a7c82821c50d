// libFuzzer target: whatever text reaches the kiosk's synthesiser. Input → the spoken
// form (kiosk/speech/spokentext, as SpeechQueue makes it, one sentence of at most
// 160 characters) → espeak-ng itself, in-process, in the voice of each segment. espeak-ng
// has crashed on crafted text (CVE-2023-49990…49994); the kiosk runs it in a process of
// its own, and this target looks for what would still crash or hang it there, and
// checks the speech made is bounded (at most 1 s per character, 30 s a sentence).
// First byte: the language (zh, en, ug); the rest: UTF-8.
#include "spokentext.h"

#include <espeak-ng/speak_lib.h>

#include <cstdint>
#include <cstdlib>

namespace {
size_t g_samples = 0;
int onSynth(short *, int samples, espeak_EVENT *)
{
    g_samples += size_t(samples > 0 ? samples : 0);
    return g_samples > 22050u * 30 ? 1 : 0;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool ready = [] {
        if (espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 20, nullptr, espeakINITIALIZE_DONT_EXIT) <= 0)
            abort(); // meaningless without espeak-ng-data
        espeak_SetSynthCallback(onSynth);
        return true;
    }();
    (void)ready;
    if (size < 1)
        return 0;
    const auto language = kiosk::SpeechLanguage(data[0] % 3);
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1),
                                           qsizetype(std::min<size_t>(size - 1, 640))).left(160);
    static const char *kVoices[] = {"cmn-latn-pinyin", "en-us", "ug"};
    size_t characters = 0;
    g_samples = 0;
    for (const kiosk::SpokenSegment &s : kiosk::spokenSegments(text, language)) {
        const QByteArray utf8 = s.text.toUtf8();
        characters += size_t(s.text.size());
        if (espeak_SetVoiceByName(kVoices[int(s.language)]) != EE_OK)
            abort();
        espeak_Synth(utf8.constData(), size_t(utf8.size()) + 1, 0, POS_CHARACTER, 0,
                     espeakCHARS_UTF8, nullptr, nullptr);
    }
    if (g_samples > 22050u * 30 + 22050 || g_samples > 22050u * (characters + 1))
        __builtin_trap();
    return 0;
}
