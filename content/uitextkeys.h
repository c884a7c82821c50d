// The screen texts this version of the kiosk shows (content/ui-keys.txt, compiled in):
// a catalog must give each of them a zh-Hans text, and the share a language covers
// decides whether the kiosk offers it.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace content {

// Every key of content/ui-keys.txt, in file order.
const QStringList &uiTextKeys();

// How many of uiTextKeys() a language's texts cover.
struct UiTextCoverage {
    int covered = 0;
    int total = 0;
    int percent() const { return total > 0 ? covered * 100 / total : 100; }
};

// texts: key → text of one language.
UiTextCoverage uiTextCoverage(const QHash<QString, QString> &texts);

// The catalog_meta key that records a language's coverage ("ui_coverage.en" → "97").
QString uiCoverageMetaKey(const QString &language);

} // namespace content
