// PolicyLibraryViewModel: the policy library — filter by issuing agency, topic,
// year and validity; valid documents first.
#pragma once

#include "catalogviewmodel.h"
#include "itemlistmodel.h"

namespace kiosk {

class PolicyLibraryViewModel : public CatalogViewModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QStringList agencies READ agencies NOTIFY facetsChanged)
    Q_PROPERTY(QStringList topics READ topics NOTIFY facetsChanged)
    Q_PROPERTY(QStringList years READ years NOTIFY facetsChanged)
    Q_PROPERTY(QStringList validities READ validities NOTIFY facetsChanged)
    Q_PROPERTY(QString agency READ agency WRITE setAgency NOTIFY filterChanged)
    Q_PROPERTY(QString topic READ topic WRITE setTopic NOTIFY filterChanged)
    Q_PROPERTY(QString year READ year WRITE setYear NOTIFY filterChanged)
    Q_PROPERTY(QString validity READ validity WRITE setValidity NOTIFY filterChanged)
    Q_PROPERTY(bool filtered READ filtered NOTIFY filterChanged)
    Q_PROPERTY(ItemListModel *results READ results CONSTANT)

public:
    explicit PolicyLibraryViewModel(QObject *parent = nullptr);

    QStringList agencies() const { return m_agencies; }
    QStringList topics() const { return m_topics; }
    QStringList years() const { return m_years; }
    QStringList validities() const { return m_validities; }
    QString agency() const { return m_filter.agency; }
    QString topic() const { return m_filter.topic; }
    QString year() const { return m_filter.year ? QString::number(m_filter.year) : QString(); }
    QString validity() const { return m_filter.validity; }
    void setAgency(const QString &v);
    void setTopic(const QString &v);
    void setYear(const QString &v);
    void setValidity(const QString &v);
    bool filtered() const;
    ItemListModel *results() const { return m_results; }
    Q_INVOKABLE void clearFilters();

signals:
    void facetsChanged();
    void filterChanged();

protected:
    void reload() override;

private:
    void filterEdited();
    content::PolicyFilter m_filter;
    QStringList m_agencies, m_topics, m_years, m_validities;
    ItemListModel *m_results;
};

} // namespace kiosk
