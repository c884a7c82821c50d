#include "canonicaljson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace catalogsync {

namespace {

// Integers a double carries exactly; anything beyond could print differently.
constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

void appendString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

bool append(QByteArray &out, const QJsonValue &v, QString *why, int depth)
{
    if (depth > 32) {
        if (why)
            *why = QStringLiteral("nested too deeply");
        return false;
    }
    switch (v.type()) {
    case QJsonValue::Null:
        out += "null";
        return true;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        return true;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > kMaxExactInteger) {
            if (why)
                *why = QStringLiteral("a number is not a whole number in range");
            return false;
        }
        out += QByteArray::number(static_cast<qint64>(d));
        return true;
    }
    case QJsonValue::String:
        appendString(out, v.toString());
        return true;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            if (!append(out, a.at(i), why, depth + 1))
                return false;
        }
        out += ']';
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        QList<QPair<QByteArray, QString>> keys;
        for (const QString &k : o.keys())
            keys.append({k.toUtf8(), k});
        std::sort(keys.begin(), keys.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        out += '{';
        bool first = true;
        for (const auto &k : keys) {
            if (!first)
                out += ',';
            first = false;
            appendString(out, k.second);
            out += ':';
            if (!append(out, o.value(k.second), why, depth + 1))
                return false;
        }
        out += '}';
        return true;
    }
    case QJsonValue::Undefined:
        break;
    }
    if (why)
        *why = QStringLiteral("undefined value");
    return false;
}

} // namespace

QByteArray canonicalJson(const QJsonValue &value, QString *why)
{
    QByteArray out;
    if (!append(out, value, why, 0))
        return {};
    return out;
}

} // namespace catalogsync
