#include "localization.h"
#include "catalogservice.h"
#include "uitextkeys.h"

#include <QLoggingCategory>

#include <QPointer>

Q_LOGGING_CATEGORY(lcL10n, "kiosk.l10n")

namespace kiosk {

Localization::Localization(CatalogService *catalog, QStringList offered, QString defaultLanguage,
                           Session *session, QObject *parent)
    : QObject(parent), SessionScoped(session, "the resident's language"), m_catalog(catalog), m_offered(std::move(offered)),
      m_available(m_offered), m_default(std::move(defaultLanguage)), m_language(m_default)
{
    connect(m_catalog, &CatalogService::stateChanged, this, &Localization::updateOffered);
    connect(m_catalog, &CatalogService::stateChanged, this, &Localization::reload);
    updateOffered();
    reload();
}

void Localization::setMinimumCoverage(int percent)
{
    m_minCoverage = percent;
    updateOffered();
}

void Localization::updateOffered()
{
    const QVariantMap meta = m_catalog->meta();
    const QStringList inCatalog =
        meta.value(QStringLiteral("languages")).toString().split(',', Qt::SkipEmptyParts);
    QStringList available;
    for (const QString &lang : std::as_const(m_offered)) {
        const QVariant coverage = meta.value(content::uiCoverageMetaKey(lang));
        const bool translated = !coverage.isValid() || coverage.toInt() >= m_minCoverage;
        const bool known = inCatalog.isEmpty() || inCatalog.contains(lang);
        if (lang == m_default || (known && translated))
            available.append(lang);
        else if (m_catalog->ready())
            qCInfo(lcL10n) << "language" << lang << "not offered: the catalog"
                           << (known ? QStringLiteral("translates %1% of the screen texts, below %2%")
                                           .arg(coverage.toInt()).arg(m_minCoverage)
                                     : QStringLiteral("has no texts in it"));
    }
    if (available == m_available)
        return;
    m_available = available;
    emit offeredLanguagesChanged();
    if (!m_available.contains(m_language))
        setLanguage(m_default);
}

void Localization::setLanguage(const QString &language)
{
    if (language == m_language || !m_available.contains(language))
        return;
    m_language = language;
    emit languageChanged();
    reload();
}

void Localization::cycleLanguage()
{
    const int i = int(m_available.indexOf(m_language));
    setLanguage(m_available.at((i + 1) % m_available.size()));
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

namespace {

// A JS array's entries as texts; undefined, null and empty entries are left out.
QStringList texts(const QVariantList &values)
{
    QStringList out;
    for (const QVariant &v : values) {
        if (!v.isValid() || v.isNull())
            continue;
        const QString t = v.toString();
        if (!t.isEmpty())
            out.append(t);
    }
    return out;
}

} // namespace

QString Localization::fill(const QString &key, const QVariantList &args) const
{
    return m_format.fill(key, args);
}

QString Localization::labelValue(const QString &label, const QString &value) const
{
    return m_format.labelValue(label, value);
}

QString Localization::titleCount(const QString &title, int count) const
{
    return m_format.titleCount(title, count);
}

QString Localization::titleNote(const QString &title, const QString &note) const
{
    return m_format.titleNote(title, note);
}

QString Localization::list(const QVariantList &items) const
{
    return m_format.list(texts(items));
}

QString Localization::phrases(const QVariantList &parts) const
{
    return m_format.phrases(texts(parts));
}

QString Localization::fields(const QVariantList &parts) const
{
    return m_format.fields(texts(parts));
}

QString Localization::details(const QVariantList &parts) const
{
    return m_format.details(texts(parts));
}

QString Localization::lines(const QVariantList &lines) const
{
    return m_format.lines(texts(lines));
}

QString Localization::numbered(const QVariant &number, const QString &text) const
{
    return m_format.numbered(TextFormat::argument(number), text);
}

QString Localization::iconLabel(const QString &icon, const QString &label) const
{
    return m_format.iconLabel(icon, label);
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
            m_format = TextFormat(strings);
            ++m_revision;
            emit stringsChanged();
        });
}

} // namespace kiosk
