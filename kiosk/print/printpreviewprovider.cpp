#include "printpreviewprovider.h"
#include "printrenderer.h"

namespace kiosk {

PrintPreviewState::PrintPreviewState() = default;
PrintPreviewState::~PrintPreviewState() = default;

void PrintPreviewState::set(const PrintableDocument &document, int serial)
{
    QMutexLocker lock(&m_lock);
    m_document = document;
    m_serial = serial;
    // The text layout's timers belong to the thread that made the renderer (QML's
    // image loader): it is retired here and deleted there, on the next request.
    if (m_renderer)
        m_retired = std::move(m_renderer);
}

PrintableDocument PrintPreviewState::document() const
{
    QMutexLocker lock(&m_lock);
    return m_document;
}

QImage PrintPreviewState::page(int serial, int index, int widthPx)
{
    QMutexLocker lock(&m_lock);
    m_retired.reset();
    if (serial != m_serial || !m_document.isValid())
        return {};
    if (!m_renderer || m_rendererSerial != serial) {
        m_renderer = std::make_unique<PrintRenderer>(m_document);
        m_rendererSerial = serial;
    }
    return m_renderer->pageImage(index, widthPx);
}

PrintPreviewProvider::PrintPreviewProvider(std::shared_ptr<PrintPreviewState> state)
    : QQuickImageProvider(QQuickImageProvider::Image), m_state(std::move(state))
{
}

QString PrintPreviewProvider::sourceFor(int serial)
{
    return QStringLiteral("image://%1/%2/").arg(QLatin1String(kProviderId)).arg(serial);
}

QImage PrintPreviewProvider::requestImage(const QString &id, QSize *size,
                                          const QSize &requestedSize)
{
    const QStringList parts = id.split(QLatin1Char('/'));
    const int width = requestedSize.width() > 0 ? std::min(requestedSize.width(), 2000) : 800;
    QImage image;
    if (parts.size() == 2)
        image = m_state->page(parts[0].toInt(), parts[1].toInt(), width);
    if (image.isNull()) { // a stale or bad request: a blank page, never a crash
        image = QImage(width, int(width * 297.0 / 210.0), QImage::Format_RGB32);
        image.fill(Qt::white);
    }
    if (size)
        *size = image.size();
    return image;
}

} // namespace kiosk
