// CatalogSearch: answers a resident's query against a catalog's search index.
// Chinese text goes through the kiosk_cjk index (1, 2 and n characters each use it),
// Latin letters are also tried as pinyin or initials of catalog words, synonyms and
// colloquial words are expanded, and results are ranked by bm25 with column weights,
// then by kind, validity (repealed documents sink) and recency.
#pragma once

#include "catalogitems.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <sqlite3.h>

namespace content {

struct SearchHit
{
    ItemRef item;
    QString titleHtml;      // escaped title with matches in <b>…</b>
    int section = 0;        // 0 = the item as a whole, else a section of its body
    QString sectionHeading; // where in a long document the hit is
    QString snippetHtml;    // escaped text around the hit, matches in <b>…</b>
    double score = 0;       // higher is better
};

struct SearchResults
{
    QString query;           // the query as understood (cleaned)
    QStringList terms;       // every Chinese or Latin term searched, after expansion
    QStringList pinyinWords; // catalog words the Latin input was read as
    QList<SearchHit> hits;   // best first
    bool relaxed = false;    // nothing matched every word; these match some of them
};

// Removes what cannot be part of a query (control characters, FTS syntax is
// harmless anyway because every term is quoted) and caps the length.
QString cleanQuery(const QString &raw);

SearchResults searchCatalog(sqlite3 *db, const QString &rawQuery, const QString &lang,
                            int limit = 60);
// Catalog words for Latin input (pinyin or initials), most used first.
QStringList pinyinCandidates(sqlite3 *db, const QString &latin, int limit = 8);
QStringList hotSearches(sqlite3 *db);

// How much an item's kind counts in ranking (guides and 一件事 lead, gazette issues trail).
double searchKindWeight(const QString &kind);

} // namespace content
