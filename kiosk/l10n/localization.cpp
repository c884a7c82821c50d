#include "localization.h"
#include "catalogservice.h"

#include <QPointer>

namespace kiosk {

Localization::Localization(CatalogService *catalog, QStringList offered, QString defaultLanguage,
                           Session *session, QObject *parent)
    : QObject(parent), SessionScoped(session, "the resident's language"), m_catalog(catalog), m_offered(std::move(offered)),
      m_default(std::move(defaultLanguage)), m_language(m_default)
{
    connect(m_catalog, &CatalogService::stateChanged, this, &Localization::reload);
    reload();
}

void Localization::setLanguage(const QString &language)
{
    if (language == m_language || !m_offered.contains(language))
        return;
    m_language = language;
    emit languageChanged();
    reload();
}

void Localization::cycleLanguage()
{
    const int i = int(m_offered.indexOf(m_language));
    setLanguage(m_offered.at((i + 1) % m_offered.size()));
}

QString Localization::text(const QString &key) const
{
    const QVariant v = m_strings.value(key);
    return v.isValid() ? v.toString() : key;
}

QString Localization::nativeName(const QString &language) const
{
    if (language == QLatin1String("zh-Hans"))
        return QStringLiteral("中文");
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    if (language == QLatin1String("ug"))
        return QStringLiteral("ئۇيغۇرچە");
    return language;
}

void Localization::reload()
{
    if (!m_catalog->ready())
        return;
    const int serial = ++m_serial;
    const QString lang = m_language;
    m_catalog->query(
        this, [lang](const content::CatalogStore &s) { return s.uiStrings(lang); },
        [this, serial](const QHash<QString, QString> &strings, const QString &) {
            if (serial != m_serial)
                return;
            QVariantMap map;
            for (auto it = strings.cbegin(); it != strings.cend(); ++it)
                map.insert(it.key(), it.value());
            m_strings = map;
            emit stringsChanged();
        });
}

} // namespace kiosk
