// KioskSettings: the validated settings the kiosk runs with. Loading never fails:
// a missing file, an unknown key or a bad value is reported as a SettingsIssue and
// the built-in default is used in its place.
#pragma once

#include "settinggroups.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace config {

struct SettingsIssue {
    QString key;     // "section/name", or empty for file-level problems
    QString message; // plain words for staff, e.g. "… must be a whole number from 30 to 1800"
};

class KioskSettings
{
public:
    // Built-in defaults only.
    KioskSettings();

    // Reads an INI-style settings file (see config/kiosk.conf for every key).
    static KioskSettings load(const QString &path, QList<SettingsIssue> *issues);

    // The settings as the kiosk reads them (settinggroups.h): built from the checked
    // values at each call, so they always agree with value() and set().
    DisplaySettings display() const;
    SessionSettings session() const;
    LanguageSettings languages() const;
    AccessibilityDefaults accessibilityDefaults() const;
    StorageSettings storage() const;
    SpeechSettings speech() const;
    DeviceSettings devices() const;
    ScanSettings scan() const;
    PrintSettings print() const;
    SyncSettings sync() const;
    StaffSettings staff() const;
    // catalog/path; empty: the synced catalog, else the bundled demo (KioskApp decides).
    QString catalogPath() const { return value("catalog/path").toString(); }

    // One checked value by key, for tests, the fuzz target and tools that list every
    // setting; the kiosk itself reads the groups above.
    QVariant value(const QString &key) const;
    bool isDefault(const QString &key) const { return !m_explicit.contains(key); }

    // Shorthands of single fields (tests, the fuzz target, load's own check of the
    // default language); the kiosk reads the groups.
    QString orientation() const { return value("display/orientation").toString(); }
    double textScale() const { return value("display/text_scale").toDouble(); }
    int idleTimeoutSeconds() const { return value("session/idle_timeout_seconds").toInt(); }
    int warningSeconds() const { return value("session/warning_seconds").toInt(); }
    QStringList offeredLanguages() const { return value("language/offered").toStringList(); }
    QString defaultLanguage() const { return value("language/default").toString(); }
    int maxPagesPerSession() const { return value("print/max_pages_per_session").toInt(); }

    // Overrides one value after checking it; returns the problem, or empty on success.
    QString set(const QString &key, const QString &raw);
    // The kiosk's --orientation option: "portrait" or "landscape", checked like the file's.
    QString setOrientation(const QString &name) { return set("display/orientation", name); }

private:
    QHash<QString, QVariant> m_values;
    QHash<QString, bool> m_explicit;
};

} // namespace config
