#include "pinyininput.h"
#include "inputengines.h"

namespace kiosk {

namespace {
struct Decoded {
    PinyinState state;
    bool available = false;
};
} // namespace

PinyinInput::PinyinInput(QObject *parent) : CatalogViewModel(parent) {}

QStringList PinyinInput::allCandidates() const
{
    QStringList out;
    for (const PinyinCandidate &c : m_all)
        out.append(c.text);
    return out;
}

QStringList PinyinInput::candidates() const
{
    QStringList out;
    for (const PinyinCandidate &c : m_all.mid(pageStart(), m_pageSize))
        out.append(c.text);
    return out;
}

QList<bool> PinyinInput::fromCatalog() const
{
    QList<bool> out;
    for (const PinyinCandidate &c : m_all.mid(pageStart(), m_pageSize))
        out.append(c.engineIndex < 0);
    return out;
}

void PinyinInput::setPageSize(int size)
{
    size = std::max(1, size);
    if (size == m_pageSize)
        return;
    m_pageSize = size;
    m_pageStarts = {0};
    emit changed();
}

void PinyinInput::type(const QString &letter)
{
    const QString l = letter.toLower();
    if (l.size() != 1 || l[0] < u'a' || l[0] > u'z' || m_letters.size() >= PinyinEngine::kMaxLetters)
        return;
    m_letters += l;
    m_choices.clear();
    refresh();
}

bool PinyinInput::backspace()
{
    if (!m_choices.isEmpty())
        m_choices.removeLast();
    else if (!m_letters.isEmpty())
        m_letters.chop(1);
    else
        return false;
    refresh();
    return true;
}

void PinyinInput::choose(int indexOnPage)
{
    const int index = pageStart() + indexOnPage;
    if (indexOnPage < 0 || indexOnPage >= m_pageSize || index >= m_all.size())
        return;
    if (m_publishedSerial != m_serial) {
        // The bar still shows the candidates of fewer letters (a fast finger, or space
        // right after a letter): take the same word, or the same place, once the
        // answer for all the letters is in.
        m_deferredText = m_all[index].text;
        m_deferredIndex = indexOnPage;
        return;
    }
    const PinyinCandidate c = m_all[index];
    if (c.engineIndex < 0) {
        // A catalog word stands for the whole input.
        reset();
        emit committed(c.text);
        return;
    }
    m_choices.append(c.engineIndex);
    refresh();
}

void PinyinInput::nextPage(int shown)
{
    const int next = pageStart() + (shown > 0 ? std::min(shown, m_pageSize) : m_pageSize);
    if (next < m_all.size()) {
        m_pageStarts.append(next);
        emit changed();
    }
}

void PinyinInput::previousPage()
{
    if (m_pageStarts.size() > 1) {
        m_pageStarts.removeLast();
        emit changed();
    }
}

void PinyinInput::reset()
{
    m_publishedSerial = ++m_serial; // answers still on their way are stale
    m_deferredIndex = -1;
    m_letters.clear();
    m_choices.clear();
    m_state = {};
    m_all.clear();
    m_pageStarts = {0};
    emit changed();
}

void PinyinInput::refresh()
{
    const int serial = ++m_serial;
    if (m_letters.isEmpty()) {
        m_publishedSerial = serial;
        m_deferredIndex = -1;
        m_state = {};
        m_all.clear();
        m_pageStarts = {0};
        emit changed();
        return;
    }
    const QString letters = m_letters;
    const QList<int> choices = m_choices;
    auto withCatalog = [this, serial, letters](const PinyinState &state) {
        CatalogService *catalog = CatalogService::instance();
        if (!state.fixed.isEmpty() || !catalog || !catalog->ready()) {
            publish(serial, state, {});
            return;
        }
        fetch([letters](const content::CatalogStore &s) {
                  return s.pinyinCandidates(letters, kCatalogCandidates);
              },
              [this, serial, state](const QStringList &words) {
                  if (serial == m_serial)
                      publish(serial, state, words);
              });
    };
    InputEngines *engines = InputEngines::instance();
    if (!engines) {
        m_available = false;
        withCatalog(PinyinState{letters, {}, {}, false});
        return;
    }
    engines->run(
        this,
        [letters, choices](InputEngineSet &set) {
            Decoded d;
            if (const PinyinEngine *e = set.pinyin()) {
                d.available = true;
                d.state = e->decode(letters, choices, kEngineCandidates);
            } else {
                d.state.spelling = letters;
            }
            return d;
        },
        [this, serial, withCatalog](const Decoded &d) {
            if (serial != m_serial)
                return;
            m_available = d.available;
            if (d.state.complete) {
                const QString text = d.state.fixed;
                reset();
                emit committed(text);
                return;
            }
            withCatalog(d.state);
        });
}

void PinyinInput::publish(int serial, const PinyinState &state, const QStringList &catalogWords)
{
    m_publishedSerial = serial;
    const QList<PinyinCandidate> all = mergeCandidates(catalogWords, state.candidates);
    // The same answer again (a reload) must not rebuild the bar under a finger.
    if (all != m_all || state.spelling != m_state.spelling || state.fixed != m_state.fixed) {
        m_state = state;
        m_all = all;
        m_pageStarts = {0};
        emit changed();
    }
    emit candidatesReady();
    if (m_deferredIndex >= 0) {
        const QStringList page = candidates();
        const int index = page.contains(m_deferredText) ? int(page.indexOf(m_deferredText))
                                                         : m_deferredIndex;
        m_deferredIndex = -1;
        choose(index);
    }
}

} // namespace kiosk
