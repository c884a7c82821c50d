// libFuzzer target: whatever a resident types on the pinyin keyboard, and whatever
// candidates they pick, reaches the Google pinyin decoder only as something it
// survives. Debian builds the decoder with assertions on; 14 repeated initials used
// to abort the whole kiosk. Input: letters, then a 0xFF byte, then choices (one byte
// each, an index into the candidates of that step).
#include "pinyinengine.h"

#include <cstdint>
#include <cstdlib>

using kiosk::PinyinEngine;
using kiosk::PinyinState;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static PinyinEngine *engine = [] {
        auto *e = new PinyinEngine;
        QString error;
        if (!e->open(PinyinEngine::defaultDictionaryPath(), &error))
            abort(); // the fuzz run is meaningless without the dictionary
        return e;
    }();
    QString letters;
    QList<int> choices;
    bool inChoices = false;
    for (size_t i = 0; i < size && i < 256; ++i) {
        if (data[i] == 0xFF)
            inChoices = true;
        else if (inChoices)
            choices.append(data[i]);
        else
            letters.append(QChar(u'a' + data[i] % 26)); // every byte a letter: worst case
    }
    const PinyinState s = engine->decode(letters, choices, 20);
    if (s.candidates.size() > 20 || (s.complete && s.fixed.isEmpty()))
        __builtin_trap();
    return 0;
}
