// ItemListModel: a list of catalog items for any list screen (guides of a stage,
// filtered policies, Q&A, gazette issues, service points, linked items).
#pragma once

#include "catalogitems.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace kiosk {

class ItemListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Lists are provided by view models")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, KindRole, TitleRole, SubtitleRole, RepealedRole,
                RelationRole };

    explicit ItemListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setItems(const QList<content::ItemRef> &items);
    const QList<content::ItemRef> &items() const { return m_items; }
    int count() const { return int(m_items.size()); }
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void countChanged();

private:
    QList<content::ItemRef> m_items;
};

QVariantList toVariantList(const QList<content::ItemRef> &items);
QVariantMap toVariantMap(const content::ItemRef &item);

} // namespace kiosk
