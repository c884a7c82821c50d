// ScannerSimulator: a QR scanner in USB-CDC mode on a pseudo-terminal, for tests
// and the demo. devicePath() is a stable link that follows the pty across
// replugs (as /dev/serial/by-id links do). A scanner only talks, so every call
// writes to the master side directly; writes wait (bounded) for room.
#pragma once

#include <QByteArray>
#include <QString>

namespace device {

class ScannerSimulator
{
public:
    explicit ScannerSimulator(const QString &linkPath = {});
    ~ScannerSimulator();
    ScannerSimulator(const ScannerSimulator &) = delete;
    ScannerSimulator &operator=(const ScannerSimulator &) = delete;

    bool start(QString *error = nullptr);
    void stop();
    QString devicePath() const { return m_linkPath; }
    QString ptyPath() const { return m_ptyPath; } // /dev/pts/N of the current plug

    // One scan: the content bytes (UTF-8, GBK… as the code holds them) + suffix.
    bool scan(const QByteArray &content, const QByteArray &suffix = "\r\n");
    // Arbitrary bytes, e.g. half a scan or line noise.
    bool sendRaw(const QByteArray &bytes, int chunk = 0, int gapMs = 0);

    bool unplug(); // closes the master: the driver's port dies (EIO / HUP)
    bool replug(); // a new pty; the link now points at it

private:
    bool openPty(QString *error);
    void closePty();

    QString m_dir, m_linkPath, m_ptyPath;
    int m_master = -1, m_slave = -1;
};

} // namespace device
