// PrintRenderer: lays out one PrintableDocument on A4 pages and paints them, either
// into a PDF (for CUPS) or into images (the on-screen preview). Both paint the same
// layout, so the preview shows exactly the pages that will be printed.
// Uses Qt Gui only (QTextDocument, QPainter): run it on a worker thread; one
// renderer belongs to one thread.
#pragma once

#include "printdocument.h"

#include <QImage>
#include <memory>

class QPainter;
class QTextDocument;

namespace kiosk {

class PrintRenderer
{
public:
    explicit PrintRenderer(const PrintableDocument &document);
    ~PrintRenderer();

    int pageCount() const;
    // Page index (0-based) as an image widthPx wide; a null image for a bad index.
    QImage pageImage(int index, int widthPx) const;
    // Writes every page to path; false with a reason otherwise.
    bool writePdf(const QString &path, QString *error) const;

    // The font the body is set in (Noto CJK; Qt falls back per glyph if absent).
    static QString fontFamily();

private:
    void paintPage(QPainter &painter, int index) const;

    PrintableDocument m_source;
    QImage m_layoutDevice; // 96 dpi: every coordinate below is in these pixels
    std::unique_ptr<QTextDocument> m_doc;
};

} // namespace kiosk
