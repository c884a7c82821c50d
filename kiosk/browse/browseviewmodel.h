// BrowseViewModel: the simple browsing screens — Q&A by tag, gazette issues by
// year, service points by category, all interpretations, all "一件事" scenarios.
#pragma once

#include "catalogviewmodel.h"
#include "itemlistmodel.h"

namespace kiosk {

class BrowseViewModel : public CatalogViewModel
{
    Q_OBJECT
    QML_ELEMENT
    // qa | gazette | points | interpretations | scenarios
    Q_PROPERTY(QString section READ section WRITE setSection NOTIFY sectionChanged)
    Q_PROPERTY(QStringList filters READ filters NOTIFY filtersChanged)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(ItemListModel *items READ items CONSTANT)

public:
    explicit BrowseViewModel(QObject *parent = nullptr);
    QString section() const { return m_section; }
    void setSection(const QString &s);
    QStringList filters() const { return m_filters; }
    QString filter() const { return m_filter; }
    void setFilter(const QString &f);
    ItemListModel *items() const { return m_items; }

signals:
    void sectionChanged();
    void filtersChanged();
    void filterChanged();

protected:
    void reload() override;

private:
    QString m_section, m_filter;
    QStringList m_filters;
    ItemListModel *m_items;
};

} // namespace kiosk
