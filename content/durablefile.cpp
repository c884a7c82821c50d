#include "durablefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace content {

bool fsyncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    errno = err; // the caller may name the error
    return ok;
}

QString renameDurably(const QString &temp, const QString &target)
{
    if (::rename(QFile::encodeName(temp).constData(), QFile::encodeName(target).constData()) != 0) {
        const QString reason = QString::fromLocal8Bit(strerror(errno));
        QFile::remove(temp);
        return QStringLiteral("cannot replace %1: %2").arg(target, reason);
    }
    // The rename is only durable once its folder is on disk: a failure here is a
    // failure of the whole replacement, not a detail.
    if (!fsyncPath(QFileInfo(target).absolutePath()))
        return QStringLiteral("cannot make %1 durable: the disk reports an error (%2)")
            .arg(target, QString::fromLocal8Bit(strerror(errno)));
    return {};
}

QString writeFileDurably(const QString &path, const QByteArray &bytes)
{
    const QFileInfo target(path);
    if (!QDir().mkpath(target.absolutePath()))
        return QStringLiteral("cannot create folder %1").arg(target.absolutePath());
    const QString temp = target.absolutePath() + "/." + target.fileName() + ".new-" +
                         QString::number(QCoreApplication::applicationPid());
    QFile f(temp);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QStringLiteral("cannot write %1: %2").arg(temp, f.errorString());
    const bool written = f.write(bytes) == bytes.size() && f.flush();
    const QString error = f.errorString();
    f.close();
    if (!written || !fsyncPath(temp)) {
        QFile::remove(temp);
        return QStringLiteral("cannot write %1 (disk full?): %2").arg(path, error);
    }
    return renameDurably(temp, path);
}

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

} // namespace content
