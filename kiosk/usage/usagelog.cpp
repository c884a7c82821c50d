#include "usagelog.h"
#include "anonymisedquery.h"
#include "sqlitedb.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace kiosk {

Q_LOGGING_CATEGORY(lcUsage, "kiosk.usage")

UsageLog::UsageLog(QString path, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_db(std::make_shared<content::SqliteDb>())
{
    m_pool.setMaxThreadCount(1); // writes in order, one connection at a time
}

UsageLog::~UsageLog() { m_pool.waitForDone(5000); }

QString UsageLog::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return dir + QStringLiteral("/kiosk-local.db");
}

QString UsageLog::anonymised(const QString &query)
{
    return anonymisedQuery(query);
}

namespace {

// The store's user_version: the anonymisation rule its rows were written with. Rows
// written under an earlier rule (0: before grouped and full-width numbers were
// caught) may hold numbers as typed; they are rewritten once when the store opens.
constexpr int kAnonymisationRule = 1;

// Each read statement here ends (goes out of scope) before anything is written: an
// unfinished one keeps the table locked.
int storedRule(content::SqliteDb &db)
{
    content::Statement version = db.prepare("PRAGMA user_version");
    return version.step() ? int(version.integer(0)) : 0;
}

// Rows the current rule stores differently are replaced (merged into the row of
// the anonymised query), then the rule is recorded.
void rewriteEarlierRows(content::SqliteDb &db)
{
    struct Row { qint64 rowid; QString day, query; qint64 results, opened, count; };
    QList<Row> rewrite;
    {
        content::Statement rows = db.prepare("SELECT rowid, day, query, results, opened, count FROM search_log");
        while (rows.step()) {
            const QString query = rows.text(2);
            if (anonymisedQuery(query) != query)
                rewrite.append({rows.integer(0), rows.text(1), anonymisedQuery(query), rows.integer(3),
                                rows.integer(4), rows.integer(5)});
        }
    }
    db.exec("BEGIN");
    for (const Row &r : std::as_const(rewrite)) {
        db.prepare("DELETE FROM search_log WHERE rowid = ?").bind(1, r.rowid).run();
        db.prepare("INSERT INTO search_log(day, query, results, opened, count) VALUES (?,?,?,?,?) "
                   "ON CONFLICT DO UPDATE SET count = count + excluded.count")
            .bind(1, r.day).bind(2, r.query).bind(3, r.results).bind(4, r.opened).bind(5, r.count).run();
    }
    db.exec(QByteArray("PRAGMA user_version=" + QByteArray::number(kAnonymisationRule) + "; COMMIT")
                .constData());
    // Until a checkpoint the file's old pages (and earlier WAL frames) still hold the
    // rows as typed: copy the rewritten pages in and empty the WAL.
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    if (!rewrite.isEmpty())
        qCInfo(lcUsage) << "usage log: rewrote" << rewrite.size() << "queries stored under an earlier rule";
}

void openStore(content::SqliteDb &db, const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    db.open(path, content::SqliteDb::Mode::ReadWriteCreate);
    // Deleted and rewritten rows are overwritten in the file, not left in free pages.
    db.exec("PRAGMA secure_delete=ON; PRAGMA journal_mode=WAL;"
            "CREATE TABLE IF NOT EXISTS search_log (day TEXT NOT NULL, query TEXT "
            "NOT NULL, results INTEGER NOT NULL, opened INTEGER NOT NULL, count "
            "INTEGER NOT NULL, PRIMARY KEY (day, query, results, opened))");
    if (storedRule(db) < kAnonymisationRule)
        rewriteEarlierRows(db);
}

} // namespace

void UsageLog::recordSearch(const QString &query, int resultCount, bool opened)
{
    const QString q = anonymised(query);
    if (q.isEmpty())
        return;
    const QString path = m_path;
    const QString day = QDate::currentDate().toString(Qt::ISODate);
    (void)QtConcurrent::run(&m_pool, [db = m_db, path, q, resultCount, opened, day] {
        try {
            if (!db->isOpen())
                openStore(*db, path);
            db->prepare("INSERT INTO search_log(day, query, results, opened, count) VALUES "
                       "(?,?,?,?,1) ON CONFLICT DO UPDATE SET count = count + 1")
                .bind(1, day).bind(2, q).bind(3, resultCount).bind(4, opened).run();
        } catch (const std::exception &e) {
            // A full or read-only disk must never disturb the resident; try a fresh
            // connection next time.
            db->close();
            qCWarning(lcUsage) << "usage log not written:" << e.what();
        }
    });
}

void UsageLog::flush() { m_pool.waitForDone(); }

} // namespace kiosk
