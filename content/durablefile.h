// Making files survive a power cut: fsync a file or folder, and replace a file
// atomically (write beside it, fsync, rename over it, fsync the folder). Shared by
// the catalog builder and by sync, which both switch files kiosks depend on.
#pragma once

#include <QByteArray>
#include <QString>

namespace content {

// False when the path cannot be opened or the disk reports an error (errno tells).
bool fsyncPath(const QString &path);
// Moves a complete, fsynced file over target and flushes the folder entry. Returns
// an empty string on success, else a plain reason; the temporary file is removed
// when the rename fails. A folder that cannot be flushed is a failure too (the file
// is then in place, but a power cut may undo that).
QString renameDurably(const QString &temp, const QString &target);
// Writes bytes to path through a temporary file and renameDurably.
QString writeFileDurably(const QString &path, const QByteArray &bytes);
// Reads a file of the kiosk's own that such writes made (trust state, kept
// metadata): at most cap bytes; empty, and *ok false, when larger or unreadable.
QByteArray readSmallFile(const QString &path, qint64 cap, bool *ok = nullptr);

} // namespace content
