#include "repositorymirror.h"

#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

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

LocalMirror::LocalMirror(QString directory, QString label)
    : m_dir(std::move(directory)), m_label(std::move(label))
{
}

QString LocalMirror::description() const
{
    return m_label.isEmpty() ? QStringLiteral("folder %1").arg(m_dir) : m_label;
}

FetchResult LocalMirror::fetchFile(const QString &relPath, qint64 cap, QByteArray *out, QByteArray *)
{
    QFile f(m_dir + '/' + relPath);
    if (!f.exists())
        return {FetchResult::NotFound, QStringLiteral("%1 is not on %2").arg(relPath, description())};
    if (!f.open(QIODevice::ReadOnly))
        return {FetchResult::Failed,
                QStringLiteral("cannot read %1 from %2: %3").arg(relPath, description(), f.errorString())};
    *out = f.read(cap + 1); // one byte more than allowed tells "too large" apart
    countBytes(out->size());
    if (out->size() > cap)
        return {FetchResult::TooLarge, QStringLiteral("%1 on %2 is larger than allowed")
                                           .arg(relPath, description())};
    if (f.error() != QFile::NoError)
        return {FetchResult::Failed, QStringLiteral("reading %1 from %2 failed (was the stick "
                                                    "removed?)").arg(relPath, description())};
    return FetchResult::success();
}

FetchResult LocalMirror::fetchBlob(const QString &relPath, qint64 length, const QString &partFile)
{
    QFile src(m_dir + '/' + relPath);
    if (!src.exists())
        return {FetchResult::NotFound, QStringLiteral("%1 is not on %2").arg(relPath, description())};
    QFile dst(partFile);
    if (!src.open(QIODevice::ReadOnly) || !dst.open(QIODevice::ReadWrite | QIODevice::Append))
        return {FetchResult::Failed, QStringLiteral("cannot copy %1 from %2").arg(relPath, description())};
    qint64 have = dst.size();
    if (have > length) {
        dst.resize(0);
        have = 0;
    }
    if (!src.seek(have))
        return {FetchResult::Failed, QStringLiteral("cannot read %1 from %2").arg(relPath, description())};
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    // Bounded: every pass moves at least one byte towards `length` or returns.
    while (have < length) {
        const qint64 n = src.read(chunk.data(), qMin<qint64>(chunk.size(), length - have));
        if (n == 0)
            return {FetchResult::WrongLength, QStringLiteral("%1 on %2 is shorter than the manifest says")
                                                  .arg(relPath, description())};
        if (n < 0)
            return {FetchResult::Failed, QStringLiteral("reading %1 from %2 failed (was the stick removed?)")
                                             .arg(relPath, description())};
        if (dst.write(chunk.constData(), n) != n)
            return writeFailure(dst);
        have += n;
        countBytes(n);
    }
    char extra;
    if (src.read(&extra, 1) == 1)
        return {FetchResult::TooLarge, QStringLiteral("%1 on %2 is longer than the manifest says")
                                           .arg(relPath, description())};
    return dst.flush() ? FetchResult::success() : writeFailure(dst);
}

} // namespace catalogsync
