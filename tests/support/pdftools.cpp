#include "pdftools.h"

#include <QFont>
#include <QHash>
#include <QProcess>
#include <QRawFont>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <ZXing/ReadBarcode.h>

namespace pdftools {

static QByteArray run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program), p.readAllStandardError().constData());
        return {};
    }
    return p.readAllStandardOutput();
}

QString text(const QString &pdf)
{
    return QString::fromUtf8(run(QStringLiteral("pdftotext"), {"-enc", "UTF-8", pdf, "-"}));
}

// Noto CJK draws some ideographs with the same glyph as a radical (⻚ U+2EDA and 页
// U+9875). Qt's PDF text layer names each glyph by its lowest code point, so the
// text reads back as radicals although the paper is right. Fold them back through
// the font itself: radical → glyph → the ideograph that glyph draws.
static const QHash<QChar, QChar> &radicalFolds()
{
    static const QHash<QChar, QChar> folds = [] {
        QHash<QChar, QChar> out;
        const QRawFont font = QRawFont::fromFont(QFont(QStringLiteral("Noto Sans CJK SC")));
        if (!font.isValid())
            return out;
        QString ideographs;
        for (char16_t c = 0x4E00; c <= 0x9FFF; ++c)
            ideographs += QChar(c);
        QHash<quint32, QChar> byGlyph;
        const QList<quint32> glyphs = font.glyphIndexesForString(ideographs);
        for (int i = 0; i < glyphs.size() && i < ideographs.size(); ++i)
            if (glyphs[i] != 0 && !byGlyph.contains(glyphs[i]))
                byGlyph.insert(glyphs[i], ideographs[i]);
        for (char16_t c = 0x2E80; c <= 0x2FDF; ++c) {
            const QList<quint32> g = font.glyphIndexesForString(QString(QChar(c)));
            if (!g.isEmpty() && byGlyph.contains(g.first()))
                out.insert(QChar(c), byGlyph.value(g.first()));
        }
        return out;
    }();
    return folds;
}

QString compact(QString s)
{
    // Then NFKC (full-width punctuation), and no whitespace: line breaks differ.
    const auto &folds = radicalFolds();
    for (QChar &c : s)
        c = folds.value(c, c);
    return s.normalized(QString::NormalizationForm_KC)
        .remove(QRegularExpression(QStringLiteral("\\s+")));
}

QString compactText(const QString &pdf)
{
    return compact(text(pdf));
}

int pageCount(const QString &pdf)
{
    const QString info = QString::fromUtf8(run(QStringLiteral("pdfinfo"), {pdf}));
    const auto m =
        QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption)
            .match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QImage page(const QString &pdf, int pageNo, int dpi)
{
    QTemporaryDir dir;
    const QString prefix = dir.filePath(QStringLiteral("page"));
    run(QStringLiteral("pdftoppm"),
        {"-png", "-r", QString::number(dpi), "-f", QString::number(pageNo), "-l",
         QString::number(pageNo), "-singlefile", pdf, prefix});
    return QImage(prefix + QStringLiteral(".png"));
}

QString decodeQr(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(),
                                ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    const ZXing::Result r = ZXing::ReadBarcode(view, hints);
    return r.isValid() ? QString::fromStdString(r.text()) : QString();
}

} // namespace pdftools
