// openLinkedPty: the device end of a simulator — a raw pseudo-terminal (master
// non-blocking, both ends close-on-exec) and a symbolic link to its slave that is
// replaced atomically, as /dev/serial/by-id links follow a replugged adapter.
#pragma once

#include <QString>

namespace device {

struct LinkedPty
{
    int master = -1;
    int slave = -1;
    QString ptyPath; // /dev/pts/N
};

// false (nothing left open) with a reason on failure.
bool openLinkedPty(const QString &linkPath, LinkedPty *pty, QString *error);

} // namespace device
