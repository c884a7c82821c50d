#include "browseviewmodel.h"

namespace kiosk {

namespace {
struct BrowseData {
    QStringList filters;
    QList<content::ItemRef> items;
};
} // namespace

BrowseViewModel::BrowseViewModel(QObject *parent)
    : CatalogViewModel(parent), m_items(new ItemListModel(this))
{
}

void BrowseViewModel::setSection(const QString &s)
{
    if (s == m_section)
        return;
    m_section = s;
    m_filter.clear();
    emit sectionChanged();
    emit filterChanged();
    scheduleReload();
}

void BrowseViewModel::setFilter(const QString &f)
{
    if (f == m_filter)
        return;
    m_filter = f;
    emit filterChanged();
    scheduleReload();
}

void BrowseViewModel::reload()
{
    const QString lang = language(), section = m_section, filter = m_filter;
    if (section.isEmpty())
        return;
    fetch(
        [lang, section, filter](const content::CatalogStore &s) {
            BrowseData d;
            if (section == QLatin1String("qa")) {
                d.filters = s.qaTags();
                d.items = s.qaItems(filter, lang);
            } else if (section == QLatin1String("gazette")) {
                for (int y : s.gazetteYears())
                    d.filters << QString::number(y);
                d.items = s.gazetteIssues(filter.toInt(), lang);
            } else if (section == QLatin1String("points")) {
                d.filters = s.pointCategories();
                d.items = s.points(filter, lang);
            } else if (section == QLatin1String("interpretations")) {
                d.items = s.interpretations(lang);
            } else if (section == QLatin1String("scenarios")) {
                d.items = s.scenarios(lang);
            }
            return d;
        },
        [this](const BrowseData &d) {
            if (d.filters != m_filters) {
                m_filters = d.filters;
                emit filtersChanged();
            }
            m_items->setItems(d.items);
        });
}

} // namespace kiosk
