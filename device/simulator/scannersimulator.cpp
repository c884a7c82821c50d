#include "scannersimulator.h"
#include "linkedpty.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace device {

ScannerSimulator::ScannerSimulator(const QString &linkPath) : m_linkPath(linkPath) {}

ScannerSimulator::~ScannerSimulator()
{
    stop();
}

bool ScannerSimulator::start(QString *error)
{
    if (m_linkPath.isEmpty()) {
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/qr-scanner-sim-XXXXXX"));
        dir.setAutoRemove(false);
        if (!dir.isValid()) {
            if (error)
                *error = QStringLiteral("cannot create a temporary directory");
            return false;
        }
        m_dir = dir.path();
        m_linkPath = m_dir + QStringLiteral("/ttyACM-scanner");
    }
    return openPty(error);
}

void ScannerSimulator::stop()
{
    closePty();
    if (!m_dir.isEmpty()) {
        QDir(m_dir).removeRecursively();
        m_dir.clear();
    }
}

bool ScannerSimulator::openPty(QString *error)
{
    LinkedPty pty;
    if (!openLinkedPty(m_linkPath, &pty, error))
        return false;
    m_master = pty.master;
    m_slave = pty.slave; // kept open: no hang-up while no driver has the port open
    m_ptyPath = pty.ptyPath;
    return true;
}

void ScannerSimulator::closePty()
{
    if (m_master >= 0)
        ::close(m_master);
    if (m_slave >= 0)
        ::close(m_slave);
    m_master = m_slave = -1;
}

bool ScannerSimulator::scan(const QByteArray &content, const QByteArray &suffix)
{
    return sendRaw(content + suffix);
}

bool ScannerSimulator::sendRaw(const QByteArray &bytes, int chunk, int gapMs)
{
    if (m_master < 0)
        return false;
    const QDeadlineTimer deadline(5000);
    qsizetype at = 0;
    while (at < bytes.size()) {
        const qsizetype want = chunk > 0 ? std::min<qsizetype>(chunk, bytes.size() - at) : bytes.size() - at;
        const ssize_t n = ::write(m_master, bytes.constData() + at, size_t(want));
        if (n > 0) {
            at += n;
            if (chunk > 0 && gapMs > 0 && at < bytes.size())
                QThread::msleep(gapMs);
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR)
            return false;
        if (deadline.hasExpired())
            return false;
        pollfd p {m_master, POLLOUT, 0};
        ::poll(&p, 1, 20);
    }
    return true;
}

bool ScannerSimulator::unplug()
{
    closePty();
    QFile::remove(m_linkPath);
    return true;
}

bool ScannerSimulator::replug()
{
    closePty();
    return openPty(nullptr);
}

} // namespace device
