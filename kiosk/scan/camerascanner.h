// CameraScanner: QR codes shown to the zone's document camera (高拍仪) or a webcam,
// e.g. on a resident's phone. Qt Multimedia captures; at most a few frames a second
// are turned into 8-bit luma here and handed to device::CameraQrWorker, which
// decodes them with ZXing on its own thread and keeps only the newest frame. Found
// codes go to the ScanRouter like any scanner's. Built only when Qt Multimedia is
// available (KIOSK_HAVE_MULTIMEDIA); without a camera it reports that and idles.
#pragma once

#include <QObject>
#include <QString>
#include <memory>

class QThread;
namespace device {
class CameraQrWorker;
}

namespace kiosk {

class CameraScanner : public QObject
{
    Q_OBJECT
public:
    // deviceId: empty = the system's default camera.
    explicit CameraScanner(const QString &deviceId, QObject *parent = nullptr);
    ~CameraScanner() override;

    bool start(QString *error); // false when there is no such camera
    void stop();

signals:
    void scanned(const QString &text);

private:
    struct Capture;
    std::unique_ptr<Capture> m_capture;
    QString m_deviceId;
    QThread *m_thread = nullptr;
    device::CameraQrWorker *m_worker = nullptr;
};

} // namespace kiosk
