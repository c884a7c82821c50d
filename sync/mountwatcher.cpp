#include "mountwatcher.h"

#include "synclog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace catalogsync {

namespace {

// mountinfo escapes space, tab, newline and backslash as \ooo.
QString unescapeMountPath(const QByteArray &field)
{
    QByteArray out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            bool ok = false;
            const int v = field.mid(i + 1, 3).toInt(&ok, 8);
            if (ok) {
                out.append(char(v));
                i += 3;
                continue;
            }
        }
        out.append(field[i]);
    }
    return QString::fromUtf8(out);
}

bool isUnder(const QString &path, const QString &root)
{
    const QString r = root.endsWith('/') ? root : root + '/';
    return path.startsWith(r) && path.size() > r.size();
}

QByteArray readWhole(int fd)
{
    QByteArray all;
    if (::lseek(fd, 0, SEEK_SET) < 0)
        return all;
    char buf[16384];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        all.append(buf, n);
    }
    return all;
}

} // namespace

MountWatcher::MountWatcher(QStringList roots, QString mountInfo, QObject *parent)
    : QObject(parent), m_mountInfo(std::move(mountInfo))
{
    for (const QString &r : roots)
        if (!r.trimmed().isEmpty())
            m_roots.append(QDir::cleanPath(r.trimmed()));
}

MountWatcher::~MountWatcher() { stop(); }

QString MountWatcher::filesystemOf(const QByteArray &mountInfo, const QString &mountPoint)
{
    QString type;
    for (const QByteArray &line : mountInfo.split('\n')) {
        // id parent major:minor root MOUNT_POINT options [optional…] - FSTYPE source superopts
        const QList<QByteArray> fields = line.split(' ');
        const qsizetype dash = fields.indexOf("-");
        if (fields.size() < 5 || dash < 5 || dash + 1 >= fields.size())
            continue;
        if (unescapeMountPath(fields[4]) == mountPoint)
            type = QString::fromUtf8(fields[dash + 1]); // the last mount there is the one seen
    }
    return type;
}

QStringList MountWatcher::mountPointsUnder(const QByteArray &mountInfo, const QStringList &roots)
{
    QStringList found;
    for (const QByteArray &line : mountInfo.split('\n')) {
        // id parent major:minor root MOUNT_POINT options ... - fstype source superopts
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 5)
            continue;
        const QString mountPoint = unescapeMountPath(fields[4]);
        for (const QString &root : roots)
            if (isUnder(mountPoint, root) && !found.contains(mountPoint))
                found.append(mountPoint);
    }
    return found;
}

bool MountWatcher::start(QString *why)
{
    if (m_thread.joinable())
        return true;
    m_fd = ::open(QFile::encodeName(m_mountInfo).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
        if (why)
            *why = QStringLiteral("cannot read the mount table %1: %2")
                       .arg(m_mountInfo, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    m_wake = ::eventfd(0, EFD_CLOEXEC);
    m_stop = false;
    m_known.clear();
    m_thread = std::thread([this] { run(); });
    return true;
}

void MountWatcher::stop()
{
    if (m_thread.joinable()) {
        m_stop = true;
        const uint64_t one = 1;
        (void)!::write(m_wake, &one, sizeof one);
        m_thread.join();
    }
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_wake >= 0)
        ::close(m_wake);
    m_fd = m_wake = -1;
}

void MountWatcher::run()
{
    rescan();
    while (!m_stop) {
        pollfd fds[2] = {{m_fd, POLLPRI, 0}, {m_wake, POLLIN, 0}};
        // The timeout only guards against a kernel that never signals; changes come
        // as POLLPRI (POLLERR on older kernels).
        const int n = ::poll(fds, 2, 30'000);
        if (n < 0 && errno != EINTR)
            break;
        if (m_stop)
            break;
        rescan();
    }
}

void MountWatcher::rescan()
{
    const QByteArray table = readWhole(m_fd);
    const QStringList now = mountPointsUnder(table, m_roots);
    const QSet<QString> current(now.cbegin(), now.cend());
    for (const QString &mp : now) {
        if (m_known.contains(mp))
            continue;
        if (const QString type = filesystemOf(table, mp); !m_types.isEmpty() && !m_types.contains(type)) {
            qCWarning(lcSync).noquote() << "filesystem mounted at" << mp << "is of type" << type
                                        << "; catalog sticks must be" << m_types.join(QStringLiteral(" or "))
                                        << "- not read";
            emit unsupportedMounted(mp, type);
            continue;
        }
        const QString repo = mp + '/' + QLatin1String(kRepositoryFolder);
        if (QFileInfo(repo + QStringLiteral("/timestamp.json")).isFile()) {
            qCInfo(lcSync).noquote() << "USB stick with a catalog repository mounted at" << mp;
            emit repositoryMounted(mp, repo);
        } else {
            qCInfo(lcSync).noquote() << "filesystem mounted at" << mp << "holds no" << kRepositoryFolder
                                     << "folder; ignored";
            emit otherMounted(mp);
        }
    }
    for (const QString &mp : std::as_const(m_known))
        if (!current.contains(mp))
            emit unmounted(mp);
    m_known = current;
}

} // namespace catalogsync
