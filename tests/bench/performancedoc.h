// Writes one benchmark's section into docs/PERFORMANCE.md, between the markers
// <!-- NAME:begin --> and <!-- NAME:end --> (appended when they are missing), so each
// benchmark rewrites only its own figures.
#pragma once

#include <QFile>
#include <QString>

inline bool writePerformanceSection(const QString &path, const QString &name,
                                    const QString &section)
{
    const QString begin = QStringLiteral("<!-- %1:begin -->").arg(name);
    const QString end = QStringLiteral("<!-- %1:end -->").arg(name);
    QFile doc(path);
    QString text;
    if (doc.open(QIODevice::ReadOnly))
        text = QString::fromUtf8(doc.readAll());
    doc.close();
    const qsizetype b = text.indexOf(begin);
    const qsizetype e = text.indexOf(end);
    if (b >= 0 && e > b)
        text.replace(b, e + end.size() - b, section);
    else
        text += QLatin1Char('\n') + section + QLatin1Char('\n');
    if (!doc.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return doc.write(text.toUtf8()) >= 0;
}
