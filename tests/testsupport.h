// Helpers shared by the tests: locating the demo catalog and making editable copies
// of its source tree.
#pragma once

#include <QString>

namespace testsupport {

QString demoSources();    // content/demo
QString demoCatalog();    // the built demo catalog database
QString outputDirectory(); // build/test-output (screenshots and artefacts)

// Copies a directory tree; returns false on any failure.
bool copyTree(const QString &from, const QString &to);
QString readFile(const QString &path);
bool writeFile(const QString &path, const QString &text);
// Replaces the first occurrence of `from` in a file; false if it is not there.
bool editFile(const QString &path, const QString &from, const QString &to);

} // namespace testsupport
