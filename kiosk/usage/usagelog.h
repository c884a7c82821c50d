// UsageLog: the kiosk's own writable store of anonymous usage counts (for now: search
// queries, how many results they had, whether one was opened), kept in a local
// SQLite database separate from the catalog — sync never touches it. Writes run on
// a worker thread. No personal data: numbers that could identify someone (ID, phone,
// bank card numbers, also typed in groups or full-width) are replaced before anything
// is stored (anonymisedquery.h), and rows stored under an earlier, weaker rule are
// rewritten when the store opens.
#pragma once

#include "compositionsingleton.h"

#include <QObject>
#include <QThreadPool>
#include <memory>

namespace content {
class SqliteDb;
}

namespace kiosk {

class UsageLog : public QObject, public CompositionSingleton<UsageLog>
{
    Q_OBJECT
public:
    // path: the local database file; created with its schema when missing.
    explicit UsageLog(QString path, QObject *parent = nullptr);
    ~UsageLog() override;

    void recordSearch(const QString &query, int resultCount, bool opened);
    // Waits until queued writes are done (tests, shutdown).
    void flush();
    QString path() const { return m_path; }

    // What is stored for a query typed by a resident.
    static QString anonymised(const QString &query);
    static QString defaultPath();

private:
    QString m_path;
    QThreadPool m_pool;
    // Opened on first use by the pool's one thread and kept open: no reopening and
    // schema check for every query a resident types.
    std::shared_ptr<content::SqliteDb> m_db;
};

} // namespace kiosk
