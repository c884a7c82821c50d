// One source file of a catalog tree: YAML front matter plus a Markdown body.
#pragma once

#include <QList>
#include <QString>
#include <yaml-cpp/yaml.h>

namespace content {

// The largest catalog source file read (a long gazette issue is a few hundred KB).
constexpr qint64 kMaxSourceFileBytes = 4 * 1024 * 1024;
// Limits per field and per item, in characters (docs/CATALOG_FORMAT.md, "Limits").
// A title is read aloud and shown in lists; other single fields are a paragraph or two;
// a body past the warning mark is a hundred screens or more, past the limit a mistake
// (a pasted document, a file appended twice).
constexpr int kMaxTitleChars = 200;
constexpr int kMaxFieldChars = 10000;
constexpr int kMaxListEntries = 500;
constexpr int kBodyWarningChars = 200000;
constexpr int kMaxBodyChars = 500000;

// An editor-facing error: names the file (relative to the source tree), the line
// when known (0 otherwise), the column (in characters, 1-based) when known, and what
// is wrong.
struct SourceError {
    QString file;
    int line = 0;
    QString message;
    int column = 0;
    bool warning = false; // reported, but the catalog is still built
    QString toString() const
    {
        const QString text = warning ? QStringLiteral("warning: ") + message : message;
        if (line <= 0)
            return QStringLiteral("%1: %2").arg(file, text);
        if (column <= 0)
            return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(text);
        return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(text);
    }
};

// Where bytes stop being UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
// above U+10FFFF, no NUL): the byte offset, or -1 when every byte is valid.
qsizetype firstInvalidUtf8(QByteArrayView bytes);

struct SourceDocument {
    QString path;      // relative to the source tree root
    QString lang;      // empty for the zh-Hans base file, else "en" / "ug"
    YAML::Node front;  // front matter (a map)
    int frontLine = 2; // file line of the first front-matter line
    QString body;      // Markdown after the closing ---
    int bodyLine = 0;  // file line where the body starts
};

// Whether a source file must be there (catalog.yaml) or may be left out (synonyms).
enum class SourcePresence { Required, Optional };

// Every source is read only if it is a regular file of at most kMaxSourceFileBytes
// inside the tree: a link (even on the way, such as a linked ui/ folder), a named pipe or
// a device is refused unopened, and the error names the file, what it is and the limit.
//
// Reads root/relPath. Returns false (with errors appended) when the file cannot be
// read, is not UTF-8, lacks front matter or its YAML does not parse.
bool readSourceDocument(const QString &root, const QString &relPath, SourceDocument *doc,
                        QList<SourceError> *errors);

// The same, from bytes already in memory (tests and fuzzing).
bool parseSourceDocument(const QString &relPath, const QByteArray &bytes, SourceDocument *doc,
                         QList<SourceError> *errors);

// Reads a plain YAML file (catalog.yaml, ui/*.yaml). An Optional file with nothing at
// its path gives false without an error; anything else there is read or refused.
bool readYamlFile(const QString &root, const QString &relPath, YAML::Node *node,
                  QList<SourceError> *errors, SourcePresence presence = SourcePresence::Required);

} // namespace content
