// libFuzzer target: one catalog source file of any kind, as an editor (or a broken
// USB stick) might deliver it. Whatever the bytes, parsing must end in records or
// SourceErrors — no crash, hang, leak or undefined behaviour.
#include "catalogparser.h"
#include "markdownbody.h"

#include <QByteArray>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // The first byte picks the directory (and so the kind) the file is read as.
    static const char *kinds[] = {"stage", "scenario", "guide", "policy",
                                  "interpretation", "qa", "gazette", "point"};
    const QString kind = QString::fromLatin1(kinds[size ? data[0] % 8 : 0]);
    QList<content::SourceError> errors;
    content::SourceDocument doc;
    if (content::parseSourceDocument(QStringLiteral("fuzz.md"), bytes.mid(size ? 1 : 0), &doc,
                                     &errors))
        content::parseItemDocument(doc, kind, &errors);
    QList<content::MarkdownProblem> problems;
    content::renderMarkdown(QString::fromUtf8(bytes), &problems);
    return 0;
}
