// RepositoryMirror: where the signed repository's files come from — a web server
// (HttpMirror) or a folder such as a USB stick (LocalMirror). Mirrors are untrusted:
// they only move bytes, with caps; CatalogUpdater verifies everything they deliver.
#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QFileDevice>
#include <QString>
#include <atomic>
#include <functional>

namespace catalogsync {

struct FetchResult {
    enum Status {
        Ok,
        NotModified,
        NotFound,
        TooLarge,    // more bytes than allowed: the transfer was cut
        WrongLength, // a complete body, but shorter than declared
        Failed,      // network, server or local error
        NoSpace,     // the kiosk's disk is full (the download could not be written)
        NotRegular,  // a stick holds a FIFO, device or link where a file belongs
        TooSlow,     // the file or the whole sync ran out of time (slow or stalled source)
        Stopped      // the sync was cancelled (the kiosk stops, or a stick import comes first)
    };
    Status status = Failed;
    QString reason; // plain words, for staff

    bool ok() const { return status == Ok; }
    static FetchResult success() { return {Ok, {}}; }
};

// The result for a download that could not be written to the kiosk's disk: NoSpace
// when the disk is full (ENOSPC, or under 1 MB left where the file lives), else Failed.
FetchResult writeFailure(const QFileDevice &file);

class RepositoryMirror
{
public:
    virtual ~RepositoryMirror() = default;
    // "https://catalog.example/zone1" or "USB stick at /media/usb0".
    virtual QString description() const = 0;

    // A whole small file, refusing it once it passes cap bytes. With a non-empty
    // *etag, a mirror that supports it may answer NotModified; on Ok *etag is updated.
    virtual FetchResult fetchFile(const QString &relPath, qint64 cap, QByteArray *out,
                                  QByteArray *etag = nullptr) = 0;
    // Makes partFile hold exactly `length` bytes of relPath, resuming from the bytes
    // it already holds. Never writes more than `length` bytes.
    virtual FetchResult fetchBlob(const QString &relPath, qint64 length, const QString &partFile) = 0;

    // Bounds the transfers of one sync in time: every fetch ends with TooSlow once the
    // deadline has passed, and with Stopped once *cancel is set (checked at least once a
    // second while bytes move or wait). Set before the first fetch.
    void setBudget(QDeadlineTimer deadline, const std::atomic_bool *cancel)
    {
        m_deadline = deadline;
        m_cancel = cancel;
    }

    bool cancelled() const { return m_cancel && m_cancel->load(); }

    // Body bytes received from the mirror so far (what the transfer cost).
    qint64 bytesReceived() const { return m_bytesReceived; }
    // Called from the syncing thread with each chunk's size.
    std::function<void(qint64)> onBytes;

protected:
    QDeadlineTimer deadline() const { return m_deadline; }
    // Stopped or TooSlow when the sync must end now, else Ok.
    FetchResult budgetLeft(const QString &what) const;

    void countBytes(qint64 n)
    {
        m_bytesReceived += n;
        if (onBytes)
            onBytes(n);
    }

private:
    qint64 m_bytesReceived = 0;
    QDeadlineTimer m_deadline = QDeadlineTimer::Forever;
    const std::atomic_bool *m_cancel = nullptr;
};

// A repository in a local folder: a USB stick, or a mirror on a mounted share.
class LocalMirror : public RepositoryMirror
{
public:
    explicit LocalMirror(QString directory, QString label = {});
    QString description() const override;
    FetchResult fetchFile(const QString &relPath, qint64 cap, QByteArray *out,
                          QByteArray *etag = nullptr) override;
    FetchResult fetchBlob(const QString &relPath, qint64 length, const QString &partFile) override;

private:
    QString m_dir;
    QString m_label;
};

} // namespace catalogsync
