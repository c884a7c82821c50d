#include "evdevscanner.h"

#include "devicelog.h"

#include <QFile>
#include <QThread>
#include <QTimer>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <libevdev/libevdev.h>
#include <poll.h>
#include <unistd.h>

namespace device {

EvdevScanner::EvdevScanner(const EvdevScannerConfig &config, QObject *parent)
    : Scanner(parent), m_config(config)
{
}

EvdevScanner::~EvdevScanner()
{
    closeDevice();
}

void EvdevScanner::start()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(0); // pollOnce waits up to 50 ms itself
        connect(m_timer, &QTimer::timeout, this, &EvdevScanner::pollOnce);
    }
    m_stop = false;
    m_timer->start();
}

void EvdevScanner::shutdown()
{
    m_stop = true;
    if (m_timer)
        m_timer->stop();
    closeDevice();
    m_decoder.dropPartial();
    qCInfo(lcScannerDevice) << "scanner(evdev): shut down";
}

bool EvdevScanner::openDevice()
{
    const QByteArray path = QFile::encodeName(m_config.devicePath);
    const int fd = ::open(path.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        lose(e == EACCES ? Problem::NoPermission : m_everOpened ? Problem::Disconnected : Problem::NotConnected,
             e == EACCES ? QStringLiteral("no permission to open %1 (see deploy/udev rules)").arg(m_config.devicePath)
             : e == ENOENT ? QStringLiteral("the scanner is not connected (%1 does not exist)").arg(m_config.devicePath)
                           : QStringLiteral("cannot open %1: %2").arg(m_config.devicePath,
                                                                     QString::fromLocal8Bit(strerror(e))));
        return false;
    }
    libevdev *dev = nullptr;
    if (libevdev_new_from_fd(fd, &dev) < 0) {
        ::close(fd);
        lose(Problem::NotConnected, QStringLiteral("%1 is not an input device").arg(m_config.devicePath));
        return false;
    }
    if (libevdev_grab(dev, LIBEVDEV_GRAB) < 0) {
        libevdev_free(dev);
        ::close(fd);
        lose(Problem::NoPermission,
             QStringLiteral("%1 is grabbed by another program; not reading it so that scans "
                            "cannot type into other windows").arg(m_config.devicePath));
        return false;
    }
    m_fd = fd;
    m_dev = dev;
    m_everOpened = true;
    qCInfo(lcScannerDevice) << "scanner(evdev): grabbed";
    setState(State::Ready, Problem::None, {});
    return true;
}

void EvdevScanner::closeDevice()
{
    if (m_dev) {
        libevdev_grab(m_dev, LIBEVDEV_UNGRAB);
        libevdev_free(m_dev);
        m_dev = nullptr;
    }
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void EvdevScanner::lose(Problem problem, const QString &reason)
{
    closeDevice();
    m_decoder.dropPartial();
    m_nextOpen = QDeadlineTimer(m_config.reopenIntervalMs);
    setState(State::Absent, problem, reason);
}

void EvdevScanner::handleKey(int code, int value)
{
    auto scan = m_decoder.key(code, value);
    m_partialDeadline = m_decoder.hasPartial() ? QDeadlineTimer(m_config.interKeyTimeoutMs)
                                               : QDeadlineTimer(QDeadlineTimer::Forever);
    if (!scan)
        return;
    if (scan->overlong) {
        emit scanFailed(Problem::Overlong);
    } else if (scan->unmapped) {
        emit scanFailed(Problem::NotText);
    } else {
        qCInfo(lcScannerDevice) << "scanner(evdev): scan of" << scan->text.size() << "characters";
        emit scanned(scan->text);
    }
}

void EvdevScanner::pollOnce()
{
    if (m_stop)
        return;
    if (!m_dev) {
        if (m_nextOpen.hasExpired())
            openDevice();
        else
            QThread::msleep(20);
        return;
    }
    pollfd p {m_fd, POLLIN, 0};
    const int n = ::poll(&p, 1, 50);
    if (n > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) && !(p.revents & POLLIN)) {
        lose(Problem::Disconnected, QStringLiteral("the scanner was disconnected"));
        return;
    }
    if (n <= 0) {
        if (m_partialDeadline.hasExpired()) {
            m_partialDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
            if (m_decoder.dropPartial())
                emit scanFailed(Problem::Incomplete);
        }
        return;
    }
    for (int i = 0; i < 4096 && !m_stop; ++i) {
        input_event ev {};
        int rc = libevdev_next_event(m_dev, LIBEVDEV_READ_FLAG_NORMAL, &ev);
        if (rc == LIBEVDEV_READ_STATUS_SYNC) {
            // Events were dropped by the kernel: the scan in progress is incomplete.
            while (rc == LIBEVDEV_READ_STATUS_SYNC)
                rc = libevdev_next_event(m_dev, LIBEVDEV_READ_FLAG_SYNC, &ev);
            if (m_decoder.dropPartial())
                emit scanFailed(Problem::Incomplete);
            continue;
        }
        if (rc == -EAGAIN)
            return;
        if (rc < 0) {
            lose(Problem::Disconnected, QStringLiteral("the scanner was disconnected"));
            return;
        }
        if (ev.type == EV_KEY)
            handleKey(ev.code, ev.value);
    }
}

} // namespace device
