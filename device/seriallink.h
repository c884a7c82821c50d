// SerialLink: a serial port opened with termios, with every wait bounded by a
// deadline and cancellable. Used instead of QSerialPort because the SAM protocol
// is strict request/response on a worker thread: poll() with a deadline gives the
// driver exact timeouts, a clear "device gone" signal (POLLHUP / EIO when a
// USB-serial adapter or pty master disappears) and needs no extra Qt module, so
// kiosk_device stays buildable in the fuzz configuration (Qt Core only).
#pragma once

#include "cardbytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <atomic>

namespace device {

class SerialLink
{
public:
    enum class Io { Ok, Timeout, Lost, Cancelled };

    SerialLink() = default;
    SerialLink(const SerialLink &) = delete;
    SerialLink &operator=(const SerialLink &) = delete;
    ~SerialLink() { close(); }

    // Raw 8N1, no flow control, exclusive. false with a plain reason on failure.
    bool open(const QString &path, int baud, QString *error);
    void close();
    bool isOpen() const { return m_fd >= 0; }
    bool setBaud(int baud);
    int baud() const { return m_baud; }
    void flushInput();

    Io write(QByteArrayView bytes, int timeoutMs);
    // Appends whatever arrives, waiting up to timeoutMs for the first byte. Bytes
    // are read straight into `out`, never through a buffer on the stack.
    Io readSome(QByteArray &out, int timeoutMs);
    // The same for a link that may carry card data (the ID card reader).
    Io readSome(CardBytes &out, int timeoutMs);

    // Checked while waiting, so a stop request ends any wait within ~50 ms.
    void setCancelFlag(const std::atomic_bool *flag) { m_cancel = flag; }

    static bool isSupportedBaud(int baud);

private:
    static constexpr qsizetype ReadChunk = 512;
    Io waitFor(short events, int timeoutMs);
    // Waits for the first byte, then reads at most `room` bytes into `to`.
    Io readInto(char *to, qsizetype room, qsizetype *got, int timeoutMs);

    int m_fd = -1;
    int m_baud = 0;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace device
