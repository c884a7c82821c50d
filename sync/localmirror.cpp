#include "repositorymirror.h"

#include "regularfile.h"

#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QStorageInfo>
#include <cerrno>
#include <unistd.h>

namespace catalogsync {

FetchResult writeFailure(const QFileDevice &file)
{
    // A short write on a full disk leaves no error code in QFile (only ENOSPC from
    // write() itself maps to ResourceError): look at the free space as well.
    const qint64 free = QStorageInfo(QFileInfo(file.fileName()).absolutePath()).bytesAvailable();
    if (file.error() == QFileDevice::ResourceError || (free >= 0 && free < 1024 * 1024))
        return {FetchResult::NoSpace, QStringLiteral("the kiosk's disk is full: cannot save the download")};
    return {FetchResult::Failed, QStringLiteral("cannot save the download: %1").arg(file.errorString())};
}

FetchResult RepositoryMirror::budgetLeft(const QString &what) const
{
    if (cancelled())
        return {FetchResult::Stopped, QStringLiteral("the update was stopped while reading %1").arg(what)};
    if (m_deadline.hasExpired())
        return {FetchResult::TooSlow, QStringLiteral("%1 took longer than a catalog update may take; "
                                                     "the next update continues where this one stopped")
                                          .arg(what)};
    return FetchResult::success();
}

namespace {

// A stick's file that could not be opened or read, in the mirror's words.
FetchResult fromRegularFile(const content::RegularFile &r)
{
    switch (r.status) {
    case content::RegularFile::Ok: return FetchResult::success();
    case content::RegularFile::NotFound: return {FetchResult::NotFound, r.reason};
    case content::RegularFile::NotRegular: return {FetchResult::NotRegular, r.reason};
    case content::RegularFile::TooLarge: return {FetchResult::TooLarge, r.reason};
    case content::RegularFile::TimedOut: return {FetchResult::TooSlow, r.reason};
    case content::RegularFile::Failed: break;
    }
    return {FetchResult::Failed, r.reason + QStringLiteral(" (was the stick removed?)")};
}

} // namespace

LocalMirror::LocalMirror(QString directory, QString label)
    : m_dir(std::move(directory)), m_label(std::move(label))
{
}

QString LocalMirror::description() const
{
    return m_label.isEmpty() ? QStringLiteral("folder %1").arg(m_dir) : m_label;
}

// Everything on a stick is opened through content::openRegularFile: a FIFO, device
// node or symbolic link where a repository file belongs is refused without blocking.
FetchResult LocalMirror::fetchFile(const QString &relPath, qint64 cap, QByteArray *out, QByteArray *)
{
    const QString what = QStringLiteral("%1 on %2").arg(relPath, description());
    if (FetchResult left = budgetLeft(what); !left.ok())
        return left;
    const content::RegularFile r = content::readRegularFile(m_dir, relPath, cap, out, deadline());
    if (!out->isEmpty())
        countBytes(out->size());
    return fromRegularFile(r);
}

FetchResult LocalMirror::fetchBlob(const QString &relPath, qint64 length, const QString &partFile)
{
    const QString what = QStringLiteral("%1 on %2").arg(relPath, description());
    if (FetchResult left = budgetLeft(what); !left.ok())
        return left;
    content::RegularFile opened;
    qint64 size = 0;
    const int fd = content::openRegularFile(m_dir, relPath, &size, &opened);
    if (fd < 0)
        return fromRegularFile(opened);
    const auto closing = qScopeGuard([fd] { ::close(fd); });
    QFile dst(partFile);
    if (!dst.open(QIODevice::ReadWrite | QIODevice::Append))
        return {FetchResult::Failed, QStringLiteral("cannot save %1: %2").arg(what, dst.errorString())};
    qint64 have = dst.size();
    if (have > length) {
        dst.resize(0);
        have = 0;
    }
    if (::lseek(fd, off_t(have), SEEK_SET) != off_t(have))
        return {FetchResult::Failed, QStringLiteral("cannot read %1").arg(what)};
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    // Bounded: every pass moves at least one byte towards `length` or returns, and the
    // budget ends a read that crawls.
    while (have < length) {
        if (FetchResult left = budgetLeft(what); !left.ok())
            return left;
        const ssize_t n = ::read(fd, chunk.data(), size_t(qMin<qint64>(chunk.size(), length - have)));
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            return {FetchResult::WrongLength, QStringLiteral("%1 is shorter than the manifest says").arg(what)};
        if (n < 0)
            return {FetchResult::Failed, QStringLiteral("reading %1 failed (was the stick removed?)").arg(what)};
        if (dst.write(chunk.constData(), n) != n)
            return writeFailure(dst);
        have += n;
        countBytes(n);
    }
    char extra;
    if (::read(fd, &extra, 1) == 1)
        return {FetchResult::TooLarge, QStringLiteral("%1 is longer than the manifest says").arg(what)};
    return dst.flush() ? FetchResult::success() : writeFailure(dst);
}

} // namespace catalogsync
