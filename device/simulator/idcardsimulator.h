// IdCardSimulator: a SAM-protocol ID card reader on a pseudo-terminal. The driver
// opens devicePath() exactly like /dev/ttyUSB0; the simulator answers on the
// master side byte for byte, and can misbehave on demand (SAM error codes, bad
// checksums, garbage, slow or no replies, replies in pieces, wrong baud rate,
// unplug and replug). devicePath() is a symbolic link that follows the current
// pty across replugs, as /dev/serial/by-id links follow a USB adapter.
// Thread-safe: the protocol runs on the simulator's own thread.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace device {

class SamFrameParser;

class IdCardSimulator
{
public:
    // linkPath: where to keep the stable link; empty = a fresh directory under /tmp.
    explicit IdCardSimulator(const QString &linkPath = {});
    ~IdCardSimulator();
    IdCardSimulator(const IdCardSimulator &) = delete;
    IdCardSimulator &operator=(const IdCardSimulator &) = delete;

    bool start(QString *error = nullptr);
    void stop();

    QString devicePath() const { return m_linkPath; }
    QString ptyPath() const;

    // The card on the antenna: a 256-byte text block (see simcards.h).
    void placeCard(const QByteArray &textBlock, const QByteArray &photo = {});
    void removeCard();

    // Answer the next `times` (cmd, para) commands with this SW3 and no data.
    void failNext(quint8 cmd, quint8 para, quint8 sw3, int times = 1);
    void corruptNextChecksums(int count);          // responses with a wrong CHK
    void injectGarbage(const QByteArray &bytes);   // sent before the next response
    void setReplyDelay(int ms);
    void ignoreNext(int commands);                 // no reply at all (-1: forever)
    void setChunking(int bytes, int gapMs);        // write replies in pieces
    void setBaud(int baud);                        // the rate the reader speaks

    bool unplug(); // closes the master: the driver's port dies (EIO / HUP)
    bool replug(); // a new pty; the link now points at it

    int commandsReceived(quint8 cmd, quint8 para) const;
    int damagedCommands() const;

private:
    enum class Request { None, Unplug, Replug };
    bool openPty(QString *error);
    void closePty();
    bool request(Request r);
    void run();
    void handle(SamFrameParser &parser);
    QByteArray answer(quint8 cmd, quint8 para, QByteArrayView data);
    void send(QByteArray payload);
    bool writeAll(const QByteArray &bytes);
    bool sleepFor(int ms);
    int ptyBaud() const;

    QString m_dir, m_linkPath, m_ptyPath;
    int m_master = -1, m_slave = -1;
    std::thread m_thread;
    std::atomic_bool m_stop {false};

    mutable std::mutex m_mutex;
    std::condition_variable m_done;
    Request m_request = Request::None;
    bool m_requestOk = false;

    // Scenario, guarded by m_mutex.
    QByteArray m_text, m_photo;
    bool m_cardPresent = false, m_selected = false, m_latched = false;
    QHash<int, QPair<quint8, int>> m_failures;
    int m_corrupt = 0, m_ignore = 0, m_delayMs = 0, m_chunk = 0, m_gapMs = 0;
    int m_baud = 115200;
    QByteArray m_garbage;
    QHash<int, int> m_received;
    int m_damaged = 0;
};

} // namespace device
