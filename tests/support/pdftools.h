// Reading printed PDFs back with poppler-utils (pdftotext, pdfinfo, pdftoppm): the
// print tests check what is on the paper, not what the code meant to put there.
#pragma once

#include <QImage>
#include <QString>

namespace pdftools {

QString text(const QString &pdf);                        // pdftotext, UTF-8
QString compactText(const QString &pdf);                 // the same, without any whitespace
int pageCount(const QString &pdf);                       // pdfinfo "Pages:", -1 on failure
QImage page(const QString &pdf, int page, int dpi = 60); // pdftoppm, page from 1
QString compact(QString s);                              // drops all whitespace
// Decodes the first QR code found in an image (ZXing); empty if none.
QString decodeQr(const QImage &image);

} // namespace pdftools
