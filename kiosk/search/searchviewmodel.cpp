#include "searchviewmodel.h"
#include "usagelog.h"

#include <QRegularExpression>
#include <utility>

namespace kiosk {

namespace {

struct SearchData {
    content::SearchResults results;
    QStringList candidates;
    QStringList hot;
    QList<content::Stage> stages;
};

// The Latin letters at the end of the query: pinyin still being typed.
QString trailingLatin(const QString &q)
{
    static const QRegularExpression re(QStringLiteral("[A-Za-z]+$"));
    const auto m = re.match(q);
    return m.hasMatch() ? m.captured(0) : QString();
}

// Result groups in the order residents need them: do it, read it, ask it.
const QStringList kGroupOrder = {"guide", "scenario", "policy", "interpretation", "qa",
                                 "gazette", "point", "stage"};

} // namespace

SearchViewModel::SearchViewModel(QObject *parent) : CatalogViewModel(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchViewModel::runSearch);
    scheduleReload();
}

SearchViewModel::~SearchViewModel() { logPending(false); }

void SearchViewModel::setQuery(const QString &q)
{
    if (q == m_query)
        return;
    m_query = q.left(64);
    m_limit = kPage; // a new query starts at its first page
    emit queryChanged();
    m_debounce.start();
}

void SearchViewModel::append(const QString &text) { setQuery(m_query + text); }

void SearchViewModel::showMore()
{
    if (!m_more || m_debounce.isActive())
        return;
    m_limit += kPage;
    m_extending = true;
    runSearch();
}

void SearchViewModel::backspace()
{
    if (!m_query.isEmpty())
        setQuery(m_query.chopped(1));
}

void SearchViewModel::clear() { setQuery(QString()); }

void SearchViewModel::pickCandidate(const QString &word)
{
    const QString latin = trailingLatin(m_query);
    setQuery(m_query.left(m_query.size() - latin.size()) + word);
}

void SearchViewModel::opened(const QString &itemId)
{
    Q_UNUSED(itemId)
    logPending(true);
}

void SearchViewModel::logPending(bool opened)
{
    if (m_pendingQuery.isEmpty())
        return;
    if (UsageLog *log = UsageLog::instance())
        log->recordSearch(m_pendingQuery, m_pendingCount, opened);
    m_pendingQuery.clear();
}

void SearchViewModel::reload()
{
    // Language or catalog changed: refresh hot searches and the current results.
    runSearch();
}

void SearchViewModel::runSearch()
{
    const QString query = m_query.trimmed();
    const QString lang = language();
    const QString latin = trailingLatin(query);
    const int limit = m_limit;
    const bool extending = std::exchange(m_extending, false);
    fetch(
        [query, lang, latin, limit](const content::CatalogStore &s) {
            SearchData d;
            d.hot = s.hotSearches();
            if (!query.isEmpty())
                d.results = s.search(query, lang, limit + 1); // one more: are there more?
            if (!latin.isEmpty())
                d.candidates = s.pinyinCandidates(latin, 8);
            if (!query.isEmpty() && d.results.hits.isEmpty())
                d.stages = s.stages(QStringLiteral("person"), lang);
            return d;
        },
        [this, query, limit, extending](SearchData d) {
            // The previous query was left without opening a result.
            if (!m_pendingQuery.isEmpty() && !query.startsWith(m_pendingQuery))
                logPending(false);
            m_more = d.results.hits.size() > limit;
            if (m_more)
                d.results.hits.resize(limit);
            m_extended = extending;
            m_groups.clear();
            QHash<QString, QVariantList> byKind;
            for (const content::SearchHit &h : d.results.hits)
                byKind[h.item.kind].append(QVariantMap{
                    {"itemId", h.item.id},
                    {"kind", h.item.kind},
                    {"title", h.item.title},
                    {"titleHtml", h.titleHtml},
                    {"snippetHtml", h.snippetHtml},
                    {"sectionHeading", h.sectionHeading},
                    {"repealed", h.item.repealed}});
            for (const QString &kind : kGroupOrder)
                if (byKind.contains(kind))
                    m_groups.append(QVariantMap{{"kind", kind},
                                                {"labelKey", QStringLiteral("search.kind.") + kind},
                                                {"items", byKind.value(kind)}});
            m_total = int(d.results.hits.size());
            m_relaxed = d.results.relaxed;
            m_candidates = d.candidates;
            m_tried = d.results.terms;
            m_searched = !query.isEmpty();
            QVariantList stages;
            for (const auto &st : d.stages)
                stages.append(QVariantMap{{"itemId", st.id}, {"title", st.title}});
            if (d.hot != m_hot || stages != m_stages) {
                m_hot = d.hot;
                m_stages = stages;
                emit hotSearchesChanged();
            }
            if (!query.isEmpty()) {
                m_pendingQuery = query;
                m_pendingCount = m_total;
            }
            emit resultsChanged();
        });
}

} // namespace kiosk
