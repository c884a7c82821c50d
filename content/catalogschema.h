// The SQLite schema of a built catalog. A catalog database is written once by the
// catalog builder and then only read by kiosks (read-only connections).
#pragma once

namespace content {

// Bumped whenever the schema changes incompatibly; the store refuses other versions.
// 4: the index holds character triples; 5: ranking facts per row in search_rows.
inline constexpr int kCatalogSchemaVersion = 6; // 6: recorded prompts

const char *catalogSchemaSql();
const char *searchIndexSql();
const char *searchRowsSql();

} // namespace content
