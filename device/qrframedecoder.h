// Camera QR scanning, the headless half: QrFrameDecoder finds a QR code in one
// grayscale frame with ZXing-cpp (any rotation, TryHarder, inverted codes from phone
// screens in dark mode); CameraQrWorker lives on a worker thread, always decodes only
// the newest frame (older ones are dropped, so a slow decode never builds a queue),
// and reports each code once while it stays in view. The capture itself (Qt
// Multimedia) belongs in kiosk/ and hands frames over as 8-bit luma.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <mutex>
#include <optional>

namespace device {

struct LumaFrame
{
    QByteArray pixels; // 8-bit gray, rows of `stride` bytes
    int width = 0, height = 0, stride = 0;
    bool isValid() const
    {
        return width > 0 && height > 0 && stride >= width && pixels.size() >= qsizetype(stride) * height;
    }
};

class QrFrameDecoder
{
public:
    // The text of a QR code in the frame (UTF-8 or, per the symbol's ECI, GB18030
    // text as decoded by ZXing), or nullopt.
    static std::optional<QString> decode(const LumaFrame &frame);
};

class CameraQrWorker : public QObject
{
    Q_OBJECT
public:
    explicit CameraQrWorker(QObject *parent = nullptr) : QObject(parent) {}

    // Thread-safe, non-blocking: replaces any frame still waiting.
    void submit(LumaFrame frame);
    int droppedFrames() const;

    static constexpr int RepeatAfterMs = 3000; // the same code again only after this long away

signals:
    void scanned(const QString &text);

private:
    void decodePending(); // on the worker's thread
    mutable std::mutex m_mutex;
    std::optional<LumaFrame> m_pending;
    bool m_scheduled = false;
    int m_dropped = 0;
    QString m_last;
    QElapsedTimer m_lastSeen;
};

} // namespace device
