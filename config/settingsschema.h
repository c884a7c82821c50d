// The schema of kiosk.conf: every setting the kiosk reads, its type, its allowed
// values and its built-in default. Validation lives here so that a bad value is
// reported by name and replaced by its default instead of reaching the kiosk.
#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>
#include <vector>

namespace config {

enum class SettingType {
    Integer,    // whole number within [min, max]
    Real,       // number within [min, max]
    Boolean,    // true/false, yes/no, on/off, 1/0
    Choice,     // one of choices
    ChoiceList, // comma-separated subset of choices, at least one
    DevicePath, // "auto", "none" or an absolute path under /dev
    FilePath,   // an absolute path, or empty for the built-in location
    Text,       // any single-line text
    WebAddress, // empty, or an http:// or https:// address with a host
    PageAddress, // empty, or a web address without query, #fragment or user name
    ItemLink,   // empty, or a web address with %1 for the item id
    PrintQueue, // empty, or a CUPS queue name
    FolderList, // comma-separated absolute folder paths, possibly none
    FilesystemTypeList, // comma-separated removable filesystem types, possibly none
    HostList,   // comma-separated host names, possibly none
    PinHash,    // empty, or an Argon2id hash as `kiosk --hash-pin` writes it (never logged)
};
// The list types (ChoiceList, FolderList, FilesystemTypeList, HostList) hold a
// QStringList: split, trimmed, normalised, without repeats.

struct SettingSpec {
    QString key; // "section/name"
    SettingType type;
    QVariant defaultValue;
    double min = 0;
    double max = 0;
    QStringList choices;
};

// Outcome of checking one raw value against its spec: the value to use, or why not.
struct CheckedValue {
    std::optional<QVariant> value;
    QString problem; // plain-language reason when value is empty
};

const std::vector<SettingSpec> &settingsSchema();
const SettingSpec *findSetting(const QString &key);
CheckedValue checkValue(const SettingSpec &spec, const QString &raw);
QString describeAllowed(const SettingSpec &spec);
// The built-in default as staff would write it ("120", "zh-Hans,en,ug"), or "(empty)".
QString describeDefault(const SettingSpec &spec);
// Whether a value of this setting may appear in a log: a bad staff/pin_hash may well be
// the PIN itself, typed where its hash belongs.
bool mayLogValue(const SettingSpec &spec);

} // namespace config
