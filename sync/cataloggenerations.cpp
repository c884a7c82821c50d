#include "cataloggenerations.h"
#include "durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace catalogsync {

CatalogGenerations::CatalogGenerations(QString root) : m_root(std::move(root)) {}

QString CatalogGenerations::currentDirectory() const
{
    const QFileInfo link(m_root + "/current");
    if (!link.isSymLink() || !link.exists())
        return {};
    return link.canonicalFilePath();
}

QString CatalogGenerations::currentCatalog() const
{
    const QString dir = currentDirectory();
    if (dir.isEmpty() || !QFileInfo::exists(dir + '/' + kCatalogFile))
        return {};
    return dir + '/' + kCatalogFile;
}

QStringList CatalogGenerations::generationNames() const
{
    return QDir(m_root + "/generations").entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QString CatalogGenerations::activate(const QString &name)
{
    if (name.isEmpty() || name.contains('/') || name.startsWith('.'))
        return QStringLiteral("'%1' is not a generation name").arg(name);
    const QString target = QStringLiteral("generations/") + name;
    if (!QFileInfo::exists(m_root + '/' + target + '/' + kCatalogFile))
        return QStringLiteral("generation %1 holds no catalog").arg(name);
    char link[4096];
    const ssize_t n = ::readlink(QFile::encodeName(m_root + "/current").constData(), link, sizeof link - 1);
    const QString previous = n > 0 ? QFile::decodeName(QByteArray(link, n)) : QString(); // "generations/m1"
    if (QString err = pointCurrentAt(target); !err.isEmpty())
        return err;
    if (content::fsyncPath(m_root))
        return {};
    // The switch may not survive a power cut: go back to the generation that is on
    // disk for sure, and fail the apply.
    const QString err = QString::fromLocal8Bit(strerror(errno));
    if (!previous.isEmpty())
        pointCurrentAt(previous);
    return QStringLiteral("cannot switch catalog: the kiosk's disk reports an error (%1)").arg(err);
}

QString CatalogGenerations::pointCurrentAt(const QString &target)
{
    const QByteArray tmp = QFile::encodeName(m_root + "/.current.new");
    const QByteArray cur = QFile::encodeName(m_root + "/current");
    ::unlink(tmp.constData());
    if (::symlink(QFile::encodeName(target).constData(), tmp.constData()) != 0)
        return QStringLiteral("cannot create link: %1").arg(QString::fromLocal8Bit(strerror(errno)));
    if (::rename(tmp.constData(), cur.constData()) != 0) {
        const int err = errno;
        ::unlink(tmp.constData());
        return QStringLiteral("cannot switch catalog: %1").arg(QString::fromLocal8Bit(strerror(err)));
    }
    return {};
}

void CatalogGenerations::pruneKeepingPrevious(const QString &previous)
{
    pruneExcept({previous});
}

void CatalogGenerations::pruneExcept(const QStringList &keep)
{
    const QString current = QFileInfo(currentDirectory()).fileName();
    for (const QString &name : generationNames())
        if (name != current && !keep.contains(name))
            QDir(m_root + "/generations/" + name).removeRecursively();
}

} // namespace catalogsync
