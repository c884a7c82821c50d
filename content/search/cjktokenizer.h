// The kiosk's FTS5 tokenizer ("kiosk_cjk"). Stock SQLite cannot search Chinese:
// unicode61 treats a run of Chinese characters as one token and trigram cannot
// match one or two characters. This tokenizer indexes every Chinese character and
// every overlapping pair of characters (the pair colocated with its first
// character, so pair phrases stay consecutive), and Latin letters and digits as
// lower-cased words. Text is folded first: full-width to half-width, traditional to
// simplified (OpenCC), upper to lower case.
//
// Queries are tokenized differently: one character → that character; two or more →
// the overlapping pairs only, so "医疗保险" becomes the phrase 医疗 疗保 保险 and
// every query length is answered from the index.
#pragma once

#include <QString>
#include <sqlite3.h>

namespace content {

inline constexpr const char *kCjkTokenizerName = "kiosk_cjk";

// Registers the tokenizer on a connection; must be called before the search index
// is created or queried. Returns false (with SQLite's message) if FTS5 is missing.
bool registerCjkTokenizer(sqlite3 *db, QString *error = nullptr);

// Folding applied to indexed text and queries alike (exposed for tests and for
// highlighting): full-width → half-width, traditional → simplified, lower case.
QString foldForSearch(const QString &text);
bool isCjk(char32_t c);

} // namespace content
