#include "kiosksettings.h"
#include "settingsschema.h"

#include <QFileInfo>
#include <QSettings>

namespace config {

KioskSettings::KioskSettings()
{
    for (const auto &spec : settingsSchema())
        m_values.insert(spec.key, spec.defaultValue);
}

QVariant KioskSettings::value(const QString &key) const
{
    Q_ASSERT_X(m_values.contains(key), "KioskSettings::value", qPrintable(key));
    return m_values.value(key);
}

QString KioskSettings::set(const QString &key, const QString &raw)
{
    const SettingSpec *spec = findSetting(key);
    if (!spec)
        return QStringLiteral("%1 is not a known setting").arg(key);
    const CheckedValue checked = checkValue(*spec, raw);
    if (!checked.value) {
        const QString shown = mayLogValue(*spec)
                                  ? QStringLiteral("'%1'").arg(raw.left(80))
                                  : QStringLiteral("(%1 characters, not shown)").arg(raw.size());
        return QStringLiteral("%1 = %2 %3; using the default %4")
            .arg(key, shown, checked.problem, describeDefault(*spec));
    }
    m_values.insert(key, *checked.value);
    m_explicit.insert(key, true);
    return {};
}

KioskSettings KioskSettings::load(const QString &path, QList<SettingsIssue> *issues)
{
    KioskSettings settings;
    auto report = [issues](const QString &key, const QString &msg) {
        if (issues)
            issues->append({key, msg});
    };
    if (path.isEmpty())
        return settings;
    const QFileInfo info(path);
    if (!info.exists()) {
        report({}, QStringLiteral("settings file %1 does not exist; using built-in defaults")
                       .arg(path));
        return settings;
    }
    if (!info.isReadable()) {
        report({}, QStringLiteral("settings file %1 cannot be read; using built-in defaults")
                       .arg(path));
        return settings;
    }

    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() == QSettings::FormatError)
        report({}, QStringLiteral("settings file %1 is not a valid settings file; values that "
                                  "could be read are used, the rest are defaults")
                       .arg(path));

    for (const QString &key : ini.allKeys()) {
        const QVariant raw = ini.value(key);
        // QSettings splits comma-separated values into lists; rejoin them so the
        // schema sees exactly what staff wrote.
        const QString text = raw.typeId() == QMetaType::QStringList
                                 ? raw.toStringList().join(',')
                                 : raw.toString();
        if (!findSetting(key)) {
            report(key, QStringLiteral("%1 is not a known setting and is ignored").arg(key));
            continue;
        }
        const QString problem = settings.set(key, text);
        if (!problem.isEmpty())
            report(key, problem);
    }

    if (!settings.offeredLanguages().contains(settings.defaultLanguage())) {
        const QString first = settings.offeredLanguages().first();
        report("language/default",
               QStringLiteral("language/default = '%1' is not among language/offered; using "
                              "'%2', the first offered language")
                   .arg(settings.defaultLanguage(), first));
        settings.m_values.insert("language/default", first);
    }
    return settings;
}

} // namespace config
