#include "printrenderer.h"
#include "qrsymbol.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace kiosk {

namespace {

// A4 in 96 dpi pixels (210 x 297 mm); margins and bands in the same units.
constexpr double kDpi = 96.0;
constexpr double kPageW = 210.0 / 25.4 * kDpi;
constexpr double kPageH = 297.0 / 25.4 * kDpi;
constexpr double kMargin = 18.0 / 25.4 * kDpi;
constexpr double kHeaderH = 44.0;
constexpr double kFooterH = 92.0; // room for the QR code (about 20 mm) and its caption
constexpr double kQrSide = 76.0;
constexpr double kBodyW = kPageW - 2 * kMargin;
constexpr double kBodyH = kPageH - 2 * kMargin - kHeaderH - kFooterH;
constexpr double kBodyTop = kMargin + kHeaderH;

QFont documentFont(double pointSize, bool bold = false)
{
    QFont f(PrintRenderer::fontFamily());
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferOutline);
    return f;
}

void drawQr(QPainter &p, const QString &text, const QRectF &box)
{
    const device::QrSymbol symbol = device::QrSymbol::encode(text);
    if (!symbol.isValid())
        return;
    // Modules as vector squares: sharp at any printer resolution.
    const double module = box.width() / symbol.size();
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::black);
    for (int y = 0; y < symbol.size(); ++y)
        for (int x = 0; x < symbol.size(); ++x)
            if (symbol.isDark(x, y))
                p.drawRect(QRectF(box.x() + x * module, box.y() + y * module, module + 0.02,
                                  module + 0.02));
    p.restore();
}

} // namespace

QString PrintRenderer::fontFamily()
{
    return QStringLiteral("Noto Sans CJK SC");
}

PrintRenderer::PrintRenderer(const PrintableDocument &document)
    : m_source(document), m_layoutDevice(8, 8, QImage::Format_RGB32), m_doc(new QTextDocument)
{
    const int dotsPerMeter = qRound(kDpi / 0.0254);
    m_layoutDevice.setDotsPerMeterX(dotsPerMeter);
    m_layoutDevice.setDotsPerMeterY(dotsPerMeter);
    m_doc->documentLayout()->setPaintDevice(&m_layoutDevice);
    m_doc->setDefaultFont(documentFont(11));
    m_doc->setDefaultStyleSheet(QStringLiteral(
        "h1 { font-size: 18pt; font-weight: bold; margin-bottom: 10px; }"
        "h2 { font-size: 13.5pt; font-weight: bold; margin-top: 14px; margin-bottom: 6px; }"
        "p { margin-top: 4px; margin-bottom: 4px; line-height: 130%; }"
        "td, th { padding: 4px; }"));
    m_doc->setDocumentMargin(0);
    m_doc->setHtml(document.html);
    m_doc->setPageSize(QSizeF(kBodyW, kBodyH));
}

PrintRenderer::~PrintRenderer() = default;

int PrintRenderer::pageCount() const
{
    return m_doc->pageCount();
}

void PrintRenderer::paintPage(QPainter &p, int index) const
{
    const int pages = pageCount();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);

    // Running header: who publishes (left), what this is (right), a rule below.
    p.setPen(Qt::black);
    p.setFont(documentFont(9));
    const QRectF header(kMargin, kMargin, kBodyW, kHeaderH - 12);
    const QString issuer =
        p.fontMetrics().elidedText(m_source.issuer, Qt::ElideRight, int(kBodyW * 0.45));
    p.drawText(header, Qt::AlignLeft | Qt::AlignBottom, issuer);
    const QString title =
        p.fontMetrics().elidedText(m_source.title, Qt::ElideMiddle, int(kBodyW * 0.52));
    p.drawText(header, Qt::AlignRight | Qt::AlignBottom, title);
    p.setPen(QPen(Qt::black, 0.8));
    p.drawLine(QPointF(kMargin, kMargin + kHeaderH - 6),
               QPointF(kMargin + kBodyW, kMargin + kHeaderH - 6));

    // The body slice of this page.
    p.save();
    p.translate(kMargin, kBodyTop - index * kBodyH);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.clip = QRectF(0, index * kBodyH, kBodyW, kBodyH);
    ctx.palette.setColor(QPalette::Text, Qt::black);
    p.setClipRect(ctx.clip);
    m_doc->documentLayout()->draw(&p, ctx);
    p.restore();

    // Footer: a rule, the QR code back to the item, page n of m.
    const double footerTop = kPageH - kMargin - kFooterH;
    p.setPen(QPen(Qt::black, 0.8));
    p.drawLine(QPointF(kMargin, footerTop + 6), QPointF(kMargin + kBodyW, footerTop + 6));
    drawQr(p, m_source.qrText, QRectF(kMargin, footerTop + 14, kQrSide, kQrSide));
    p.setFont(documentFont(8));
    p.drawText(QRectF(kMargin + kQrSide + 10, footerTop + 14, kBodyW * 0.5, kQrSide),
               Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, m_source.qrCaption);
    p.setFont(documentFont(9));
    const QString pageText = m_source.pageFormat.arg(index + 1).arg(pages);
    p.drawText(QRectF(kMargin, footerTop + 14, kBodyW, kQrSide), Qt::AlignRight | Qt::AlignVCenter,
               pageText);
}

QImage PrintRenderer::pageImage(int index, int widthPx) const
{
    if (index < 0 || index >= pageCount() || widthPx <= 0)
        return {};
    const double scale = widthPx / kPageW;
    QImage image(widthPx, qRound(kPageH * scale), QImage::Format_RGB32);
    image.setDotsPerMeterX(m_layoutDevice.dotsPerMeterX());
    image.setDotsPerMeterY(m_layoutDevice.dotsPerMeterY());
    image.fill(Qt::white);
    QPainter p(&image);
    p.scale(scale, scale);
    paintPage(p, index);
    return image;
}

bool PrintRenderer::writePdf(const QString &path, QString *error) const
{
    QPdfWriter writer(path);
    // The writer's units match the layout's (96 dpi): text and the QR code stay vector
    // graphics, so this only sets the coordinate system, not the print quality.
    writer.setResolution(int(kDpi));
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(m_source.title);
    writer.setCreator(QStringLiteral("disclosure-kiosk"));
    QPainter p;
    if (!p.begin(&writer)) {
        if (error)
            *error = QStringLiteral("cannot write the PDF file %1").arg(path);
        return false;
    }
    const int pages = pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        paintPage(p, i);
    }
    p.end();
    if (QFile(path).size() <= 0) {
        if (error)
            *error = QStringLiteral("the PDF file %1 came out empty").arg(path);
        return false;
    }
    return true;
}

} // namespace kiosk
