#include "seriallink.h"

#include <QDeadlineTimer>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace device {

namespace {
speed_t speedFor(int baud)
{
    switch (baud) {
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    }
    return B0;
}
} // namespace

bool SerialLink::isSupportedBaud(int baud)
{
    return speedFor(baud) != B0;
}

bool SerialLink::open(const QString &path, int baud, QString *error)
{
    close();
    const QByteArray native = path.toLocal8Bit();
    const int fd = ::open(native.constData(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        if (error)
            *error = e == ENOENT ? QStringLiteral("the reader is not connected (%1 does not exist)").arg(path)
                   : e == EACCES ? QStringLiteral("no permission to open %1 (is the kiosk user in the dialout group?)").arg(path)
                   : e == EBUSY  ? QStringLiteral("%1 is in use by another program").arg(path)
                                 : QStringLiteral("cannot open %1: %2").arg(path, QString::fromLocal8Bit(strerror(e)));
        return false;
    }
    // Another program talking to the same reader would corrupt both conversations.
    ::ioctl(fd, TIOCEXCL);
    termios tio {};
    if (::tcgetattr(fd, &tio) != 0) {
        if (error)
            *error = QStringLiteral("%1 is not a serial port").arg(path);
        ::close(fd);
        return false;
    }
    m_fd = fd;
    if (!setBaud(baud)) {
        if (error)
            *error = QStringLiteral("cannot set %1 to %2 baud").arg(path).arg(baud);
        close();
        return false;
    }
    flushInput();
    return true;
}

bool SerialLink::setBaud(int baud)
{
    const speed_t speed = speedFor(baud);
    termios tio {};
    if (m_fd < 0 || speed == B0 || ::tcgetattr(m_fd, &tio) != 0)
        return false;
    ::cfmakeraw(&tio);
    tio.c_cflag &= ~tcflag_t(CSTOPB | PARENB | CRTSCTS | CSIZE);
    tio.c_cflag |= CS8 | CLOCAL | CREAD;
    tio.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY);
    tio.c_cc[VMIN] = 0;
    tio.c_cc[VTIME] = 0;
    ::cfsetispeed(&tio, speed);
    ::cfsetospeed(&tio, speed);
    if (::tcsetattr(m_fd, TCSANOW, &tio) != 0)
        return false;
    m_baud = baud;
    return true;
}

void SerialLink::close()
{
    if (m_fd >= 0) {
        // The exclusive flag belongs to the tty, not to this fd: release it.
        ::ioctl(m_fd, TIOCNXCL);
        ::close(m_fd);
    }
    m_fd = -1;
}

void SerialLink::flushInput()
{
    if (m_fd >= 0)
        ::tcflush(m_fd, TCIFLUSH);
}

SerialLink::Io SerialLink::waitFor(short events, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (m_cancel && m_cancel->load())
            return Io::Cancelled;
        const int slice = int(qMin<qint64>(50, deadline.remainingTime()));
        pollfd p {m_fd, events, 0};
        const int n = ::poll(&p, 1, qMax(0, slice));
        if (n < 0 && errno != EINTR)
            return Io::Lost;
        if (n > 0) {
            // Data first: a reader may send its last bytes and then vanish.
            if (p.revents & events)
                return Io::Ok;
            if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
                return Io::Lost;
        }
        if (deadline.hasExpired())
            return Io::Timeout;
    }
}

SerialLink::Io SerialLink::write(QByteArrayView bytes, int timeoutMs)
{
    if (m_fd < 0)
        return Io::Lost;
    const QDeadlineTimer deadline(timeoutMs);
    qsizetype done = 0;
    while (done < bytes.size()) {
        const Io w = waitFor(POLLOUT, int(qMax<qint64>(0, deadline.remainingTime())));
        if (w != Io::Ok)
            return w;
        const ssize_t n = ::write(m_fd, bytes.data() + done, size_t(bytes.size() - done));
        if (n < 0 && errno != EAGAIN && errno != EINTR)
            return Io::Lost;
        if (n > 0)
            done += n;
    }
    return Io::Ok;
}

SerialLink::Io SerialLink::readInto(char *to, qsizetype room, qsizetype *got, int timeoutMs)
{
    *got = 0;
    if (m_fd < 0)
        return Io::Lost;
    const Io w = waitFor(POLLIN, timeoutMs);
    if (w != Io::Ok)
        return w;
    const ssize_t n = ::read(m_fd, to, size_t(room));
    if (n > 0) {
        *got = n;
        return Io::Ok;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return Io::Timeout;
    return Io::Lost; // EOF or EIO: the device went away
}

SerialLink::Io SerialLink::readSome(QByteArray &out, int timeoutMs)
{
    const qsizetype before = out.size();
    out.resize(before + ReadChunk);
    qsizetype got = 0;
    const Io io = readInto(out.data() + before, ReadChunk, &got, timeoutMs);
    out.truncate(before + got);
    return io;
}

SerialLink::Io SerialLink::readSome(CardBytes &out, int timeoutMs)
{
    Io io = Io::Lost;
    out.appendFrom(ReadChunk, [&](char *to, qsizetype room) {
        qsizetype got = 0;
        io = readInto(to, room, &got, timeoutMs);
        return got;
    });
    return io;
}

} // namespace device
