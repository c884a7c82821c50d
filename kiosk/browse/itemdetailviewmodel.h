// ItemDetailViewModel: one item of any kind, ready for its detail screen (guide,
// policy with its interpretations, Q&A, gazette issue, service point, scenario).
#pragma once

#include "catalogviewmodel.h"

#include <QVariantMap>

namespace kiosk {

class ItemDetailViewModel : public CatalogViewModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString itemId READ itemId WRITE setItemId NOTIFY inputChanged)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY inputChanged)
    Q_PROPERTY(bool found READ found NOTIFY changed)
    Q_PROPERTY(QVariantMap item READ item NOTIFY changed)

public:
    explicit ItemDetailViewModel(QObject *parent = nullptr);
    QString itemId() const { return m_itemId; }
    void setItemId(const QString &id);
    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    bool found() const { return m_found; }
    QVariantMap item() const { return m_item; }

signals:
    void inputChanged();
    void changed();

protected:
    void reload() override;

private:
    QString m_itemId, m_kind;
    bool m_found = false;
    QVariantMap m_item;
};

} // namespace kiosk
