#include "linkedpty.h"

#include <QFile>
#include <cstdio>
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace device {

bool openLinkedPty(const QString &linkPath, LinkedPty *pty, QString *error)
{
    termios raw {};
    ::cfmakeraw(&raw);
    ::cfsetispeed(&raw, B115200);
    ::cfsetospeed(&raw, B115200);
    char name[128] = {};
    int master = -1, slave = -1;
    if (::openpty(&master, &slave, name, &raw, nullptr) != 0) {
        if (error)
            *error = QStringLiteral("openpty failed");
        return false;
    }
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
    ::fcntl(master, F_SETFD, FD_CLOEXEC);
    ::fcntl(slave, F_SETFD, FD_CLOEXEC);
    // Replace the link atomically: the driver never sees a half-made one.
    const QString tmp = linkPath + QStringLiteral(".new");
    QFile::remove(tmp);
    if (!QFile::link(QString::fromLocal8Bit(name), tmp) ||
        ::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(linkPath).constData()) != 0) {
        if (error)
            *error = QStringLiteral("cannot create the link %1").arg(linkPath);
        ::close(master);
        ::close(slave);
        return false;
    }
    pty->master = master;
    pty->slave = slave;
    pty->ptyPath = QString::fromLocal8Bit(name);
    return true;
}

} // namespace device
