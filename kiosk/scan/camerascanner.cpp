#include "camerascanner.h"

#include "qrframedecoder.h"

#include <QCamera>
#include <QCameraDevice>
#include <QElapsedTimer>
#include <QImage>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QThread>
#include <QVideoFrame>
#include <QVideoSink>

namespace kiosk {

namespace {
constexpr int kFrameIntervalMs = 200; // 5 frames a second are plenty for a held-up code
}

struct CameraScanner::Capture
{
    QMediaCaptureSession session;
    std::unique_ptr<QCamera> camera;
    QVideoSink sink;
    QElapsedTimer sinceLast;
};

CameraScanner::CameraScanner(const QString &deviceId, QObject *parent)
    : QObject(parent), m_deviceId(deviceId)
{
}

CameraScanner::~CameraScanner()
{
    stop();
}

bool CameraScanner::start(QString *error)
{
    stop();
    QCameraDevice chosen;
    for (const QCameraDevice &d : QMediaDevices::videoInputs())
        if (m_deviceId.isEmpty() ? d.isDefault() : QString::fromUtf8(d.id()) == m_deviceId)
            chosen = d;
    if (chosen.isNull()) {
        if (error)
            *error = m_deviceId.isEmpty() ? QStringLiteral("no camera is connected")
                                          : QStringLiteral("the camera %1 is not connected").arg(m_deviceId);
        return false;
    }
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("camera-qr"));
    m_worker = new device::CameraQrWorker;
    m_worker->moveToThread(m_thread);
    connect(m_worker, &device::CameraQrWorker::scanned, this, &CameraScanner::scanned, Qt::QueuedConnection);
    m_thread->start();

    m_capture = std::make_unique<Capture>();
    m_capture->camera = std::make_unique<QCamera>(chosen);
    m_capture->session.setCamera(m_capture->camera.get());
    m_capture->session.setVideoSink(&m_capture->sink);
    m_capture->sinceLast.start();
    connect(&m_capture->sink, &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame &frame) {
        if (!m_capture || m_capture->sinceLast.elapsed() < kFrameIntervalMs || !frame.isValid())
            return;
        m_capture->sinceLast.restart();
        const QImage gray = frame.toImage().convertToFormat(QImage::Format_Grayscale8);
        device::LumaFrame luma;
        luma.width = gray.width();
        luma.height = gray.height();
        luma.stride = int(gray.bytesPerLine());
        luma.pixels = QByteArray(reinterpret_cast<const char *>(gray.constBits()), gray.sizeInBytes());
        m_worker->submit(std::move(luma));
    });
    m_capture->camera->start();
    return true;
}

void CameraScanner::stop()
{
    if (m_capture) {
        m_capture->camera->stop();
        m_capture.reset();
    }
    if (m_thread) {
        m_thread->quit();
        // A decode takes well under a second. Never terminate(): if it does not end
        // in time, leave the thread and worker to finish on their own.
        if (m_thread->wait(3000)) {
            delete m_worker;
            delete m_thread;
        } else {
            m_worker->disconnect(this);
        }
        m_worker = nullptr;
        m_thread = nullptr;
    }
}

} // namespace kiosk
