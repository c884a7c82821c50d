#include "qrframedecoder.h"

#include <ZXing/ReadBarcode.h>

namespace device {

namespace {
std::optional<QString> read(const uint8_t *pixels, const LumaFrame &frame)
{
    const ZXing::ImageView view(pixels, frame.width, frame.height, ZXing::ImageFormat::Lum, frame.stride);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return std::nullopt;
    return QString::fromStdString(result.text());
}
} // namespace

std::optional<QString> QrFrameDecoder::decode(const LumaFrame &frame)
{
    if (!frame.isValid())
        return std::nullopt;
    if (auto text = read(reinterpret_cast<const uint8_t *>(frame.pixels.constData()), frame))
        return text;
    // Phones in dark mode show light modules on dark: try the negative too.
    QByteArray negative = frame.pixels;
    for (char &c : negative)
        c = char(255 - uint8_t(c));
    return read(reinterpret_cast<const uint8_t *>(negative.constData()), frame);
}

void CameraQrWorker::submit(LumaFrame frame)
{
    bool schedule = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_pending)
            ++m_dropped;
        m_pending = std::move(frame);
        schedule = !m_scheduled;
        m_scheduled = true;
    }
    if (schedule)
        QMetaObject::invokeMethod(this, &CameraQrWorker::decodePending, Qt::QueuedConnection);
}

int CameraQrWorker::droppedFrames() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

void CameraQrWorker::decodePending()
{
    std::optional<LumaFrame> frame;
    {
        std::lock_guard lock(m_mutex);
        frame.swap(m_pending);
        m_scheduled = false;
    }
    if (!frame)
        return;
    const auto text = QrFrameDecoder::decode(*frame);
    if (!text)
        return;
    // A code held in front of the camera is one scan, not thirty a second.
    if (*text == m_last && m_lastSeen.isValid() && m_lastSeen.elapsed() < RepeatAfterMs) {
        m_lastSeen.restart();
        return;
    }
    m_last = *text;
    m_lastSeen.restart();
    emit scanned(*text);
}

} // namespace device
