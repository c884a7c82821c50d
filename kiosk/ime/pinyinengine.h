// PinyinEngine: full pinyin and initials (yibao, yb) to Chinese candidates, over the
// Google pinyin decoder packaged by Debian (libgooglepinyin0, the engine Qt Virtual
// Keyboard's own pinyin plugin uses). Headless (Qt Core only).
//
// The decoder keeps its state in process-wide statics, so at most one PinyinEngine
// may be open at a time and it must only be used from one thread (InputEngines gives
// it a worker thread of its own). No user dictionary is written: on a public kiosk
// one resident's words must not be learnt and offered to the next.
#pragma once

#include <QString>
#include <QStringList>

namespace kiosk {

// What the decoder makes of some letters and the candidates chosen so far.
struct PinyinState {
    QString spelling;       // the letters, split into syllables: "yi'bao"
    QString fixed;          // Chinese already chosen for the leading syllables
    QStringList candidates; // for the syllables not yet chosen, best first
    bool complete = false;  // every syllable chosen: `fixed` is the text to commit
};

class PinyinEngine
{
public:
    PinyinEngine() = default;
    ~PinyinEngine();
    PinyinEngine(const PinyinEngine &) = delete;
    PinyinEngine &operator=(const PinyinEngine &) = delete;

    // Opens the system dictionary; on failure `error` says why and the engine stays closed.
    bool open(const QString &dictionaryPath, QString *error);
    bool isOpen() const { return m_open; }
    void close();

    // Decodes lower-case letters a–z (anything else is ignored), then replays the
    // choices made so far (indexes into the candidates of each step). Stateless for the
    // caller: the same arguments always give the same answer. At most `limit` candidates.
    PinyinState decode(const QString &letters, const QList<int> &choices, int limit) const;

    static QString defaultDictionaryPath();
    // Debian's decoder is built with assertions on, and its dictionary walk runs out of
    // milestones and aborts the process on 14 repeated initials ("zzzzzzzzzzzzzz").
    // No input of 13 letters did in a fork-per-input sweep (every two-letter alphabet,
    // random strings, with random choices), so input stops there.
    static constexpr int kMaxLetters = 13;

private:
    bool m_open = false;
};

// One entry of the candidate bar.
struct PinyinCandidate {
    QString text;
    int engineIndex = -1; // index among the engine's candidates; -1: a catalog word
    bool operator==(const PinyinCandidate &) const = default;
};

// Catalog words first (they name things the kiosk can show), then the engine's
// candidates without repeating any word.
QList<PinyinCandidate> mergeCandidates(const QStringList &catalogWords,
                                       const QStringList &engineWords);

} // namespace kiosk
