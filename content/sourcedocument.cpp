#include "sourcedocument.h"
#include "regularfile.h"

#include <QLocale>

namespace content {
namespace {

// Reports where the text stops being UTF-8: line and column (in characters) of the
// first bad byte, and the bytes there, so an editor can find it in any editor.
void reportInvalidUtf8(const QString &rel, const QByteArray &bytes, qsizetype at,
                       QList<SourceError> *errors)
{
    const QByteArrayView before(bytes.constData(), at);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int line = int(before.count('\n')) + 1;
    // Every byte of the line before the bad one is valid UTF-8: count its characters.
    int column = 1;
    for (qsizetype i = lineStart; i < at; ++i)
        column += (uchar(bytes[i]) & 0xC0) != 0x80;
    QStringList shown;
    for (qsizetype i = at; i < qMin(at + 4, bytes.size()); ++i)
        shown.append(QString::asprintf("0x%02X", uchar(bytes[i])));
    const QString what = bytes[at] == '\0'
        ? QStringLiteral("a NUL byte")
        : QStringLiteral("the bytes %1").arg(shown.join(' '));
    errors->append({rel, line,
                    QStringLiteral("is not valid UTF-8 text: %1 at line %2, column %3 is not "
                                   "UTF-8 (save the file as UTF-8; GBK/GB18030 text looks "
                                   "like this)").arg(what).arg(line).arg(column),
                    column});
}

bool decodeUtf8(const QString &rel, QByteArray bytes, QString *text, QList<SourceError> *errors)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (const qsizetype bad = firstInvalidUtf8(bytes); bad >= 0) {
        reportInvalidUtf8(rel, bytes, bad, errors);
        return false;
    }
    *text = QString::fromUtf8(bytes);
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

qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar c = p[i];
        if (c == 0)
            return i;
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        uchar low = 0x80, high = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0; // overlong
            else if (c == 0xED)
                high = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90; // overlong
            else if (c == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else {
            return i; // a continuation byte, C0/C1, or F5..FF
        }
        if (i + length > n || p[i + 1] < low || p[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k)
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
        i += length;
    }
    return -1;
}

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
