// The SQLite schema of a built catalog. A catalog database is written once by the
// catalog builder and then only read by kiosks (read-only connections).
#pragma once

namespace content {

// Bumped whenever the schema changes incompatibly; the store refuses other versions.
inline constexpr int kCatalogSchemaVersion = 4; // 4: the index holds character triples

const char *catalogSchemaSql();
const char *searchIndexSql();

} // namespace content
