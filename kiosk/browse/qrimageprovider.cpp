#include "qrimageprovider.h"
#include "qrsymbol.h"

#include <QPainter>

namespace kiosk {

QrImageProvider::QrImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}

QString QrImageProvider::sourceFor(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("image://%1/%2")
        .arg(QLatin1String(kProviderId), QString::fromLatin1(text.toUtf8().toHex()));
}

QImage QrImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const QString text = QString::fromUtf8(QByteArray::fromHex(id.toLatin1()));
    const device::QrSymbol symbol = device::QrSymbol::encode(text);
    const int side = std::max({requestedSize.width(), requestedSize.height(), 256});
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    if (symbol.isValid()) {
        // Whole pixels per module keep the code crisp for phone cameras.
        const int module = std::max(1, side / symbol.size());
        const int offset = (side - module * symbol.size()) / 2;
        QPainter p(&image);
        for (int y = 0; y < symbol.size(); ++y)
            for (int x = 0; x < symbol.size(); ++x)
                if (symbol.isDark(x, y))
                    p.fillRect(offset + x * module, offset + y * module, module, module, Qt::black);
    }
    if (size)
        *size = image.size();
    return image;
}

} // namespace kiosk
