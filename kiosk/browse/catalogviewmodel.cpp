#include "catalogviewmodel.h"

#include <QTimer>

namespace kiosk {

CatalogViewModel::CatalogViewModel(QObject *parent)
    : QObject(parent), m_catalog(CatalogService::instance()),
      m_localization(Localization::instance())
{
    if (m_catalog)
        connect(m_catalog, &CatalogService::stateChanged, this, &CatalogViewModel::scheduleReload);
    if (m_localization) {
        connect(m_localization, &Localization::languageChanged, this,
                &CatalogViewModel::scheduleReload);
        // The new language's screen texts arrive after the language changes; what is
        // presented with them (vocabulary, units, labels) is presented again.
        connect(m_localization, &Localization::stringsChanged, this,
                &CatalogViewModel::scheduleReload);
    }
}

void CatalogViewModel::scheduleReload()
{
    if (m_reloadScheduled)
        return;
    m_reloadScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_reloadScheduled = false;
        reload();
    });
}

QString CatalogViewModel::language() const
{
    return m_localization ? m_localization->language() : QStringLiteral("zh-Hans");
}

QHash<QString, QString> CatalogViewModel::texts() const
{
    QHash<QString, QString> out;
    if (!m_localization)
        return out;
    const QVariantMap map = m_localization->strings();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

void CatalogViewModel::setLoading(bool loading)
{
    if (m_loading != loading) {
        m_loading = loading;
        emit loadingChanged();
    }
}

void CatalogViewModel::setProblem(const QString &problem)
{
    if (m_problem != problem) {
        m_problem = problem;
        emit problemChanged();
    }
}

} // namespace kiosk
