// HomeViewModel: the home screen — the person and business life-cycle walls and the
// entries (policies, Q&A, gazette, …) as the catalog defines them.
#pragma once

#include "catalogviewmodel.h"

#include <QVariantList>

namespace kiosk {

class HomeViewModel : public CatalogViewModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList personStages READ personStages NOTIFY changed)
    Q_PROPERTY(QVariantList businessStages READ businessStages NOTIFY changed)
    Q_PROPERTY(QVariantList entries READ entries NOTIFY changed)
    Q_PROPERTY(QVariantList scenarios READ scenarios NOTIFY changed)

public:
    explicit HomeViewModel(QObject *parent = nullptr);
    QVariantList personStages() const { return m_person; }
    QVariantList businessStages() const { return m_business; }
    QVariantList entries() const { return m_entries; }
    QVariantList scenarios() const { return m_scenarios; }

signals:
    void changed();

protected:
    void reload() override;

private:
    QVariantList m_person, m_business, m_entries, m_scenarios;
};

} // namespace kiosk
