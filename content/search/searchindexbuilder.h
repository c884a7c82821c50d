// Writes the search side of a catalog: the FTS5 index (kiosk_cjk tokenizer),
// synonyms, hot searches and the pinyin lexicon. Part of building a catalog.
#pragma once

#include "catalogrecords.h"

namespace content {

class SqliteDb;
class PinyinDictionary;

// Throws SqliteError on failure.
void writeSearchIndex(SqliteDb &db, const CatalogRecords &records,
                      const PinyinDictionary &dictionary);

} // namespace content
