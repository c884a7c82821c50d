#include "catalogsearch.h"
#include "cjktokenizer.h"
#include "sqlitedb.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace content {
namespace {

constexpr int kMaxQueryChars = 64;

// A non-owning view of the connection for the Statement helper.
Statement prepare(sqlite3 *db, const char *sql) { return Statement(db, sql); }

bool isLatinOnly(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z ]+$"));
    return re.match(s).hasMatch();
}

// Splits a folded query into terms: runs of Chinese, runs of Latin letters/digits.
QStringList splitTerms(const QString &folded)
{
    QStringList terms;
    QString current;
    int currentClass = 0; // 1 = Chinese, 2 = Latin/digit
    for (const char32_t c : folded.toUcs4()) {
        const int cls = isCjk(c) ? 1 : ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? 2 : 0;
        if (cls != currentClass && !current.isEmpty()) {
            terms << current;
            current.clear();
        }
        currentClass = cls;
        if (cls)
            current.append(QString::fromUcs4(&c, 1));
    }
    if (!current.isEmpty())
        terms << current;
    return terms;
}

QString quoted(const QString &term)
{
    QString t = term;
    t.replace('"', QStringLiteral("\"\""));
    return '"' + t + '"';
}

QStringList synonymsOf(sqlite3 *db, const QString &term)
{
    QStringList out;
    Statement s = prepare(db, "SELECT DISTINCT b.term FROM synonyms a JOIN synonyms b ON "
                              "a.group_id = b.group_id WHERE a.term = ?1 AND b.term <> ?1");
    s.bind(1, term);
    while (s.step())
        out << s.text(0);
    return out;
}

double kindWeight(const QString &kind)
{
    static const QHash<QString, double> w = {
        {"guide", 1.3}, {"scenario", 1.3}, {"qa", 1.15}, {"policy", 1.0},
        {"interpretation", 0.95}, {"point", 1.0}, {"stage", 1.1}, {"gazette", 0.8}};
    return w.value(kind, 1.0);
}

QString escapeHtml(const QString &s) { return s.toHtmlEscaped(); }

// Marks every character of text covered by a term; adjacent marks merge into one
// highlighted run.
QString highlight(const QString &text, const QStringList &terms)
{
    const QString folded = foldForSearch(text);
    QVector<bool> marked(text.size(), false);
    for (const QString &t : terms) {
        if (t.isEmpty())
            continue;
        for (qsizetype at = folded.indexOf(t); at >= 0; at = folded.indexOf(t, at + 1))
            for (qsizetype i = at; i < at + t.size() && i < marked.size(); ++i)
                marked[i] = true;
    }
    QString out;
    bool open = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (marked[i] && !open) {
            out += QStringLiteral("<b>");
            open = true;
        } else if (!marked[i] && open) {
            out += QStringLiteral("</b>");
            open = false;
        }
        out += escapeHtml(QString(text[i]));
    }
    if (open)
        out += QStringLiteral("</b>");
    return out;
}

QString snippetAround(const QString &body, const QStringList &terms)
{
    const QString flat = QString(body).replace('\n', ' ').simplified();
    const QString folded = foldForSearch(flat);
    qsizetype first = -1;
    for (const QString &t : terms) {
        const qsizetype at = folded.indexOf(t);
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    const qsizetype start = std::max<qsizetype>(0, first - 24);
    QString cut = flat.mid(start, 90);
    return (start > 0 ? QStringLiteral("…") : QString()) + highlight(cut, terms) +
           (start + 90 < flat.size() ? QStringLiteral("…") : QString());
}

} // namespace

QString cleanQuery(const QString &raw)
{
    QString out;
    for (const QChar c : raw) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            out += ' ';
        else
            out += c;
    }
    out = out.simplified();
    if (out.size() > kMaxQueryChars)
        out = out.left(kMaxQueryChars);
    return out;
}

