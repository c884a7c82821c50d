#include "catalogsearch.h"
#include "cjktokenizer.h"
#include "sqlitedb.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cstring> // memmem (GNU)

namespace content {
namespace {

constexpr int kMaxQueryChars = 64;

// A non-owning view of the connection for the Statement helper.
Statement prepare(sqlite3 *db, const char *sql)
{
    return Statement(db, sql);
}

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

QStringList directSynonymsOf(sqlite3 *db, const QString &term)
{
    QStringList out;
    Statement s = prepare(db, "SELECT DISTINCT b.term FROM synonyms a JOIN synonyms b ON "
                              "a.group_id = b.group_id WHERE a.term = ?1 AND b.term <> ?1");
    s.bind(1, term);
    while (s.step())
        out << s.text(0);
    return out;
}

// A term's synonyms and theirs: an everyday word (办执照) joins its catalog term
// (营业执照) in a group of two, and that term brings its own group (企业设立登记).
QStringList synonymsOf(sqlite3 *db, const QString &term)
{
    QStringList out = directSynonymsOf(db, term);
    const QStringList direct = out;
    for (const QString &d : direct)
        for (const QString &t : directSynonymsOf(db, d))
            if (t != term && !out.contains(t))
                out << t;
    return out;
}

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
    out.reserve(text.size() + 32);
    bool open = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (marked[i] != open) {
            out += open ? QLatin1String("</b>") : QLatin1String("<b>");
            open = marked[i];
        }
        switch (text[i].unicode()) {
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '&': out += QLatin1String("&amp;"); break;
        case '"': out += QLatin1String("&quot;"); break;
        default: out += text[i];
        }
    }
    if (open)
        out += QLatin1String("</b>");
    return out;
}

// The first place any term occurs in text, or -1.
qsizetype firstIndex(const QString &text, const QStringList &terms, Qt::CaseSensitivity cs)
{
    qsizetype first = -1;
    for (const QString &t : terms) {
        const qsizetype at = t.isEmpty() ? -1 : text.indexOf(t, 0, cs);
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    return first;
}

// The terms as the snippet finder looks for them in stored UTF-8.
struct SnippetTerms
{
    explicit SnippetTerms(const QStringList &terms) : terms(terms)
    {
        for (const QString &t : terms) {
            if (t.isEmpty())
                continue;
            utf8 << t.toUtf8();
            for (const QChar c : t)
                caseMatters = caseMatters || (c.isLetter() && c.unicode() < 0x3000);
        }
    }
    QStringList terms;
    QList<QByteArray> utf8;
    bool caseMatters = false; // a Latin term: the text may write it in capitals
};

// Byte offset, in text, of n characters back from (n < 0) or on from byte `at`.
qsizetype stepChars(QByteArrayView text, qsizetype at, qsizetype n)
{
    auto isLead = [&text](qsizetype i) { return (uchar(text[i]) & 0xC0) != 0x80; };
    for (; n < 0 && at > 0; ++n)
        for (--at; at > 0 && !isLead(at); --at) {}
    for (; n > 0 && at < text.size(); --n)
        for (++at; at < text.size() && !isLead(at); ++at) {}
    return at;
}

// Byte offset of the first hit in a stored body, or -1. Most text holds the terms as
// written, found in the bytes without converting anything. Otherwise: a Latin term in
// other capitals anywhere; or Chinese written in traditional characters, looked for
// in the opening only (folding costs a table lookup per character, and the terms are
// often not in the body at all: a title hit).
constexpr qsizetype kFoldedPrefix = 600;

qsizetype firstHitByte(QByteArrayView body, const SnippetTerms &terms)
{
    qsizetype hit = -1;
    for (const QByteArray &t : terms.utf8) {
        const void *at = memmem(body.data(), size_t(body.size()), t.constData(), size_t(t.size()));
        const qsizetype offset = at ? static_cast<const char *>(at) - body.data() : -1;
        if (offset >= 0 && (hit < 0 || offset < hit))
            hit = offset;
    }
    if (hit >= 0)
        return hit;
    const QByteArrayView opening = body.first(stepChars(body, 0, kFoldedPrefix));
    const bool folds = foldingChanges(opening);
    if (!terms.caseMatters && !folds)
        return -1;
    const QString text = QString::fromUtf8(terms.caseMatters ? body : opening);
    qsizetype at = terms.caseMatters ? firstIndex(text, terms.terms, Qt::CaseInsensitive) : -1;
    if (at < 0 && folds)
        at = firstIndex(foldForSearch(text.left(kFoldedPrefix)), terms.terms, Qt::CaseSensitive);
    return at < 0 ? -1 : QStringView(text).left(at).toUtf8().size();
}

// About 90 characters of body from a little before its first hit, on one line,
// highlighted. Bodies are long and many: only the window is converted and flattened.
QString snippetAround(QByteArrayView body, const SnippetTerms &terms)
{
    constexpr qsizetype kBefore = 24, kLength = 90;
    const qsizetype hit = firstHitByte(body, terms);
    const qsizetype from = hit < 0 ? 0 : stepChars(body, hit, -kBefore);
    // Twice the length: line breaks and runs of spaces collapse when flattened.
    const qsizetype to = stepChars(body, from, 2 * kLength);
    const QString flat =
        QString::fromUtf8(body.sliced(from, to - from)).replace('\n', ' ').simplified();
    const bool more = flat.size() > kLength || to < body.size();
    return (from > 0 ? QStringLiteral("…") : QString()) + highlight(flat.left(kLength), terms.terms) +
           (more ? QStringLiteral("…") : QString());
}

} // namespace

