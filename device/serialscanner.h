// SerialScanner: a QR scanner in USB-CDC mode (/dev/ttyACM*, a /dev/serial/by-id
// link, a pty). Reads raw bytes through SerialLink (termios + poll with deadlines,
// as the ID card reader does: exact timeouts and a clear "device gone"), frames
// scans by their suffix, decodes UTF-8 or GB18030, and reopens the port after an
// unplug. A partial scan that stops arriving for interCharTimeoutMs is dropped:
// scanners send a code in one burst, so a stalled rest is line noise or a
// half-sent code from an unplug.
#pragma once

#include "scanline.h"
#include "scanner.h"
#include "seriallink.h"

#include <QDeadlineTimer>

class QTimer;

namespace device {

struct SerialScannerConfig
{
    QString portPath;
    int baud = 9600; // ignored by USB-CDC, used by real UART scanners
    ScanLineFramer::Suffix suffix = ScanLineFramer::Suffix::Any;
    int maxScanBytes = 2048;
    int interCharTimeoutMs = 300;
    int reopenIntervalMs = 1000;
};

class SerialScanner : public Scanner
{
    Q_OBJECT
public:
    explicit SerialScanner(const SerialScannerConfig &config, QObject *parent = nullptr);

    // One bounded step (at most ~50 ms): open if due, read, emit complete scans.
    void pollOnce();

public slots:
    void start() override;
    void shutdown() override;

private:
    void lose(Problem problem, const QString &reason);
    void emitLines();

    SerialScannerConfig m_config;
    SerialLink m_link;
    ScanLineFramer m_framer;
    QTimer *m_timer = nullptr;
    QDeadlineTimer m_nextOpen {0};
    QDeadlineTimer m_partialDeadline {QDeadlineTimer::Forever};
    bool m_everOpened = false;
};

} // namespace device
