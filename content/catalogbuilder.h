// Builds a catalog database from a source tree: validate everything first, then
// write the database beside the target and move it into place with one rename, so
// a failed build never leaves a half-built catalog where a kiosk could open it.
#pragma once

#include "sourcedocument.h"

#include <QMap>

namespace content {

struct BuildReport {
    QList<SourceError> errors;
    QList<SourceError> warnings; // the catalog is built; the editor should still look
    QMap<QString, int> uiCoverage; // language → % of content/ui-keys.txt it translates
    QMap<QString, int> itemCounts; // kind → number of items
    int translationCount = 0;
    QString outputPath;
    // The sources were fine but the catalog could not be written (disk full, I/O
    // error, a flush that failed): the machine's problem, not the editor's.
    bool writeFailed = false;
    bool ok() const { return errors.isEmpty(); }
};

BuildReport buildCatalog(const QString &sourceDir, const QString &outputPath);

} // namespace content
