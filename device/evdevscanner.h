// EvdevScanner: a HID keyboard-wedge QR scanner read through evdev (libevdev)
// with an exclusive grab (EVIOCGRAB), so its key presses reach only this driver
// and never the kiosk's text fields or the compositor. Opens the scanner's
// /dev/input/by-id/…-event-kbd node (the udev rule in deploy/ links known
// scanners to /dev/disclosure-kiosk/qr-scanner-kbd and grants the kiosk user
// access), decodes key codes with KeyWedgeDecoder, and reopens after an unplug.
// If the grab is refused the device is closed again: a scanner typing into
// whatever has focus is worse than no scanner.
#pragma once

#include "keywedge.h"
#include "scanner.h"

#include <QDeadlineTimer>

struct libevdev;
class QTimer;

namespace device {

struct EvdevScannerConfig
{
    QString devicePath;
    int interKeyTimeoutMs = 300;
    int reopenIntervalMs = 1000;
};

class EvdevScanner : public Scanner
{
    Q_OBJECT
public:
    explicit EvdevScanner(const EvdevScannerConfig &config, QObject *parent = nullptr);
    ~EvdevScanner() override;

    void pollOnce();
    // Feeds one key event as if read from the device (the decoder path, for tests).
    void handleKey(int code, int value);

public slots:
    void start() override;
    void shutdown() override;

private:
    bool openDevice();
    void closeDevice();
    void lose(Problem problem, const QString &reason);

    EvdevScannerConfig m_config;
    KeyWedgeDecoder m_decoder;
    int m_fd = -1;
    libevdev *m_dev = nullptr;
    QTimer *m_timer = nullptr;
    QDeadlineTimer m_nextOpen {0};
    QDeadlineTimer m_partialDeadline {QDeadlineTimer::Forever};
    bool m_everOpened = false;
};

} // namespace device
