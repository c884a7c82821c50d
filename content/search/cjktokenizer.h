// The kiosk's FTS5 tokenizer ("kiosk_cjk"). Stock SQLite cannot search Chinese:
// unicode61 treats a run of Chinese characters as one token and trigram cannot
// match one or two characters. This tokenizer indexes every Chinese character, every
// overlapping pair and every overlapping triple of characters (pair and triple
// colocated with their first character, so phrases of them stay consecutive), and
// Latin letters and digits as lower-cased words. Text is folded first: full-width to
// half-width, traditional to simplified (OpenCC), upper to lower case.
//
// Queries are tokenized differently: one character → that character; two → the
// pair; three or more → the overlapping triples only, so "医疗保险" becomes the phrase
// 医疗保 疗保险. Every query length is answered from one or a few doclists. Triples
// rather than the pairs search.md sketches: a phrase of pairs such as 民基 基本 本人
// walks the long doclists of common pairs (18 ms at the 95th percentile on 200
// million characters); triples are selective (docs/PERFORMANCE.md).
#pragma once

#include <QByteArrayView>
#include <QString>
#include <sqlite3.h>

namespace content {

inline constexpr const char *kCjkTokenizerName = "kiosk_cjk";

// Registers the tokenizer on a connection; must be called before the search index
// is created or queried. Returns false (with SQLite's message) if FTS5 is missing.
bool registerCjkTokenizer(sqlite3 *db, QString *error = nullptr);

// Folding applied to indexed text and queries alike (exposed for tests and for
// highlighting): full-width → half-width, traditional → simplified, lower case. The
// result has the same length as text, position for position.
QString foldForSearch(const QString &text);
// Whether folding would change a letter, digit or Chinese character of UTF-8 text
// (cheaper than converting and folding it; punctuation is ignored, as it never belongs
// to a term).
bool foldingChanges(QByteArrayView utf8);
bool isCjk(char32_t c);

} // namespace content
