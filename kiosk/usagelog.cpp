#include "usagelog.h"
#include "sqlitedb.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

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
    static const QRegularExpression longNumber(QStringLiteral("[0-9０-９]{6,}[0-9０-９xX]?"));
    QString q = query.simplified().left(64);
    q.replace(longNumber, QStringLiteral("#"));
    return q;
}

void UsageLog::recordSearch(const QString &query, int resultCount, bool opened)
{
    const QString q = anonymised(query);
    if (q.isEmpty())
        return;
    const QString path = m_path;
    const QString day = QDate::currentDate().toString(Qt::ISODate);
    (void)QtConcurrent::run(&m_pool, [db = m_db, path, q, resultCount, opened, day] {
        try {
            if (!db->isOpen()) {
                QDir().mkpath(QFileInfo(path).absolutePath());
                db->open(path, content::SqliteDb::Mode::ReadWriteCreate);
                db->exec("PRAGMA journal_mode=WAL;"
                         "CREATE TABLE IF NOT EXISTS search_log (day TEXT NOT NULL, query TEXT "
                         "NOT NULL, results INTEGER NOT NULL, opened INTEGER NOT NULL, count "
                         "INTEGER NOT NULL, PRIMARY KEY (day, query, results, opened))");
            }
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
