// MountWatcher: notices USB sticks as they are mounted, without polling the disk.
// The kernel marks /proc/self/mountinfo with POLLPRI whenever the mount table
// changes; a thread of the watcher's own waits for that, re-reads the table, and for
// each filesystem newly mounted under one of the configured roots (/media,
// /run/media) looks for the repository folder kRepositoryFolder at its top. Only
// then does it emit repositoryMounted — every file access of a freshly mounted stick
// happens on the watcher's thread, never on the UI thread.
#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>
#include <atomic>
#include <thread>

namespace catalogsync {

class MountWatcher : public QObject
{
    Q_OBJECT
public:
    // The folder at the top of a stick that holds a signed repository (as published:
    // root.json, timestamp.json, N.manifest.json, blobs/).
    static constexpr const char *kRepositoryFolder = "disclosure-catalog";

    // mountInfo is the mount table to watch; tests may pass another process's
    // (/proc/<pid>/mountinfo) — any file under /proc supports POLLPRI.
    explicit MountWatcher(QStringList roots, QString mountInfo = QStringLiteral("/proc/self/mountinfo"),
                          QObject *parent = nullptr);
    ~MountWatcher() override; // stops and joins the thread

    // Filesystem types a stick may have (mountinfo's names: "vfat", "exfat"); others
    // are not looked at. FAT and exFAT cannot hold FIFOs, device nodes or symbolic
    // links at all, which a stick formatted as ext4 could. Empty: any type. Call
    // before start().
    void setFilesystemTypes(const QStringList &types) { m_types = types; }

    // Starts watching. Filesystems already mounted at start are reported too (a stick
    // plugged in while the kiosk was off). False with *why when the table cannot be read.
    bool start(QString *why = nullptr);
    void stop();

    // Mount points under any of roots (each a directory; "/media" covers
    // /media/usb0 and /media/kiosk/STICK), from mountinfo's text.
    static QStringList mountPointsUnder(const QByteArray &mountInfo, const QStringList &roots);
    // The filesystem type of the mount at mountPoint in mountInfo's text ("" if none).
    static QString filesystemOf(const QByteArray &mountInfo, const QString &mountPoint);

signals:
    // A newly mounted filesystem holds a repository at repositoryDir.
    void repositoryMounted(const QString &mountPoint, const QString &repositoryDir);
    // A newly mounted filesystem under the roots without a repository folder.
    void otherMounted(const QString &mountPoint);
    void unmounted(const QString &mountPoint);
    // A filesystem of a type not in setFilesystemTypes was mounted under the roots; it
    // was not read.
    void unsupportedMounted(const QString &mountPoint, const QString &filesystemType);

private:
    void run();
    void rescan();

    QStringList m_roots;
    QStringList m_types;
    QString m_mountInfo;
    int m_fd = -1;
    int m_wake = -1; // eventfd: stop()
    std::thread m_thread;
    std::atomic_bool m_stop{false};
    QSet<QString> m_known;
};

} // namespace catalogsync
