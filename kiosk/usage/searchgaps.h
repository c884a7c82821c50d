// SearchGaps: what residents searched for and did not find, read from the kiosk's
// local usage store (UsageLog). For editors: the queries to answer with new content,
// keywords or synonyms. Headless (Qt Core + SQLite); the store holds no personal
// data (identifying numbers are replaced before anything is written), and what is
// read is anonymised again, for stores written by earlier kiosk versions.
#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace kiosk {

struct SearchGap {
    QString query;
    qint64 searches = 0; // how often it was searched with no result
    qint64 days = 0;     // on how many days
    QString lastDay;     // yyyy-mm-dd
};

// Zero-result queries since `since` (null: all), most searched first. Throws
// content::SqliteError with a readable message if the store cannot be read.
QList<SearchGap> zeroResultQueries(const QString &usageDatabase, QDate since, int limit);

} // namespace kiosk
