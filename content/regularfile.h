// Reading files that come from outside (a USB stick, a source tree an editor handed
// over) without trusting what sits at their path. Only a regular file is ever read:
// no component below the base folder may be a symbolic link (each is opened with
// O_NOFOLLOW), the file is opened O_NONBLOCK so that a FIFO or device node can never
// block the reader, and fstat must show a regular file before one byte is read.
// Reads are capped, and a deadline (optional) bounds the whole read in time.
#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QList>
#include <QString>
#include <QStringList>

namespace content {

struct RegularFile {
    enum Status {
        Ok,
        NotFound,   // nothing at that path
        NotRegular, // a FIFO, device, socket, folder or symbolic link
        TooLarge,   // longer than the cap
        TimedOut,   // the deadline passed while reading
        Failed      // an I/O error
    };
    RegularFile() = default;
    RegularFile(Status s, QString why) : status(s), reason(std::move(why)) {}
    Status status = Failed;
    QString reason; // plain words naming the file
    // The facts behind NotRegular and TooLarge, for callers that word their own errors:
    QString entry;    // what was not a regular file or folder: relPath, or a folder on its way
    QString kind;     // what entry is instead: "a symbolic link", "a named pipe", …
    qint64 size = -1; // TooLarge: the length found (-1 when it grew while being read)
    bool ok() const { return status == Ok; }
};

// Opens baseDir/relPath for reading as described above. relPath may have several
// components ("blobs/ab12…"); baseDir itself is trusted (opened as given). On success
// returns a file descriptor (O_CLOEXEC; the caller closes it) and *size holds the
// file's length; on failure -1 with *result filled in.
int openRegularFile(const QString &baseDir, const QString &relPath, qint64 *size, RegularFile *result);

// Reads all of baseDir/relPath if it is a regular file of at most cap bytes.
RegularFile readRegularFile(const QString &baseDir, const QString &relPath, qint64 cap, QByteArray *out,
                            QDeadlineTimer deadline = QDeadlineTimer::Forever);

// The same for a single path (its folder is the trusted base).
RegularFile readRegularFile(const QString &path, qint64 cap, QByteArray *out);

// Something below a listed folder that is neither a regular file nor a folder.
struct IrregularEntry
{
    QString relPath; // relative to the base folder
    QString kind;    // "a symbolic link", "a named pipe", "a device", "a socket", or
                     // "a folder that cannot be read: <why>"
};

// The regular files below baseDir/relDir, as sorted paths relative to baseDir, found
// without following a link (relDir itself must not be one) or opening anything but
// folders. Every link, named pipe, device or socket met is left out and added to
// *irregular. Hidden entries (".name", such as editors' lock files) are skipped, and a
// relDir that is not there lists nothing.
QStringList listRegularFiles(const QString &baseDir, const QString &relDir,
                             QList<IrregularEntry> *irregular);

} // namespace content
