// Thin RAII wrapper over the SQLite C API. The catalog uses SQLite directly (not
// QtSql) because search needs the raw handle to register FTS5 tokenizers, and one
// connection belongs to one thread at a time.
#pragma once

#include <QByteArray>
#include <QString>
#include <sqlite3.h>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace content {

class SqliteError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class Statement;

class SqliteDb
{
public:
    enum class Mode { ReadOnly, ReadWriteCreate };

    SqliteDb() = default;
    ~SqliteDb();
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;
    SqliteDb(SqliteDb &&other) noexcept;
    SqliteDb &operator=(SqliteDb &&other) noexcept;

    // Throws SqliteError with a readable message when the file cannot be opened.
    void open(const QString &path, Mode mode);
    void close();
    bool isOpen() const { return m_db != nullptr; }

    void exec(const char *sql);
    Statement prepare(const char *sql);
    // A statement prepared once per connection and reused (reset after each run):
    // for statements executed once per item while building a catalog.
    Statement &cached(const char *sql);
    sqlite3 *handle() const { return m_db; }
    QString lastError() const;

private:
    sqlite3 *m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

class Statement
{
public:
    Statement(sqlite3 *db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;

    Statement &bind(int index, const QString &value);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Statement &bind(int index, double value);
    Statement &bindNull(int index);
    Statement &bindBlob(int index, const QByteArray &value);
    Statement &bindOptional(int index, const QString &value); // empty → NULL

    bool step(); // true while a row is available
    void run();  // step once, expecting no row
    void reset();

    QString text(int column) const;
    // The column's UTF-8 bytes, without conversion; valid until the next step or reset.
    QByteArrayView utf8(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace content
