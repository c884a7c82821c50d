// What the kiosk keeps of a search a resident typed: the query with every number
// that could identify someone (ID numbers, phone and bank card numbers) replaced by
// "#", however it was typed: in one run (13800138000), in groups joined by spaces,
// hyphens, dots or their full-width forms (1101 0519 4912 3100 2X, 138-1234-5678,
// １３８－１２３４－５６７８), with full-width digits, with the ID number's check
// character X/x/Ｘ/ｘ. Short numbers residents search for stay: 2024年, 10号文,
// 第3条, a year, a year range (2023-2024学年), a date written as one (2024-10-01).
// Headless (Qt Core): used when a search is stored (UsageLog) and again when the
// store is read (search-gaps), for rows written before this rule existed.
#pragma once

#include <QString>

namespace kiosk {

// Whitespace simplified, numbers replaced, at most 64 characters.
QString anonymisedQuery(const QString &typed);

} // namespace kiosk
