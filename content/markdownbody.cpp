#include "markdownbody.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <QRegularExpression>
#include <QStringList>
#include <memory>

namespace content {
namespace {

struct ParserDeleter {
    void operator()(cmark_parser *p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node *n) const { cmark_node_free(n); }
};
struct CharDeleter {
    void operator()(char *c) const { free(c); }
};

QString takeString(char *raw)
{
    std::unique_ptr<char, CharDeleter> owned(raw);
    return owned ? QString::fromUtf8(owned.get()) : QString();
}

// Counts the cells of one pipe-table line, ignoring escaped pipes and the optional
// leading and trailing pipe.
int countCells(QString line)
{
    line = line.trimmed();
    line.replace(QStringLiteral("\\|"), QStringLiteral("  "));
    // Pipes inside inline code spans do not separate cells either.
    static const QRegularExpression codeSpan(QStringLiteral("`[^`]*`"));
    line.replace(codeSpan, QStringLiteral("x"));
    if (line.startsWith('|'))
        line.remove(0, 1);
    if (line.endsWith('|'))
        line.chop(1);
    return int(line.count('|')) + 1;
}

void checkFences(const QStringList &lines, QList<MarkdownProblem> *problems)
{
    int openLine = 0;
    QString openFence;
    for (int i = 0; i < lines.size(); ++i) {
        const QString t = lines[i].trimmed();
        if (openLine == 0) {
            if (t.startsWith(QStringLiteral("```")) || t.startsWith(QStringLiteral("~~~"))) {
                openLine = i + 1;
                openFence = t.left(3);
            }
        } else if (t.startsWith(openFence) && t.mid(3).trimmed().isEmpty()) {
            openLine = 0;
        }
    }
    if (openLine)
        problems->append({openLine, QStringLiteral("code block opened with %1 is never closed")
                                        .arg(openFence)});
}

bool isDelimiterRow(const QString &line)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$"));
    return line.contains('-') && re.match(line).hasMatch();
}

// GitHub tables silently pad or cut rows whose cell count differs from the header;
// for an editor that is almost always a mistake, so it is reported. Checked on the
// source lines because the parser keeps no per-row positions.
void checkTables(const QStringList &lines, QList<MarkdownProblem> *problems)
{
    bool inFence = false;
    for (int i = 0; i + 1 < lines.size(); ++i) {
        const QString t = lines[i].trimmed();
        if (t.startsWith(QStringLiteral("```")) || t.startsWith(QStringLiteral("~~~")))
            inFence = !inFence;
        if (inFence || !lines[i].contains('|') || !isDelimiterRow(lines[i + 1]))
            continue;
        const int headerCells = countCells(lines[i]);
        int row = i + 2;
        for (; row < lines.size(); ++row) {
            const QString r = lines[row].trimmed();
            if (r.isEmpty() || !r.contains('|'))
                break;
            const int cells = countCells(lines[row]);
            if (cells != headerCells)
                problems->append({row + 1, QStringLiteral("table row has %1 cells but the header "
                                                          "has %2")
                                               .arg(cells)
                                               .arg(headerCells)});
        }
        i = row - 1;
    }
}

QString plainOf(cmark_node *node)
{
    return takeString(cmark_render_plaintext(node, CMARK_OPT_DEFAULT, 0));
}

} // namespace

RenderedMarkdown renderMarkdown(const QString &markdown, QList<MarkdownProblem> *problems)
{
    cmark_gfm_core_extensions_ensure_registered();
    RenderedMarkdown out;
    const QByteArray utf8 = markdown.toUtf8();
    const QStringList lines = markdown.split('\n');

    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
    for (const char *name : {"table", "strikethrough", "autolink"})
        if (cmark_syntax_extension *ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), utf8.constData(), size_t(utf8.size()));
    std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));

    checkFences(lines, problems);
    checkTables(lines, problems);

    cmark_iter *iter = cmark_iter_new(doc.get());
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *node = cmark_iter_get_node(iter);
        const cmark_node_type type = cmark_node_get_type(node);
        int line = cmark_node_get_start_line(node);
        if (line <= 0 && cmark_node_parent(node))
            line = cmark_node_get_start_line(cmark_node_parent(node));
        if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
            problems->append({line, QStringLiteral("raw HTML is not allowed in item text")});
        } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
            const QString url = QString::fromUtf8(cmark_node_get_url(node));
            if (url.trimmed().isEmpty())
                problems->append({line, QStringLiteral("link has an empty target")});
            else if (url.startsWith(QStringLiteral("item:")))
                out.itemLinks.append({line, url.mid(5)});
        }
    }
    cmark_iter_free(iter);

    // Sections: split the document's top-level blocks at headings.
    BodySection current;
    for (cmark_node *block = cmark_node_first_child(doc.get()); block;
         block = cmark_node_next(block)) {
        if (cmark_node_get_type(block) == CMARK_NODE_HEADING) {
            if (!current.text.trimmed().isEmpty() || !current.heading.isEmpty())
                out.sections.append(current);
            current = BodySection{plainOf(block).trimmed(), QString()};
        } else {
            current.text += plainOf(block);
        }
    }
    if (!current.text.trimmed().isEmpty() || !current.heading.isEmpty())
        out.sections.append(current);

    out.html = takeString(cmark_render_html(doc.get(), CMARK_OPT_DEFAULT,
                                            cmark_parser_get_syntax_extensions(parser.get())));
    out.plainText = plainOf(doc.get()).trimmed();
    return out;
}

} // namespace content
