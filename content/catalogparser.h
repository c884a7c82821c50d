// Reads and validates a catalog source tree (see docs/CATALOG_FORMAT.md).
#pragma once

#include "catalogrecords.h"
#include "sourcedocument.h"

#include <optional>

namespace content {

// Parses every file under sourceDir. All problems found are appended to errors
// (parsing goes on after an error so an editor sees every problem at once); the
// records are only meaningful when errors stays empty.
CatalogRecords parseCatalogSources(const QString &sourceDir, QList<SourceError> *errors);

// Validates one item file of the given kind (as named by its directory) and
// returns its record, or nothing when it cannot be read as an item at all.
// Links are not resolved here; parseCatalogSources checks them across the tree.
std::optional<ItemRecord> parseItemDocument(const SourceDocument &doc, const QString &kind,
                                            QList<SourceError> *errors);

// The directory each item kind lives in.
QString directoryForKind(const QString &kind);

} // namespace content
