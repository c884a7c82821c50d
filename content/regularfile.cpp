#include "regularfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace content {

namespace {

RegularFile failure(RegularFile::Status status, QString reason)
{
    return {status, std::move(reason)};
}

QString errnoText(int err) { return QString::fromLocal8Bit(strerror(err)); }

// What an open of `name` (a component of `shown`) that failed with err means.
RegularFile openFailure(int err, const QString &shown)
{
    switch (err) {
    case ENOENT: return failure(RegularFile::NotFound, QStringLiteral("%1 does not exist").arg(shown));
    case ELOOP: // O_NOFOLLOW met a symbolic link
    case ENOTDIR:
    case ENXIO: // O_NONBLOCK on a FIFO with no writer for writing, or a device without a driver
        return failure(RegularFile::NotRegular,
                       QStringLiteral("%1 is not a regular file (a link, device or pipe); it was not read")
                           .arg(shown));
    default: return failure(RegularFile::Failed, QStringLiteral("cannot open %1: %2").arg(shown, errnoText(err)));
    }
}

QString kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return QStringLiteral("a named pipe");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("a device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISLNK(mode))
        return QStringLiteral("a symbolic link");
    if (S_ISREG(mode))
        return QStringLiteral("a regular file");
    return QStringLiteral("not a regular file");
}

RegularFile notRegular(QString reason, QString entry, mode_t mode)
{
    RegularFile r = failure(RegularFile::NotRegular, std::move(reason));
    r.entry = std::move(entry);
    r.kind = kindOf(mode);
    return r;
}

} // namespace

