// Canonical JSON: the exact bytes that are signed and verified. Publisher and kiosk
// may run different Qt versions, so the form is defined here rather than borrowed
// from QJsonDocument: objects with keys sorted by their UTF-8 bytes, no whitespace,
// strings escaped only where JSON requires it, numbers only as integers (no floats,
// whose text form differs between libraries).
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace catalogsync {

// Returns the canonical bytes of value; on a value that has no canonical form (a
// non-integer or too large number) returns an empty array and sets *why.
QByteArray canonicalJson(const QJsonValue &value, QString *why = nullptr);

} // namespace catalogsync