// Levenshtein distance, stopping early once it exceeds max.
static int editDistance(const QString &a, const QString &b, int max)
{
    if (std::abs(int(a.size()) - int(b.size())) > max)
        return max + 1;
    QVector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= b.size(); ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1,
                               prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            rowMin = std::min(rowMin, cur[j]);
        }
        if (rowMin > max)
            return max + 1;
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// For a mistyped pinyin (yibso), catalog words one keystroke away.
static QStringList nearPinyin(sqlite3 *db, const QString &q, int limit)
{
    QList<QPair<int, QString>> scored;
    Statement s = Statement(db, "SELECT word, full, MAX(weight) FROM pinyin_lexicon "
                                "WHERE length(full) BETWEEN length(?1) - 1 AND length(?1) + 1 "
                                "GROUP BY word, full");
    s.bind(1, q);
    while (s.step())
        if (editDistance(q, s.text(1), 1) <= 1)
            scored.append({-int(s.integer(2)), s.text(0)});
    std::sort(scored.begin(), scored.end());
    QStringList out;
    for (const auto &p : scored)
        if (!out.contains(p.second) && out.size() < limit)
            out << p.second;
    return out;
}

QStringList pinyinCandidates(sqlite3 *db, const QString &latin, int limit)
{
    QString q = latin.toLower();
    q.remove(' ');
    if (q.isEmpty())
        return {};
    // Whole pinyin or initials first, then words the input begins.
    Statement s = prepare(
        db, "SELECT word, MAX(weight) + CASE WHEN MIN(exact) THEN 0 ELSE 1000 END AS w FROM ("
            " SELECT word, weight, full = ?1 OR initials = ?1 AS exact FROM pinyin_lexicon "
            "  WHERE full = ?1 OR initials = ?1 "
            " UNION ALL SELECT word, weight, 0 FROM pinyin_lexicon "
            "  WHERE full > ?1 AND full < ?1 || '{' "
            " UNION ALL SELECT word, weight, 0 FROM pinyin_lexicon "
            "  WHERE length(?1) >= 2 AND initials > ?1 AND initials < ?1 || '{') "
            "GROUP BY word ORDER BY MAX(exact) DESC, MAX(weight) DESC, length(word) LIMIT ?2");
    s.bind(1, q).bind(2, limit);
    QStringList out;
    while (s.step())
        out << s.text(0);
    if (out.isEmpty() && q.size() >= 4)
        out = nearPinyin(db, q, limit);
    return out;
}

QStringList hotSearches(sqlite3 *db)
{
    QStringList out;
    Statement s = prepare(db, "SELECT term FROM hot_searches ORDER BY ord");
    while (s.step())
        out << s.text(0);
    return out;
}

// Runs one MATCH expression and keeps each item's best-scoring row.
static void runMatch(sqlite3 *db, const QString &match, const QString &lang,
                     SearchResults *out)
{
    SearchResults &results = *out;

    // Title ≫ keywords > body. bm25 is negative: more negative is better.
    Statement s = prepare(
        db,
        "SELECT f.item_id, f.section, bm25(search_index, 12.0, 4.0, 1.0) AS rank, f.title, "
        " f.body, i.kind, "
        " COALESCE((SELECT value FROM translations t WHERE t.item_id=i.id AND t.lang=?2 AND "
        "  t.field='title'), i.title), "
        " CASE i.kind WHEN 'policy' THEN (SELECT p.validity <> '有效' FROM policies p WHERE "
        "  p.id=i.id) WHEN 'guide' THEN (SELECT g.repealed IS NOT NULL FROM guides g WHERE "
        "  g.id=i.id) ELSE 0 END, "
        " COALESCE((SELECT published FROM policies p WHERE p.id=i.id), "
        "  (SELECT updated FROM guides g WHERE g.id=i.id), "
        "  (SELECT updated FROM qa q WHERE q.id=i.id), "
        "  (SELECT published FROM gazette_issues gi WHERE gi.id=i.id), '') "
        "FROM search_index f JOIN items i ON i.id = f.item_id "
        "WHERE search_index MATCH ?1 ORDER BY rank LIMIT 2000");
    s.bind(1, match).bind(2, lang);
    QHash<QString, int> best;
    while (s.step()) {
        const QString id = s.text(0);
        const bool repealed = s.integer(7) != 0;
        const QString date = s.text(8);
        // Recent items get up to 10 % more; repealed documents sink below valid ones.
        const double recency = date.size() >= 4 ? std::clamp((date.left(4).toInt() - 2015) / 100.0, 0.0, 0.1) : 0.0;
        const double score = -s.real(2) * kindWeight(s.text(5)) * (1.0 + recency) *
                             (repealed ? 0.25 : 1.0);
        const auto it = best.constFind(id);
        if (it != best.cend() && results.hits[*it].score >= score)
            continue;
        SearchHit hit;
        hit.item = ItemRef{id, s.text(5), s.text(6), QString(), QString(), repealed};
        hit.section = int(s.integer(1));
        hit.sectionHeading = hit.section > 0 ? s.text(3) : QString();
        hit.snippetHtml = snippetAround(s.text(4), results.terms);
        hit.score = score;
        if (it != best.cend()) {
            results.hits[*it] = hit;
        } else {
            best.insert(id, int(results.hits.size()));
            results.hits.append(hit);
        }
    }
}

