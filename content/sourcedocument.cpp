#include "sourcedocument.h"

#include <QFile>
#include <QStringDecoder>

namespace content {
namespace {

bool decodeUtf8(const QString &rel, QByteArray bytes, QString *text, QList<SourceError> *errors)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *text = decoder.decode(bytes);
    if (decoder.hasError() || text->contains(QChar(0))) {
        errors->append({rel, 0, QStringLiteral("is not valid UTF-8 text")});
        return false;
    }
    text->replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return true;
}

bool readUtf8(const QString &root, const QString &rel, QString *text, QList<SourceError> *errors)
{
    QFile f(root + '/' + rel);
    if (!f.open(QIODevice::ReadOnly)) {
        errors->append({rel, 0, QStringLiteral("cannot be read: %1").arg(f.errorString())});
        return false;
    }
    return decodeUtf8(rel, f.readAll(), text, errors);
}

bool parseYaml(const QString &rel, const QString &text, int firstLine, YAML::Node *node,
               QList<SourceError> *errors)
{
    try {
        *node = YAML::Load(text.toStdString());
    } catch (const YAML::ParserException &e) {
        errors->append({rel, e.mark.line + firstLine,
                        QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg))});
        return false;
    }
    if (!node->IsMap()) {
        errors->append({rel, firstLine, QStringLiteral("must be a YAML map of fields")});
        return false;
    }
    return true;
}

} // namespace

bool readSourceDocument(const QString &root, const QString &relPath, SourceDocument *doc,
                        QList<SourceError> *errors)
{
    QFile f(root + '/' + relPath);
    if (!f.open(QIODevice::ReadOnly)) {
        errors->append({relPath, 0, QStringLiteral("cannot be read: %1").arg(f.errorString())});
        return false;
    }
    return parseSourceDocument(relPath, f.readAll(), doc, errors);
}

bool parseSourceDocument(const QString &relPath, const QByteArray &bytes, SourceDocument *doc,
                         QList<SourceError> *errors)
{
    QString text;
    if (!decodeUtf8(relPath, bytes, &text, errors))
        return false;
    doc->path = relPath;
    const QStringList lines = text.split('\n');
    if (lines.isEmpty() || lines.first().trimmed() != QStringLiteral("---")) {
        errors->append({relPath, 1, QStringLiteral("must start with a '---' line opening the "
                                                   "front matter")});
        return false;
    }
    int close = -1;
    for (int i = 1; i < lines.size(); ++i) {
        if (lines[i].trimmed() == QStringLiteral("---")) {
            close = i;
            break;
        }
    }
    if (close < 0) {
        errors->append({relPath, 1, QStringLiteral("front matter is never closed by a '---' line")});
        return false;
    }
    const QString front = lines.mid(1, close - 1).join('\n');
    doc->frontLine = 2;
    if (!parseYaml(relPath, front, doc->frontLine, &doc->front, errors))
        return false;
    doc->body = lines.mid(close + 1).join('\n');
    doc->bodyLine = close + 2;
    return true;
}

bool readYamlFile(const QString &root, const QString &relPath, YAML::Node *node,
                  QList<SourceError> *errors)
{
    QString text;
    if (!readUtf8(root, relPath, &text, errors))
        return false;
    return parseYaml(relPath, text, 1, node, errors);
}

} // namespace content
