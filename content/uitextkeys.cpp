#include "uitextkeys.h"

namespace content {

const QStringList &uiTextKeys()
{
    static const QStringList keys = [] {
        QStringList out;
        for (const char *key : {
#include "uitextkeys.inc"
             })
            out.append(QString::fromLatin1(key));
        return out;
    }();
    return keys;
}

UiTextCoverage uiTextCoverage(const QHash<QString, QString> &texts)
{
    UiTextCoverage c;
    c.total = int(uiTextKeys().size());
    for (const QString &key : uiTextKeys())
        c.covered += texts.contains(key);
    return c;
}

QString uiCoverageMetaKey(const QString &language)
{
    return QStringLiteral("ui_coverage.") + language;
}

} // namespace content
