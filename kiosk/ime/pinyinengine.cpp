#include "pinyinengine.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>
#include <atomic>
#include <pinyinime.h>

namespace kiosk {

Q_LOGGING_CATEGORY(lcPinyin, "kiosk.ime.pinyin")

namespace {

std::atomic_bool g_decoderInUse{false}; // the decoder's state is process-wide

QString fromChar16(const ime_pinyin::char16 *s)
{
    qsizetype n = 0;
    while (s[n])
        ++n;
    return QString(reinterpret_cast<const QChar *>(s), n);
}

QString candidate(size_t id)
{
    ime_pinyin::char16 buffer[64] = {};
    if (!ime_pinyin::im_get_candidate(id, buffer, 63))
        return {};
    return fromChar16(buffer);
}

} // namespace

PinyinEngine::~PinyinEngine() { close(); }

QString PinyinEngine::defaultDictionaryPath() { return QStringLiteral(KIOSK_PINYIN_DICTIONARY); }

bool PinyinEngine::open(const QString &dictionaryPath, QString *error)
{
    if (m_open)
        return true;
    if (!QFileInfo(dictionaryPath).isReadable()) {
        *error = QStringLiteral("pinyin dictionary not readable: %1").arg(dictionaryPath);
        return false;
    }
    if (g_decoderInUse.exchange(true)) {
        *error = QStringLiteral("the pinyin decoder is already open in this process");
        return false;
    }
    // A user dictionary path that cannot exist: the decoder then runs without one, so
    // nothing a resident types is remembered (checked by tst_ime).
    const QByteArray sys = QFile::encodeName(dictionaryPath);
    if (!ime_pinyin::im_open_decoder(sys.constData(), "/nonexistent/kiosk-no-user-dictionary")) {
        g_decoderInUse = false;
        *error = QStringLiteral("pinyin dictionary could not be opened: %1").arg(dictionaryPath);
        return false;
    }
    ime_pinyin::im_set_max_lens(kMaxLetters, kMaxLetters);
    // Initials: "yb" finds 医保, and a lone initial such as "b" is a syllable of its own.
    ime_pinyin::im_enable_shm_as_szm(true);
    ime_pinyin::im_enable_ym_as_szm(true);
    m_open = true;
    qCInfo(lcPinyin) << "pinyin dictionary" << dictionaryPath;
    return true;
}

void PinyinEngine::close()
{
    if (!m_open)
        return;
    ime_pinyin::im_close_decoder();
    m_open = false;
    g_decoderInUse = false;
}

namespace {

// The candidates of the current step as the bar shows them: the decoder's own list
// without the entries it cannot spell out. Its first entry, the whole sentence, is
// absent for some runs of initials ("btltqyx"), and after a choice it begins with the
// part already chosen, which is cut off. Stops after `limit` entries.
QList<std::pair<size_t, QString>> shownCandidates(size_t count, size_t fixedLength, int limit)
{
    QList<std::pair<size_t, QString>> shown;
    for (size_t i = 0; i < count && shown.size() < limit; ++i) {
        QString c = candidate(i);
        if (i == 0 && fixedLength > 0)
            c = c.mid(qsizetype(fixedLength));
        if (!c.isEmpty())
            shown.append({i, c});
    }
    return shown;
}

} // namespace

PinyinState PinyinEngine::decode(const QString &letters, const QList<int> &choices, int limit) const
{
    PinyinState state;
    if (!m_open)
        return state;
    QByteArray input;
    for (QChar c : letters)
        if (c >= u'a' && c <= u'z' && input.size() < kMaxLetters)
            input.append(char(c.unicode()));
    ime_pinyin::im_reset_search();
    if (input.isEmpty())
        return state;
    size_t count = ime_pinyin::im_search(input.constData(), size_t(input.size()));
    // A choice is an index into what the bar showed at that step, which is not the
    // decoder's index where it skipped an entry; what was chosen is kept here, since
    // the decoder cannot always spell out its own fixed part afterwards.
    QString chosen;
    for (int choice : choices) {
        const auto shown = shownCandidates(count, ime_pinyin::im_get_fixed_len(), choice + 1);
        if (choice < 0 || choice >= shown.size())
            break; // a stale choice: show what the letters alone give
        count = ime_pinyin::im_choose(shown[choice].first);
        chosen += shown[choice].second;
    }

    // Syllable boundaries for the spelling line: "yi'bao".
    size_t decoded = 0;
    const char *sps = ime_pinyin::im_get_sps_str(&decoded);
    const ime_pinyin::uint16 *starts = nullptr;
    const size_t syllables = ime_pinyin::im_get_spl_start_pos(starts);
    const QString spelled = QString::fromLatin1(sps);
    for (size_t i = 0; i < syllables; ++i) {
        if (i > 0)
            state.spelling += u'\'';
        state.spelling += spelled.mid(starts[i], starts[i + 1] - starts[i]);
    }
    state.spelling += spelled.mid(syllables > 0 ? starts[syllables] : 0); // undecodable rest

    state.fixed = chosen;
    const size_t fixedLength = ime_pinyin::im_get_fixed_len();
    if (!chosen.isEmpty() && syllables > 0 && fixedLength >= syllables) {
        state.complete = true; // every syllable chosen: `fixed` is the text to commit
        return state;
    }
    for (const auto &c : shownCandidates(count, fixedLength, limit))
        state.candidates.append(c.second);
    return state;
}

QList<PinyinCandidate> mergeCandidates(const QStringList &catalogWords,
                                       const QStringList &engineWords)
{
    QList<PinyinCandidate> merged;
    QSet<QString> seen;
    for (const QString &w : catalogWords)
        if (!w.isEmpty() && !seen.contains(w)) {
            seen.insert(w);
            merged.append({w, -1});
        }
    for (int i = 0; i < engineWords.size(); ++i)
        if (!engineWords[i].isEmpty() && !seen.contains(engineWords[i])) {
            seen.insert(engineWords[i]);
            merged.append({engineWords[i], i});
        }
    return merged;
}

} // namespace kiosk
