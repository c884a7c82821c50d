#include "blobstore.h"

#include "durablefile.h"
#include "synclog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace catalogsync {

namespace {

QString hashFile(QFile &f, QFile *copyTo, bool *ioError)
{
    Sha256 h;
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    *ioError = false;
    for (;;) { // ends at end of file or on an error
        const qint64 n = f.read(chunk.data(), chunk.size());
        if (n < 0) {
            *ioError = true;
            break;
        }
        if (n == 0)
            break;
        h.add(chunk.constData(), n);
        if (copyTo && copyTo->write(chunk.constData(), n) != n) {
            *ioError = true;
            break;
        }
    }
    return h.hexDigest();
}

} // namespace

BlobStore::BlobStore(QString syncRoot) : m_dir(syncRoot + QStringLiteral("/blobs"))
{
    QDir().mkpath(m_dir + QStringLiteral("/partial"));
}

bool BlobStore::contains(const PinnedFile &blob) const
{
    const QFileInfo fi(pathOf(blob.sha256));
    return fi.isFile() && fi.size() == blob.length;
}

bool BlobStore::isDamaged(const PinnedFile &blob) const
{
    const QFileInfo fi(pathOf(blob.sha256));
    return fi.exists() && !(fi.isFile() && fi.size() == blob.length);
}

QString BlobStore::pathOf(const QString &sha256) const { return m_dir + '/' + sha256; }

QString BlobStore::partPathOf(const QString &sha256) const
{
    return m_dir + QStringLiteral("/partial/") + sha256 + QStringLiteral(".part");
}

QString BlobStore::adoptPart(const PinnedFile &blob, const QString &whatForStaff, bool *mismatch)
{
    *mismatch = false;
    const QString part = partPathOf(blob.sha256);
    QFile f(part);
    bool ioError = false;
    QString digest;
    if (f.open(QIODevice::ReadOnly))
        digest = hashFile(f, nullptr, &ioError);
    const qint64 size = f.size();
    f.close();
    if (ioError || digest.isEmpty())
        return QStringLiteral("cannot read the downloaded %1").arg(whatForStaff);
    if (size != blob.length || digest != blob.sha256) {
        *mismatch = true;
        QFile::remove(part);
        return QStringLiteral("the downloaded %1 does not match the signed manifest (it was "
                              "altered or damaged)").arg(whatForStaff);
    }
    if (!content::fsyncPath(part))
        return QStringLiteral("cannot store the downloaded %1: the kiosk's disk reports an error")
            .arg(whatForStaff);
    // rename(2) replaces a damaged entry in one step (QFile::rename would refuse it).
    const QString target = pathOf(blob.sha256);
    if (QFileInfo(target).isDir())
        QDir(target).removeRecursively();
    if (QString err = content::renameDurably(part, target); !err.isEmpty())
        return QStringLiteral("cannot store the downloaded %1: %2").arg(whatForStaff, err);
    return {};
}

QString BlobStore::copyVerified(const PinnedFile &blob, const QString &dest) const
{
    QFile in(pathOf(blob.sha256));
    QFile out(dest);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QStringLiteral("cannot copy catalog file to %1").arg(dest);
    bool ioError = false;
    const QString digest = hashFile(in, &out, &ioError);
    if (ioError || !out.flush())
        return QStringLiteral("cannot write %1 (disk full?)").arg(dest);
    if (digest != blob.sha256) {
        in.close();
        QFile::remove(pathOf(blob.sha256)); // damaged on disk: fetch it again next time
        return QStringLiteral("a stored catalog file was damaged on disk; it will be "
                              "downloaded again");
    }
    return {};
}

void BlobStore::removeAllExcept(const QSet<QString> &keep)
{
    const QStringList stored = QDir(m_dir).entryList(QDir::Files);
    for (const QString &name : stored)
        if (!keep.contains(name))
            QFile::remove(m_dir + '/' + name);
    const QStringList parts = QDir(m_dir + QStringLiteral("/partial")).entryList(QDir::Files);
    for (const QString &name : parts)
        if (!keep.contains(QFileInfo(name).completeBaseName()))
            QFile::remove(m_dir + QStringLiteral("/partial/") + name);
}

} // namespace catalogsync
