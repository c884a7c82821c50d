// Markdown bodies of catalog items: checked and rendered to HTML once, when the
// catalog is built, so kiosks never parse Markdown. Uses cmark-gfm (GitHub tables).
#pragma once

#include <QList>
#include <QString>

namespace content {

struct MarkdownProblem {
    int line = 0; // 1-based line within the Markdown text
    QString message;
};

struct ItemLinkRef {
    int line = 0;
    QString targetId; // from [text](item:ID)
};

struct BodySection {
    QString heading; // empty for text before the first heading
    QString text;    // plain text of the section
};

struct RenderedMarkdown {
    QString html;
    QString plainText;
    QList<BodySection> sections;
    QList<ItemLinkRef> itemLinks;
};

// Renders GitHub-flavoured Markdown. Problems that make the body unsafe or
// ambiguous for an editor to publish are reported: raw HTML, unclosed code fences,
// table rows whose cell count differs from the header, empty link targets.
RenderedMarkdown renderMarkdown(const QString &markdown, QList<MarkdownProblem> *problems);

} // namespace content
