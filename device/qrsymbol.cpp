#include "qrsymbol.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

namespace device {

QrSymbol QrSymbol::encode(const QString &text)
{
    QrSymbol out;
    if (text.isEmpty()) {
        out.m_error = QStringLiteral("nothing to encode");
        return out;
    }
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setEncoding(ZXing::CharacterSet::UTF8);
        writer.setEccLevel(4); // ZXing's 0..8 scale: 4 ≈ level M
        writer.setMargin(0);
        const ZXing::BitMatrix m = writer.encode(text.toStdString(), 0, 0);
        const int quiet = 4;
        const int n = m.width() + 2 * quiet;
        out.m_size = n;
        out.m_modules.assign(size_t(n) * size_t(n), false);
        for (int y = 0; y < m.height(); ++y)
            for (int x = 0; x < m.width(); ++x)
                out.m_modules[size_t(y + quiet) * size_t(n) + size_t(x + quiet)] = m.get(x, y);
    } catch (const std::exception &e) {
        out.m_size = 0;
        out.m_modules.clear();
        out.m_error = QString::fromUtf8(e.what());
    }
    return out;
}

} // namespace device