int openRegularFile(const QString &baseDir, const QString &relPath, qint64 *size, RegularFile *result)
{
    const QString shown = QDir::cleanPath(baseDir + '/' + relPath);
    const QStringList parts = relPath.split('/');
    for (const QString &p : parts)
        if (p.isEmpty() || p == QLatin1String(".") || p == QLatin1String("..")) {
            *result = failure(RegularFile::Failed, QStringLiteral("%1 is not a plain file name").arg(relPath));
            return -1;
        }
    int dir = ::open(QFile::encodeName(baseDir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) {
        *result = openFailure(errno, baseDir);
        return -1;
    }
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        const QByteArray folder = QFile::encodeName(parts[i]);
        const int next = ::openat(dir, folder.constData(),
                                  O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        const int err = errno;
        if (next < 0) {
            *result = openFailure(err, shown);
            // Say which folder on the way it was, and what it is instead.
            struct stat st {};
            if ((err == ELOOP || err == ENOTDIR) &&
                ::fstatat(dir, folder.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
                result->entry = parts.mid(0, i + 1).join('/');
                result->kind = kindOf(st.st_mode);
            }
            ::close(dir);
            return -1;
        }
        ::close(dir);
        dir = next;
    }
    const QByteArray name = QFile::encodeName(parts.last());
    // Look before opening: even opening some devices has effects.
    struct stat st {};
    if (::fstatat(dir, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        *result = openFailure(errno, shown);
        ::close(dir);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(dir);
        *result = notRegular(QStringLiteral("%1 is %2, not a regular file; it was not read")
                                 .arg(shown, kindOf(st.st_mode)),
                             relPath, st.st_mode);
        return -1;
    }
    const int fd = ::openat(dir, name.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    const int err = errno;
    ::close(dir);
    if (fd < 0) {
        *result = openFailure(err, shown);
        return -1;
    }
    // And look again at what was opened: the entry may have been swapped meanwhile.
    if (::fstat(fd, &st) != 0) {
        const int statErr = errno;
        ::close(fd);
        *result = failure(RegularFile::Failed,
                          QStringLiteral("cannot look at %1: %2").arg(shown, errnoText(statErr)));
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        *result = notRegular(QStringLiteral("%1 is not a regular file; it was not read").arg(shown),
                             relPath, st.st_mode);
        return -1;
    }
    *size = qint64(st.st_size);
    *result = {RegularFile::Ok, {}};
    return fd;
}

RegularFile readRegularFile(const QString &baseDir, const QString &relPath, qint64 cap, QByteArray *out,
                            QDeadlineTimer deadline)
{
    out->clear();
    RegularFile result;
    qint64 size = 0;
    const int fd = openRegularFile(baseDir, relPath, &size, &result);
    if (fd < 0)
        return result;
    const QString shown = QDir::cleanPath(baseDir + '/' + relPath);
    if (size > cap) {
        ::close(fd);
        RegularFile tooLarge = failure(RegularFile::TooLarge,
                                       QStringLiteral("%1 is %2 bytes, more than the %3 allowed")
                                           .arg(shown)
                                           .arg(size)
                                           .arg(cap));
        tooLarge.size = size;
        return tooLarge;
    }
    // The size may change while reading: read at most one byte more than the cap.
    out->resize(qsizetype(qMin(size, cap) + 1));
    qint64 have = 0;
    for (;;) { // ends at end of file, the cap, an error or the deadline
        if (deadline.hasExpired()) {
            ::close(fd);
            out->clear();
            return failure(RegularFile::TimedOut, QStringLiteral("reading %1 took too long").arg(shown));
        }
        if (have == out->size()) {
            if (have > cap) {
                ::close(fd);
                out->clear();
                return failure(RegularFile::TooLarge,
                               QStringLiteral("%1 is more than the %2 bytes allowed").arg(shown).arg(cap));
            }
            out->resize(qsizetype(qMin(cap + 1, have + 64 * 1024)));
        }
        const ssize_t n = ::read(fd, out->data() + have, size_t(out->size() - have));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            out->clear();
            return failure(RegularFile::Failed, QStringLiteral("reading %1 failed: %2").arg(shown, errnoText(err)));
        }
        if (n == 0)
            break;
        have += n;
    }
    ::close(fd);
    if (have > cap) {
        out->clear();
        return failure(RegularFile::TooLarge, QStringLiteral("%1 is more than the %2 bytes allowed").arg(shown).arg(cap));
    }
    out->resize(qsizetype(have));
    return {RegularFile::Ok, {}};
}

RegularFile readRegularFile(const QString &path, qint64 cap, QByteArray *out)
{
    const QFileInfo fi(path);
    return readRegularFile(fi.absolutePath(), fi.fileName(), cap, out);
}

namespace {

const int kFolderFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;

// Adds what the open folder `folder` (rel below the base; taken over and closed) holds.
void listFolder(int folder, const QString &rel, QStringList *files,
                QList<IrregularEntry> *irregular)
{
    DIR *d = ::fdopendir(folder);
    if (!d) {
        irregular->append(
            {rel, QStringLiteral("a folder that cannot be read: %1").arg(errnoText(errno))});
        ::close(folder);
        return;
    }
    const QString prefix = rel.isEmpty() ? QString() : rel + '/';
    while (const dirent *e = ::readdir(d)) {
        if (e->d_name[0] == '.') // ".", ".." and hidden entries
            continue;
        const QString path = prefix + QFile::decodeName(e->d_name);
        struct stat st {};
        if (::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; // gone meanwhile
        if (S_ISREG(st.st_mode)) {
            files->append(path);
        } else if (S_ISDIR(st.st_mode)) {
            const int sub = ::openat(::dirfd(d), e->d_name, kFolderFlags);
            if (sub < 0) // swapped for a link meanwhile, or not readable
                irregular->append(
                    {path,
                     QStringLiteral("a folder that cannot be read: %1").arg(errnoText(errno))});
            else
                listFolder(sub, path, files, irregular);
        } else {
            irregular->append({path, kindOf(st.st_mode)});
        }
    }
    ::closedir(d);
}

} // namespace

QStringList listRegularFiles(const QString &baseDir, const QString &relDir,
                             QList<IrregularEntry> *irregular)
{
    QStringList files;
    int dir = ::open(QFile::encodeName(baseDir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) {
        irregular->append(
            {baseDir, QStringLiteral("a folder that cannot be read: %1").arg(errnoText(errno))});
        return files;
    }
    const QStringList parts = relDir.split('/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QByteArray folder = QFile::encodeName(parts[i]);
        const int next = ::openat(dir, folder.constData(), kFolderFlags);
        const int err = errno;
        if (next < 0) {
            // Not there, or a regular file: nothing to list. Anything else is named.
            struct stat st {};
            if (::fstatat(dir, folder.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                !S_ISREG(st.st_mode))
                irregular->append(
                    {parts.mid(0, i + 1).join('/'),
                     S_ISDIR(st.st_mode)
                         ? QStringLiteral("a folder that cannot be read: %1").arg(errnoText(err))
                         : kindOf(st.st_mode)});
            ::close(dir);
            return files;
        }
        ::close(dir);
        dir = next;
    }
    const qsizetype firstIrregular = irregular->size();
    listFolder(dir, parts.join('/'), &files, irregular);
    files.sort(); // readdir's order is the disk's, not the editor's
    std::sort(irregular->begin() + firstIrregular, irregular->end(),
              [](const IrregularEntry &a, const IrregularEntry &b) { return a.relPath < b.relPath; });
    return files;
}

} // namespace content
