// Writing files so that a power cut leaves either the old or the new content:
// write beside the target, fsync the file, rename over the target, fsync the folder.
#pragma once

#include "../content/durablefile.h" // content's: fsyncPath, renameDurably, writeFileDurably

#include <QByteArray>
#include <QString>

namespace catalogsync {

using content::fsyncPath;
using content::writeFileDurably;

QByteArray readSmallFile(const QString &path, qint64 cap, bool *ok = nullptr);

} // namespace catalogsync
