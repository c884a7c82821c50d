// QrImageProvider: draws QR codes for QML Image elements ("image://qr/<hex>").
// The text travels hex-encoded so any URL or Chinese text survives intact.
#pragma once

#include <QQuickImageProvider>

namespace kiosk {

class QrImageProvider : public QQuickImageProvider
{
public:
    QrImageProvider();
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

    // The Image.source that shows text as a QR code.
    static QString sourceFor(const QString &text);
    static constexpr const char *kProviderId = "qr";
};

} // namespace kiosk
