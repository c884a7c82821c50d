#include "policylibraryviewmodel.h"

namespace kiosk {

namespace {
struct LibraryData {
    content::PolicyFacets facets;
    QList<content::ItemRef> results;
};
} // namespace

PolicyLibraryViewModel::PolicyLibraryViewModel(QObject *parent)
    : CatalogViewModel(parent), m_results(new ItemListModel(this))
{
    scheduleReload();
}

void PolicyLibraryViewModel::filterEdited()
{
    emit filterChanged();
    scheduleReload();
}

void PolicyLibraryViewModel::setAgency(const QString &v)
{
    if (v != m_filter.agency) {
        m_filter.agency = v;
        filterEdited();
    }
}

void PolicyLibraryViewModel::setTopic(const QString &v)
{
    if (v != m_filter.topic) {
        m_filter.topic = v;
        filterEdited();
    }
}

void PolicyLibraryViewModel::setYear(const QString &v)
{
    const int y = v.toInt();
    if (y != m_filter.year) {
        m_filter.year = y;
        filterEdited();
    }
}

void PolicyLibraryViewModel::setValidity(const QString &v)
{
    if (v != m_filter.validity) {
        m_filter.validity = v;
        filterEdited();
    }
}

bool PolicyLibraryViewModel::filtered() const
{
    return !m_filter.agency.isEmpty() || !m_filter.topic.isEmpty() || m_filter.year != 0 ||
           !m_filter.validity.isEmpty();
}

void PolicyLibraryViewModel::clearFilters()
{
    if (!filtered())
        return;
    m_filter = {};
    filterEdited();
}

void PolicyLibraryViewModel::reload()
{
    const QString lang = language();
    const content::PolicyFilter filter = m_filter;
    fetch(
        [lang, filter](const content::CatalogStore &s) {
            return LibraryData{s.policyFacets(), s.policies(filter, lang)};
        },
        [this](const LibraryData &d) {
            QStringList years;
            for (int y : d.facets.years)
                years << QString::number(y);
            if (d.facets.agencies != m_agencies || d.facets.topics != m_topics ||
                years != m_years || d.facets.validities != m_validities) {
                m_agencies = d.facets.agencies;
                m_topics = d.facets.topics;
                m_years = years;
                m_validities = d.facets.validities;
                emit facetsChanged();
            }
            m_results->setItems(d.results);
        });
}

} // namespace kiosk
