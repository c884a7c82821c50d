// One source file of a catalog tree: YAML front matter plus a Markdown body.
#pragma once

#include <QList>
#include <QString>
#include <yaml-cpp/yaml.h>

namespace content {

// The largest catalog source file read (a long gazette issue is a few hundred KB).
constexpr qint64 kMaxSourceFileBytes = 4 * 1024 * 1024;

// An editor-facing error: names the file (relative to the source tree), the line
// when known (0 otherwise) and what is wrong.
struct SourceError {
    QString file;
    int line = 0;
    QString message;
    QString toString() const
    {
        return line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message)
                        : QStringLiteral("%1: %2").arg(file, message);
    }
};

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
