// KioskSettings: the validated settings the kiosk runs with. Loading never fails:
// a missing file, an unknown key or a bad value is reported as a SettingsIssue and
// the built-in default is used in its place.
#pragma once

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

    QVariant value(const QString &key) const;
    bool isDefault(const QString &key) const { return !m_explicit.contains(key); }

    // Typed accessors for the settings the core reads often.
    QString orientation() const { return value("display/orientation").toString(); }
    double textScale() const { return value("display/text_scale").toDouble(); }
    int idleTimeoutSeconds() const { return value("session/idle_timeout_seconds").toInt(); }
    int warningSeconds() const { return value("session/warning_seconds").toInt(); }
    QStringList offeredLanguages() const { return value("language/offered").toStringList(); }
    QString defaultLanguage() const { return value("language/default").toString(); }
    QString catalogPath() const { return value("catalog/path").toString(); }
    int maxPagesPerSession() const { return value("print/max_pages_per_session").toInt(); }

    // Overrides one value after checking it; returns the problem, or empty on success.
    QString set(const QString &key, const QString &raw);

private:
    QHash<QString, QVariant> m_values;
    QHash<QString, bool> m_explicit;
};

} // namespace config
