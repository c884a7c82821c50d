// libFuzzer target: whatever a catalog item or a screen shows reaches espeak-ng only as
// the text normaliser's segments, and the synthesiser has crashed on crafted long input.
// Input: any bytes, as UTF-8 (invalid sequences become U+FFFD, which must not be said),
// read in each of the three languages. A segment must hold something to say, stay
// within the bound, and carry no character the synthesiser should never get: C0 and C1
// controls, format characters (bidi overrides, zero-width), private use, unpaired
// surrogates, U+FFFD, noncharacters.
#include "spokentext.h"

#include <algorithm>
#include <cstdint>

using kiosk::SpeechLanguage;
using kiosk::SpokenSegment;

namespace {

bool speakable(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate()) {
            if (i + 1 == text.size() || !text[i + 1].isLowSurrogate())
                return false;
            const char32_t u = QChar::surrogateToUcs4(c, text[++i]);
            const QChar::Category k = QChar::category(u);
            if (k == QChar::Other_Format || k == QChar::Other_PrivateUse ||
                k == QChar::Other_NotAssigned)
                return false;
            continue;
        }
        switch (c.category()) {
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Other_Surrogate:
        case QChar::Other_PrivateUse:
        case QChar::Other_NotAssigned:
            return false;
        default:
            break;
        }
        if (c == QChar(0xFFFD))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype bound =
        kiosk::kMaxSpokenFactor * std::min(text.size(), kiosk::kMaxSpokenInput) + 64;
    for (SpeechLanguage language :
         {SpeechLanguage::Chinese, SpeechLanguage::English, SpeechLanguage::Uyghur}) {
        const QList<SpokenSegment> segments = kiosk::spokenSegments(text, language);
        qsizetype total = segments.isEmpty() ? 0 : segments.size() - 1;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            const QString &t = segments[i].text;
            if (t.trimmed().isEmpty() || t != t.trimmed() || !speakable(t))
                __builtin_trap();
            if (i > 0 && segments[i - 1].language == segments[i].language)
                __builtin_trap(); // adjacent segments of one language are merged
            total += t.size();
        }
        if (total > bound || kiosk::spokenForm(text, language).size() != total)
            __builtin_trap();
    }
    return 0;
}