SearchResults searchCatalog(sqlite3 *db, const QString &rawQuery, const QString &lang, int limit)
{
    SearchResults results;
    results.query = cleanQuery(rawQuery);
    const QString folded = foldForSearch(results.query);
    const QStringList parts = splitTerms(folded);
    if (parts.isEmpty())
        return results;

    // Each part becomes an OR of its alternatives; parts are AND-ed.
    QStringList clauses;
    for (const QString &part : parts) {
        QStringList alternatives{part};
        alternatives += synonymsOf(db, part);
        if (isLatinOnly(part) && part.size() >= 2) {
            // Few readings: every extra word dilutes the ranking of the likely one.
            const QStringList words = pinyinCandidates(db, part, part.size() <= 3 ? 2 : 4);
            results.pinyinWords += words;
            for (const QString &w : words)
                alternatives += QStringList{w} + synonymsOf(db, w);
        }
        alternatives.removeDuplicates();
        results.terms += alternatives;
        QStringList quotedAlternatives;
        for (const QString &a : alternatives)
            quotedAlternatives << quoted(a);
        clauses << '(' + quotedAlternatives.join(QStringLiteral(" OR ")) + ')';
    }
    results.terms.removeDuplicates();
    runMatch(db, clauses.join(QStringLiteral(" AND ")), lang, &results);
    if (results.hits.isEmpty() && clauses.size() > 1) {
        // Nothing has every word: show what has some of them.
        results.relaxed = true;
        runMatch(db, clauses.join(QStringLiteral(" OR ")), lang, &results);
    }
    if (results.hits.isEmpty()) {
        // A long pasted sentence: rank by how many of its character pairs occur.
        QStringList pairs;
        for (const QString &part : parts)
            for (qsizetype i = 0; i + 1 < part.size() && pairs.size() < 32; ++i)
                if (isCjk(part[i].unicode()) && isCjk(part[i + 1].unicode()))
                    pairs << quoted(part.mid(i, 2));
        pairs.removeDuplicates();
        if (pairs.size() > 1) {
            results.relaxed = true;
            runMatch(db, pairs.join(QStringLiteral(" OR ")), lang, &results);
        }
    }
    if (results.hits.isEmpty()) {
        // Last resort for odd pastes (one character repeated): its characters.
        QStringList chars;
        for (const QString &part : parts)
            for (const QChar c : part)
                if (isCjk(c.unicode()) && chars.size() < 16)
                    chars << quoted(QString(c));
        chars.removeDuplicates();
        if (!chars.isEmpty()) {
            results.relaxed = true;
            runMatch(db, chars.join(QStringLiteral(" OR ")), lang, &results);
        }
    }
    std::stable_sort(results.hits.begin(), results.hits.end(),
                     [](const SearchHit &a, const SearchHit &b) { return a.score > b.score; });
    if (results.hits.size() > limit)
        results.hits.resize(limit);
    for (SearchHit &h : results.hits)
        h.titleHtml = highlight(h.item.title, results.terms);
    return results;
}

} // namespace content
