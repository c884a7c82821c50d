#include "searchgaps.h"
#include "anonymisedquery.h"
#include "sqlitedb.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace kiosk {

QList<SearchGap> zeroResultQueries(const QString &usageDatabase, QDate since, int limit)
{
    content::SqliteDb db;
    db.open(usageDatabase, content::SqliteDb::Mode::ReadOnly);
    content::Statement s = db.prepare(
        "SELECT query, day, SUM(count) FROM search_log WHERE results = 0 AND day >= ? "
        "GROUP BY query, day");
    s.bind(1, since.isValid() ? since.toString(Qt::ISODate) : QStringLiteral("0000-00-00"));
    // A store copied off a kiosk before its upgrade may still hold numbers as typed:
    // editors see them anonymised like new rows, merged with the same query.
    QHash<QString, SearchGap> byQuery;
    QHash<QString, QSet<QString>> daysOf;
    while (s.step()) {
        const QString query = anonymisedQuery(s.text(0));
        const QString day = s.text(1);
        SearchGap &g = byQuery[query];
        g.query = query;
        g.searches += s.integer(2);
        g.lastDay = qMax(g.lastDay, day);
        daysOf[query].insert(day);
    }
    QList<SearchGap> gaps;
    for (auto it = byQuery.begin(); it != byQuery.end(); ++it) {
        it->days = daysOf.value(it.key()).size();
        gaps.append(*it);
    }
    std::sort(gaps.begin(), gaps.end(), [](const SearchGap &a, const SearchGap &b) {
        if (a.searches != b.searches)
            return a.searches > b.searches;
        if (a.days != b.days)
            return a.days > b.days;
        return a.query < b.query;
    });
    if (limit > 0 && gaps.size() > limit)
        gaps.resize(limit);
    return gaps;
}

} // namespace kiosk
