#include "searchindexbuilder.h"
#include "catalogschema.h"
#include "catalogsearch.h"
#include "cjktokenizer.h"
#include "pinyinlexicon.h"
#include "sqlitedb.h"

#include <QRegularExpression>

namespace content {
namespace {

// Short, identifying words of an item, indexed with more weight than its body.
QStringList keywordsOf(const ItemRecord &r)
{
    QStringList k = r.keywords + r.tags;
    for (const char *field : {"agency", "type", "doc_no", "district", "category", "address"})
        if (!r.text.value(field).isEmpty())
            k << r.text.value(field);
    k += r.topics;
    for (const MaterialRecord &m : r.materials)
        k << m.name;
    // Translated titles, so an English query finds the item too.
    for (const TranslationRecord &t : r.translations)
        k << t.fields.value(QStringLiteral("title"));
    return k;
}

QString guideBody(const ItemRecord &r)
{
    QStringList parts{r.summary, r.eligibility.plainText};
    for (const StepRecord &s : r.steps)
        parts << s.name + QStringLiteral("：") + s.description;
    parts << r.text.value("place") << r.text.value("fee.standard") << r.body.plainText;
    return parts.join('\n');
}

bool isLong(const ItemRecord &r)
{
    return (r.kind == QLatin1String("policy") || r.kind == QLatin1String("gazette")) &&
           r.body.sections.size() > 1;
}

// What ranking needs to know of an item besides its text.
struct RankFacts
{
    double kind;
    bool repealed;
    QString date;
    qsizetype titleLength;
    const ItemRecord *item;
};

// The order rows are stored in, best first: broad queries on a large catalog take
// the first matches in rowid order rather than ranking every match (catalogsearch.cpp).
// Kind first, then valid before repealed, newer before older, shorter titles first.
QList<RankFacts> bestFirst(const CatalogRecords &records)
{
    QList<RankFacts> keys;
    for (const ItemRecord &r : records.items) {
        const QString validity = r.text.value(QStringLiteral("validity"));
        const bool repealed = (!validity.isEmpty() && validity != QStringLiteral("有效")) ||
                              !r.text.value(QStringLiteral("repealed")).isEmpty();
        QString date = r.text.value(QStringLiteral("published"));
        if (date.isEmpty())
            date = r.text.value(QStringLiteral("updated"));
        keys.append({searchKindWeight(r.kind), repealed, date, r.title.size(), &r});
    }
    std::stable_sort(keys.begin(), keys.end(), [](const RankFacts &a, const RankFacts &b) {
        if (a.kind != b.kind)
            return a.kind > b.kind;
        if (a.repealed != b.repealed)
            return !a.repealed;
        if (a.date != b.date)
            return a.date > b.date;
        return a.titleLength < b.titleLength;
    });
    return keys;
}

void insertRows(SqliteDb &db, const CatalogRecords &records)
{
    Statement ins = db.prepare(
        "INSERT INTO search_index(title, keywords, body, item_id, section) VALUES (?,?,?,?,?)");
    Statement titles =
        db.prepare("INSERT INTO search_titles(rowid, title, keywords, item_id) VALUES (?,?,?,?)");
    Statement facts = db.prepare("INSERT INTO search_rows(id, item_id, section, kind, repealed, "
                                 "date) VALUES (?,?,?,?,?,?)");
    auto insert = [&](const RankFacts &f, const QString &title, const QString &keywords,
                      const QString &body, int section) {
        const ItemRecord &r = *f.item;
        ins.bind(1, title).bind(2, keywords).bind(3, body).bind(4, r.id).bind(5, section);
        ins.run();
        const qint64 row = sqlite3_last_insert_rowid(db.handle());
        facts.bind(1, row).bind(2, r.id).bind(3, section).bind(4, r.kind);
        facts.bind(5, f.repealed).bind(6, f.date);
        facts.run();
        return row;
    };
    // Section-0 rows first, in best-first order, so broad queries meet the strongest
    // items before any later section of a long document.
    const QList<RankFacts> ordered = bestFirst(records);
    QList<const RankFacts *> longOnes;
    for (const RankFacts &f : ordered) {
        const ItemRecord &r = *f.item;
        const QString keywords = keywordsOf(r).join(' ');
        // Row 0: the item as a whole (for long bodies: with its opening text only).
        QString body;
        if (r.kind == QLatin1String("guide"))
            body = guideBody(r);
        else if (isLong(r))
            body = QStringList{r.summary, r.body.sections[0].heading, r.body.sections[0].text}.join(
                '\n');
        else
            body = QStringList{r.summary, r.body.plainText}.join('\n');
        const qint64 row = insert(f, r.title, keywords, body, 0);
        titles.bind(1, row).bind(2, r.title).bind(3, keywords).bind(4, r.id);
        titles.run();
        if (isLong(r))
            longOnes.append(&f);
    }
    // Then one row per later section of a long policy or gazette issue.
    for (const RankFacts *f : longOnes) {
        const QList<BodySection> &sections = f->item->body.sections;
        for (int i = 1; i < sections.size(); ++i)
            insert(*f, sections[i].heading, QString(), sections[i].text, i);
    }
    db.exec("INSERT INTO search_index(search_index) VALUES('optimize');"
            "INSERT INTO search_titles(search_titles) VALUES('optimize');");
}

void insertSynonyms(SqliteDb &db, const CatalogRecords &records)
{
    Statement syn = db.prepare("INSERT INTO synonyms(term, group_id) VALUES (?,?)");
    int group = 0;
    for (const QStringList &g : records.synonymGroups) {
        ++group;
        for (const QString &term : g) {
            syn.bind(1, foldForSearch(term)).bind(2, group);
            syn.run();
        }
    }
    // A colloquial word joins a group of its own with its catalog term.
    for (const auto &pair : records.colloquial) {
        ++group;
        syn.bind(1, foldForSearch(pair.first)).bind(2, group);
        syn.run();
        syn.bind(1, foldForSearch(pair.second)).bind(2, group);
        syn.run();
    }
    Statement hot = db.prepare("INSERT INTO hot_searches(ord, term) VALUES (?,?)");
    for (int i = 0; i < records.hotSearches.size(); ++i) {
        hot.bind(1, i).bind(2, records.hotSearches[i]);
        hot.run();
    }
}

void insertLexicon(SqliteDb &db, const CatalogRecords &records, const PinyinDictionary &dict)
{
    static const QRegularExpression chinese(QStringLiteral("^[\\x{3400}-\\x{9fff}]{1,12}$"));
    QHash<QString, int> words;
    auto add = [&](const QString &w) {
        const QString t = w.trimmed();
        if (chinese.match(t).hasMatch())
            words[t] += 1;
    };
    for (const ItemRecord &r : records.items) {
        add(r.title);
        for (const QString &w : dict.wordsIn(r.title))
            add(w);
        for (const QString &k : r.keywords + r.tags)
            add(k);
    }
    for (const QStringList &g : records.synonymGroups)
        for (const QString &t : g)
            add(t);
    for (const auto &pair : records.colloquial) {
        add(pair.first);
        add(pair.second);
    }
    for (const QString &h : records.hotSearches)
        words[h.trimmed()] += 100; // hot words lead the candidates
    Statement ins =
        db.prepare("INSERT INTO pinyin_lexicon(word, full, initials, weight) VALUES (?,?,?,?)");
    for (const PinyinEntry &e : buildPinyinLexicon(words, dict)) {
        ins.bind(1, e.word).bind(2, e.full).bind(3, e.initials).bind(4, e.weight);
        ins.run();
    }
}

} // namespace

void writeSearchIndex(SqliteDb &db, const CatalogRecords &records, const PinyinDictionary &dict)
{
    QString error;
    if (!registerCjkTokenizer(db.handle(), &error))
        throw SqliteError(error.toStdString());
    db.exec(searchIndexSql());
    db.exec(searchRowsSql());
    insertRows(db, records);
    insertSynonyms(db, records);
    insertLexicon(db, records, dict);
}

} // namespace content
