#include "sourcedocument.h"
#include "regularfile.h"

#include <QLocale>
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

QString limitText()
{
    return QStringLiteral("%1 (%2 bytes)")
        .arg(QLocale::c().formattedDataSize(kMaxSourceFileBytes, 0, QLocale::DataSizeIecFormat))
        .arg(kMaxSourceFileBytes);
}

// Why rel was not read, in an editor's words (the file is named by the SourceError).
QString refusal(const QString &rel, const RegularFile &r)
{
    const QString rule = QStringLiteral("catalog sources must be regular files, so it was not read");
    switch (r.status) {
    case RegularFile::NotFound:
        return QStringLiteral("does not exist");
    case RegularFile::NotRegular:
        if (r.entry.isEmpty())
            return QStringLiteral("is not a regular file; %1").arg(rule);
        if (r.entry != rel) // a folder on the way, such as a linked ui/
            return QStringLiteral("is inside %1, which is %2, not a folder; %3")
                .arg(r.entry, r.kind, rule);
        return QStringLiteral("is %1, not a regular file; %2").arg(r.kind, rule);
    case RegularFile::TooLarge: {
        const QString size = r.size >= 0 ? QStringLiteral("%1 bytes").arg(r.size)
                                         : QStringLiteral("larger than that");
        return QStringLiteral("is %1, more than the %2 a catalog source may have; it was not read")
            .arg(size, limitText());
    }
    case RegularFile::Ok:
    case RegularFile::TimedOut:
    case RegularFile::Failed:
        break;
    }
    return QStringLiteral("cannot be read (%1)").arg(r.reason);
}

// Every source is read through here: only a regular file inside the tree, at most
// kMaxSourceFileBytes, and never by following a link or opening a pipe or device.
// An optional file that is not there at all gives false without an error.
bool readSource(const QString &root, const QString &rel, QByteArray *bytes,
                QList<SourceError> *errors, SourcePresence presence = SourcePresence::Required)
{
    const RegularFile r = readRegularFile(root, rel, kMaxSourceFileBytes, bytes);
    if (r.ok())
        return true;
    if (!(r.status == RegularFile::NotFound && presence == SourcePresence::Optional))
        errors->append({rel, 0, refusal(rel, r)});
    return false;
}

bool readUtf8(const QString &root, const QString &rel, QString *text, QList<SourceError> *errors,
              SourcePresence presence)
{
    QByteArray bytes;
    return readSource(root, rel, &bytes, errors, presence) && decodeUtf8(rel, bytes, text, errors);
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
    QByteArray bytes;
    return readSource(root, relPath, &bytes, errors) &&
           parseSourceDocument(relPath, bytes, doc, errors);
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
                  QList<SourceError> *errors, SourcePresence presence)
{
    QString text;
    if (!readUtf8(root, relPath, &text, errors, presence))
        return false;
    return parseYaml(relPath, text, 1, node, errors);
}

} // namespace content
