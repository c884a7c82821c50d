// Writing files so that a power cut leaves either the old or the new content:
// write beside the target, fsync the file, rename over the target, fsync the folder.
#pragma once

#include <QByteArray>
#include <QString>

namespace catalogsync {

bool fsyncPath(const QString &path);
// Returns an empty string on success, else a plain reason.
QString writeFileDurably(const QString &path, const QByteArray &bytes);
QByteArray readSmallFile(const QString &path, qint64 cap, bool *ok = nullptr);

} // namespace catalogsync
