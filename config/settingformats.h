// The forms a setting's value may take beyond numbers and choices: web addresses,
// host names, folder paths, filesystem types, CUPS queue names, and comma-separated
// lists of them. Each check gives the value as the kiosk will use it (normalised the
// way the code that consumes it compares), or nothing; the schema turns "nothing"
// into a message that names the setting and the item.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace config {

// "a, b,,c " → {"a", "b", "c"}: how staff write lists, and how QSettings hands a
// value with commas back once KioskSettings::load has joined it again.
QStringList splitList(const QString &text);

// An http:// or https:// address with a host name (sync/url).
bool isWebAddress(const QString &text);
// A web address the kiosk appends /item/<id> and /track/<code> to (scan/page_base_url):
// a query, a #fragment or a user name in it would end up inside every page QR code.
bool isPageBaseAddress(const QString &text);
// A web address with %1 where the item id goes (print/item_link). Without %1 every
// printed code would fall back to kiosk-item:<id> without anyone noticing.
bool isItemLinkTemplate(const QString &text);
// A CUPS queue name as lpadmin accepts it: up to 127 printable characters, none of
// space, / \ # ? ' " (an optional @server part may follow).
bool isPrintQueueName(const QString &text);

// A host name as it appears in a web address ("www.example.gov.cn", "10.20.0.5", an
// internationalised name), in the form QUrl gives a scanned address's host (lower
// case), so that content::KioskLink's comparison matches it; nullopt if it is no host
// name (a scheme, a path, a port, an empty or hyphenated label).
std::optional<QString> hostName(const QString &text);
// A path from the root of the filesystem. Not QDir::isAbsolutePath, which also takes
// ":name" (a Qt resource, found by the settings fuzzer) as absolute.
bool isAbsolutePath(const QString &text);
// An absolute folder path, cleaned ("/media/" → "/media"); nullopt otherwise.
std::optional<QString> absoluteFolder(const QString &text);
// The kernel's name (as /proc/self/mountinfo shows it) of a filesystem a USB stick
// or disc may carry, from any case ("VFAT" → "vfat"); nullopt for others.
std::optional<QString> removableFilesystemType(const QString &text);
const QStringList &removableFilesystemTypes();

} // namespace config
