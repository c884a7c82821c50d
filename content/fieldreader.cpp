#include "fieldreader.h"

#include <QDate>
#include <QRegularExpression>

namespace content {

FieldReader::FieldReader(QString file, YAML::Node map, int firstLine, QList<SourceError> *errors,
                         QString prefix)
    : m_file(std::move(file)), m_map(std::move(map)), m_firstLine(firstLine), m_errors(errors),
      m_prefix(std::move(prefix))
{
}

int FieldReader::lineOf(const YAML::Node &node) const
{
    const YAML::Node &n = (node && node.Mark().line >= 0) ? node : m_map;
    return n.Mark().line >= 0 ? n.Mark().line + m_firstLine : m_firstLine;
}

void FieldReader::error(const YAML::Node &at, const QString &message) const
{
    errorAt(lineOf(at), message);
}

void FieldReader::errorAt(int line, const QString &message) const
{
    m_errors->append({m_file, line, message});
}

QString FieldReader::label(const char *key) const
{
    return m_prefix.isEmpty() ? QString::fromUtf8(key)
                              : m_prefix + '.' + QString::fromUtf8(key);
}

bool FieldReader::has(const char *key) const
{
    const YAML::Node n = m_map[key];
    return n && !n.IsNull();
}

YAML::Node FieldReader::node(const char *key) const { return m_map[key]; }

QString FieldReader::scalarOf(const YAML::Node &n, const char *key) const
{
    if (!n.IsScalar()) {
        error(n, QStringLiteral("'%1' must be a single value, not a list or map").arg(label(key)));
        return {};
    }
    return QString::fromStdString(n.Scalar()).trimmed();
}

QString FieldReader::text(const char *key, bool required) const
{
    const YAML::Node n = node(key);
    if (!n || n.IsNull()) {
        if (required)
            errorAt(line(), QStringLiteral("missing required field '%1'").arg(label(key)));
        return {};
    }
    const QString v = scalarOf(n, key);
    if (required && v.isEmpty() && n.IsScalar())
        error(n, QStringLiteral("required field '%1' is empty").arg(label(key)));
    const QLatin1StringView name(key);
    const bool title = name == QLatin1String("title") || name == QLatin1String("name") ||
                       name == QLatin1String("question");
    const int limit = title ? kMaxTitleChars : kMaxFieldChars;
    if (v.size() > limit)
        error(n, QStringLiteral("'%1' has %2 characters; a %3 may have at most %4")
                     .arg(label(key)).arg(v.size())
                     .arg(title ? QStringLiteral("title") : QStringLiteral("field")).arg(limit));
    return v;
}

QString FieldReader::choice(const char *key, bool required, const QStringList &choices) const
{
    const QString v = text(key, required);
    if (!v.isEmpty() && !choices.contains(v)) {
        error(node(key), QStringLiteral("'%1' is '%2' but must be one of: %3")
                             .arg(label(key), v, choices.join(QStringLiteral(", "))));
        return {};
    }
    return v;
}

QString FieldReader::date(const char *key, bool required) const
{
    const QString v = text(key, required);
    if (v.isEmpty())
        return v;
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!shape.match(v).hasMatch() || !QDate::fromString(v, Qt::ISODate).isValid()) {
        error(node(key), QStringLiteral("'%1' is '%2', which is not a valid date (YYYY-MM-DD)")
                             .arg(label(key), v));
        return {};
    }
    return v;
}

std::optional<qint64> FieldReader::integer(const char *key, bool required, qint64 min,
                                           qint64 max) const
{
    const QString v = text(key, required);
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    if (!ok || n < min || n > max) {
        error(node(key), QStringLiteral("'%1' is '%2' but must be a whole number from %3 to %4")
                             .arg(label(key), v)
                             .arg(min)
                             .arg(max));
        return std::nullopt;
    }
    return n;
}

std::optional<double> FieldReader::real(const char *key, bool required, double min,
                                        double max) const
{
    const QString v = text(key, required);
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || d < min || d > max) {
        error(node(key), QStringLiteral("'%1' is '%2' but must be a number from %3 to %4")
                             .arg(label(key), v)
                             .arg(min)
                             .arg(max));
        return std::nullopt;
    }
    return d;
}

std::optional<bool> FieldReader::boolean(const char *key, bool required) const
{
    const QString v = text(key, required).toLower();
    if (v.isEmpty())
        return std::nullopt;
    if (v == "true" || v == "yes")
        return true;
    if (v == "false" || v == "no")
        return false;
    error(node(key), QStringLiteral("'%1' must be true or false").arg(label(key)));
    return std::nullopt;
}

QStringList FieldReader::list(const char *key, bool required) const
{
    const YAML::Node n = node(key);
    if (!n || n.IsNull()) {
        if (required)
            errorAt(line(), QStringLiteral("missing required field '%1'").arg(label(key)));
        return {};
    }
    QStringList out;
    if (n.IsScalar()) {
        out << QString::fromStdString(n.Scalar()).trimmed();
    } else if (n.IsSequence()) {
        for (const YAML::Node &el : n) {
            if (!el.IsScalar()) {
                error(el, QStringLiteral("'%1' must be a list of single values").arg(label(key)));
                continue;
            }
            out << QString::fromStdString(el.Scalar()).trimmed();
        }
    } else {
        error(n, QStringLiteral("'%1' must be a list").arg(label(key)));
    }
    out.removeAll(QString());
    if (required && out.isEmpty())
        error(n, QStringLiteral("required list '%1' is empty").arg(label(key)));
    if (out.size() > kMaxListEntries)
        error(n, QStringLiteral("'%1' has %2 entries; a list may have at most %3")
                     .arg(label(key)).arg(out.size()).arg(kMaxListEntries));
    for (const QString &entry : std::as_const(out))
        if (entry.size() > kMaxFieldChars) {
            error(n, QStringLiteral("an entry of '%1' has %2 characters; a field may have at most %3")
                         .arg(label(key)).arg(entry.size()).arg(kMaxFieldChars));
            break;
        }
    return out;
}

FieldReader FieldReader::nested(const YAML::Node &map, const QString &label) const
{
    return FieldReader(m_file, map, m_firstLine, m_errors, label);
}

void FieldReader::rejectUnknown(const QSet<QString> &allowed) const
{
    for (auto it = m_map.begin(); it != m_map.end(); ++it) {
        const QString key = QString::fromStdString(it->first.Scalar());
        if (!allowed.contains(key))
            error(it->first, QStringLiteral("unknown field '%1'").arg(
                                 m_prefix.isEmpty() ? key : m_prefix + '.' + key));
    }
}

} // namespace content
