// Typed, line-aware access to the fields of a YAML map in a catalog source file.
// Every problem becomes a SourceError naming the file, line and field.
#pragma once

#include "sourcedocument.h"

#include <QSet>
#include <QStringList>
#include <optional>

namespace content {

class FieldReader
{
public:
    FieldReader(QString file, YAML::Node map, int firstLine, QList<SourceError> *errors,
                QString prefix = {});

    // The file line of a node (or of the map itself when the node is invalid).
    int lineOf(const YAML::Node &node) const;
    int line() const { return lineOf(m_map); }
    void error(const YAML::Node &at, const QString &message) const;
    void errorAt(int line, const QString &message) const;
    QString label(const char *key) const; // "materials[2].copies"

    bool has(const char *key) const;
    YAML::Node node(const char *key) const;

    QString text(const char *key, bool required) const;
    QString choice(const char *key, bool required, const QStringList &choices) const;
    QString date(const char *key, bool required) const;
    std::optional<qint64> integer(const char *key, bool required, qint64 min, qint64 max) const;
    std::optional<double> real(const char *key, bool required, double min, double max) const;
    std::optional<bool> boolean(const char *key, bool required) const;
    // A YAML list of scalars; a single scalar is accepted as a list of one.
    QStringList list(const char *key, bool required) const;
    // A list of maps; calls fn(reader, index) for each element.
    template <typename Fn> int eachMap(const char *key, bool required, Fn fn) const;
    FieldReader nested(const YAML::Node &map, const QString &label) const;

    void rejectUnknown(const QSet<QString> &allowed) const;
    const QString &file() const { return m_file; }

private:
    QString scalarOf(const YAML::Node &n, const char *key) const;
    QString m_file;
    YAML::Node m_map;
    int m_firstLine;
    QList<SourceError> *m_errors;
    QString m_prefix;
};

template <typename Fn> int FieldReader::eachMap(const char *key, bool required, Fn fn) const
{
    const YAML::Node n = node(key);
    if (!n || n.IsNull()) {
        if (required)
            errorAt(line(), QStringLiteral("missing required field '%1'").arg(label(key)));
        return 0;
    }
    if (!n.IsSequence()) {
        error(n, QStringLiteral("'%1' must be a list").arg(label(key)));
        return 0;
    }
    if (required && n.size() == 0)
        error(n, QStringLiteral("'%1' must not be empty").arg(label(key)));
    int i = 0;
    for (const YAML::Node &el : n) {
        const QString elLabel = QStringLiteral("%1[%2]").arg(label(key)).arg(i + 1);
        if (!el.IsMap())
            error(el, QStringLiteral("'%1' must be a map of fields").arg(elLabel));
        else
            fn(nested(el, elLabel), i);
        ++i;
    }
    return i;
}

} // namespace content
