#include "searchgaps.h"
#include "sqlitedb.h"

QList<SearchGap> zeroResultQueries(const QString &usageDatabase, QDate since, int limit)
{
    content::SqliteDb db;
    db.open(usageDatabase, content::SqliteDb::Mode::ReadOnly);
    content::Statement s = db.prepare(
        "SELECT query, SUM(count), COUNT(DISTINCT day), MAX(day) FROM search_log "
        "WHERE results = 0 AND day >= ? GROUP BY query "
        "ORDER BY SUM(count) DESC, COUNT(DISTINCT day) DESC, query LIMIT ?");
    s.bind(1, since.isValid() ? since.toString(Qt::ISODate) : QStringLiteral("0000-00-00"));
    s.bind(2, limit > 0 ? limit : -1);
    QList<SearchGap> gaps;
    while (s.step())
        gaps.append({s.text(0), s.integer(1), s.integer(2), s.text(3)});
    return gaps;
}