double searchKindWeight(const QString &kind)
{
    static const QHash<QString, double> w = {
        {"guide", 1.3},           {"scenario", 1.3}, {"qa", 1.15},   {"policy", 1.0},
        {"interpretation", 0.95}, {"point", 1.0},    {"stage", 1.1}, {"gazette", 0.8}};
    return w.value(kind, 1.0);
}

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
            cur[j] = std::min(
                {prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
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

namespace {

// A row that matched: which item, which part of it, and how well (higher is better).
struct Candidate
{
    int section = 0;
    qint64 rowid = 0; // row of search_index, for the snippet
    double score = 0;
};

void keepBest(QHash<QString, Candidate> &best, const QString &id, const Candidate &c)
{
    const auto it = best.find(id);
    if (it == best.end() || it->score < c.score)
        best.insert(id, c);
}

// bm25 reads a term's whole doclist to weigh it, so its cost grows with the number of
// matching rows: a one-character query on a 100,000-item catalog would score tens of
// thousands. Rows are stored best first (see searchindexbuilder.cpp: kind, validity,
// recency, shortness), so the first kRankCap matches in rowid order are the strongest
// candidates. When a query matches fewer rows than that, bm25 ranks them all; when it
// matches more, those first kRankCap are kept and ranked by a cheap score instead.
constexpr int kRankCap = 240;

// How many rows match, up to kRankCap: rowids only, so FTS5 never reads the rows
// themselves (a probe that finds few rows is followed by a bm25 query that does).
// sql selects the rowids of at most ?2 rows matching ?1.
QList<qint64> probe(sqlite3 *db, const char *sql, const QString &match)
{
    QList<qint64> rowids;
    Statement s = prepare(db, sql);
    s.bind(1, match).bind(2, kRankCap);
    while (s.step())
        rowids.append(s.integer(0));
    return rowids;
}

bool capped(const QList<qint64> &rowids)
{
    return rowids.size() >= kRankCap;
}

// An item whose editors gave a searched term as one of its keywords, whole (个体户 for
// 个体工商户登记), is about that term; one whose keyword only contains it (个体户注销)
// is not. bm25 cannot tell them apart, so the whole keyword adds this much.
constexpr double kWholeKeyword = 5.0;

bool hasWholeKeyword(const QString &keywords, const QStringList &terms)
{
    for (const QString &k : keywords.split(u' ', Qt::SkipEmptyParts)) {
        const QString folded = foldForSearch(k);
        for (const QString &t : terms)
            if (folded == t)
                return true;
    }
    return false;
}

// Titles and keywords: small doclists, ranked by bm25 (title ≫ keywords) unless the
// query is too broad for that.
void matchTitles(sqlite3 *db, const QString &match, const QStringList &terms, int limit,
                 QHash<QString, Candidate> &best)
{
    const QList<qint64> rowids = probe(
        db, "SELECT rowid FROM search_titles WHERE search_titles MATCH ?1 LIMIT ?2", match);
    if (!capped(rowids)) {
        Statement s = prepare(db, "SELECT item_id, rowid, bm25(search_titles, 10.0, 3.0) AS r, "
                                  "keywords FROM search_titles WHERE search_titles MATCH ?1 "
                                  "ORDER BY r LIMIT 400");
        s.bind(1, match);
        while (s.step())
            keepBest(best, s.text(0),
                     {0, s.integer(1),
                      100.0 - s.real(2) + (hasWholeKeyword(s.text(3), terms) ? kWholeKeyword : 0.0)});
        return;
    }
    // Broad: a match in the title outranks one in the keywords only, shorter titles
    // (where the term is most of the title) first, then stored order. Only the best
    // twice the page size go on to be finished. (Title rows are short: reading them
    // in the scan costs less than looking each up again.)
    struct Scored
    {
        double score;
        qint64 rowid;
        QString itemId;
    };
    QList<Scored> scored;
    Statement s = prepare(db, "SELECT item_id, rowid, title, keywords FROM search_titles WHERE "
                              "search_titles MATCH ?1 LIMIT ?2");
    s.bind(1, match).bind(2, kRankCap);
    for (int i = 0; s.step(); ++i) {
        const QString t = s.text(2);
        bool inTitle = false;
        for (const QString &term : terms)
            inTitle = inTitle || t.contains(term, Qt::CaseInsensitive);
        scored.append({(inTitle ? 112.0 : 104.0) + (hasWholeKeyword(s.text(3), terms) ? kWholeKeyword : 0.0) -
                           0.1 * double(std::min<qsizetype>(t.size(), 60)) - 0.001 * i,
                       s.integer(1), s.text(0)});
    }
    std::sort(scored.begin(), scored.end(),
              [](const Scored &a, const Scored &b) { return a.score > b.score; });
    for (int k = 0; k < scored.size() && k < 2 * limit; ++k)
        keepBest(best, scored[k].itemId, {0, scored[k].rowid, scored[k].score});
}

// Bodies. Ranked by bm25 for selective queries; for broad ones (one or two
// characters, found in a large share of a big catalog) body-only matches come
// unranked, in stored order, after every title match.
void matchBodies(sqlite3 *db, const QString &match, bool ranked, int limit,
                 QHash<QString, Candidate> &best)
{
    // Item and section come from search_rows: read from search_index itself they
    // would walk each body's overflow pages.
    static const char *rowsSql = "SELECT r.item_id, s.rowid, r.section FROM search_index s "
                                 "JOIN search_rows r ON r.id = s.rowid WHERE search_index "
                                 "MATCH ?1 ORDER BY s.rowid LIMIT ?2";
    if (ranked) {
        const QList<qint64> rowids = probe(
            db, "SELECT rowid FROM search_index WHERE search_index MATCH ?1 LIMIT ?2", match);
        if (!capped(rowids)) {
            Statement s = prepare(db, "SELECT r.item_id, r.section, s.rowid, "
                                      "bm25(search_index, 12.0, 4.0, 1.0) AS b FROM "
                                      "search_index s JOIN search_rows r ON r.id = s.rowid "
                                      "WHERE search_index MATCH ?1 ORDER BY b LIMIT 400");
            s.bind(1, match);
            while (s.step())
                keepBest(best, s.text(0), {int(s.integer(1)), s.integer(2), -s.real(3)});
            return;
        }
        // Stored order already ranks by kind, validity and recency: a page's worth of
        // the first rows (twice over, for items matched in several sections) will do.
        Statement s = prepare(db, rowsSql);
        s.bind(1, match).bind(2, 2 * limit);
        for (int i = 0; s.step(); ++i)
            keepBest(best, s.text(0), {int(s.integer(2)), s.integer(1), 2.0 - 0.001 * i});
        return;
    }
    Statement s = prepare(db, rowsSql);
    s.bind(1, match).bind(2, limit * 3);
    while (s.step())
        if (!best.contains(s.text(0)))
            best.insert(s.text(0), {int(s.integer(2)), s.integer(1), 1.0});
}

// Turns candidates into hits: the kiosk's ordering rules over each candidate row's
// facts (search_rows), then titles (translated) and snippets for the hits shown.
void finishHits(sqlite3 *db, const QHash<QString, Candidate> &best, const QString &lang, int limit,
                SearchResults *results)
{
    QJsonArray rows;
    for (const Candidate &c : best)
        rows.append(c.rowid);
    Statement s = prepare(db, "SELECT id, item_id, kind, repealed, date FROM search_rows "
                              "WHERE id IN (SELECT value FROM json_each(?1))");
    s.bind(1, QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
    QList<QPair<SearchHit, qint64>> hits;
    while (s.step()) {
        const Candidate c = best.value(s.text(1));
        const bool repealed = s.integer(3) != 0;
        const QString date = s.text(4);
        // Recent items get up to 10 % more; repealed documents sink below valid ones.
        const double recency =
            date.size() >= 4 ? std::clamp((date.left(4).toInt() - 2015) / 100.0, 0.0, 0.1) : 0.0;
        SearchHit hit;
        hit.item = ItemRef{s.text(1), s.text(2), QString(), QString(), QString(), repealed};
        hit.section = c.section;
        hit.score =
            c.score * searchKindWeight(hit.item.kind) * (1.0 + recency) * (repealed ? 0.25 : 1.0);
        hits.append({hit, c.rowid});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto &a, const auto &b) {
        return a.first.score > b.first.score ||
               (a.first.score == b.first.score && a.first.item.id < b.first.item.id);
    });
    if (hits.size() > limit)
        hits.resize(limit);
    Statement title = prepare(
        db, "SELECT COALESCE((SELECT value FROM translations t WHERE t.item_id = i.id AND "
            "t.lang = ?2 AND t.field = 'title'), i.title) FROM items i WHERE i.id = ?1");
    Statement body = prepare(db, "SELECT title, body FROM search_index WHERE rowid = ?1");
    const SnippetTerms snippetTerms(results->terms);
    for (auto &[hit, rowid] : hits) {
        title.bind(1, hit.item.id).bind(2, lang);
        if (title.step())
            hit.item.title = title.text(0);
        title.reset();
        body.bind(1, rowid);
        if (body.step()) {
            if (hit.section > 0)
                hit.sectionHeading = body.text(0);
            hit.snippetHtml = snippetAround(body.utf8(1), snippetTerms);
        }
        body.reset();
        hit.titleHtml = highlight(hit.item.title, results->terms);
        results->hits.append(hit);
    }
}

// A query is broad when one of its terms is one or two Chinese characters.
bool isBroad(const QStringList &terms)
{
    for (const QString &t : terms)
        if (!t.isEmpty() && isCjk(t.at(0).unicode()) && t.size() <= 2)
            return true;
    return false;
}

void runMatch(sqlite3 *db, const QString &match, const QString &lang, int limit, bool ranked,
              SearchResults *out)
{
    QHash<QString, Candidate> best;
    matchTitles(db, match, out->terms, limit, best);
    if (best.size() < limit || ranked)
        matchBodies(db, match, ranked, limit, best);
    finishHits(db, best, lang, limit, out);
}

} // namespace

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
            // Few readings: every extra word dilutes the ranking of the likely one. Two
            // letters are read one way only, the catalog's most used (yb: 医保, not also
            // 一般注销); the keyboard offers the other words to pick.
            const int readings = part.size() <= 2 ? 1 : part.size() <= 3 ? 2 : 4;
            const QStringList words = pinyinCandidates(db, part, readings);
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
    const bool ranked = !isBroad(results.terms);
    runMatch(db, clauses.join(QStringLiteral(" AND ")), lang, limit, ranked, &results);
    if (results.hits.isEmpty() && clauses.size() > 1) {
        // Nothing has every word: show what has some of them.
        results.relaxed = true;
        runMatch(db, clauses.join(QStringLiteral(" OR ")), lang, limit, false, &results);
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
            runMatch(db, pairs.join(QStringLiteral(" OR ")), lang, limit, false, &results);
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
            runMatch(db, chars.join(QStringLiteral(" OR ")), lang, limit, false, &results);
        }
    }
    return results;
}

} // namespace content
