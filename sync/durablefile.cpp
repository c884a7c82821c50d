#include "durablefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace catalogsync {

QByteArray readSmallFile(const QString &path, qint64 cap, bool *ok)
{
    QFile f(path);
    QByteArray bytes;
    const bool opened = f.open(QIODevice::ReadOnly);
    if (opened)
        bytes = f.read(cap + 1);
    if (ok)
        *ok = opened && bytes.size() <= cap;
    return bytes.size() <= cap ? bytes : QByteArray();
}

} // namespace catalogsync
