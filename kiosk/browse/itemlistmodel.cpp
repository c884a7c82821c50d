#include "itemlistmodel.h"

namespace kiosk {

ItemListModel::ItemListModel(QObject *parent) : QAbstractListModel(parent) {}

int ItemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant ItemListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const content::ItemRef &it = m_items.at(index.row());
    switch (role) {
    case IdRole:
        return it.id;
    case KindRole:
        return it.kind;
    case Qt::DisplayRole:
    case TitleRole:
        return it.title;
    case SubtitleRole:
        return it.subtitle;
    case RepealedRole:
        return it.repealed;
    case RelationRole:
        return it.relation;
    }
    return {};
}

QHash<int, QByteArray> ItemListModel::roleNames() const
{
    return {{IdRole, "itemId"},       {KindRole, "kind"},         {TitleRole, "title"},
            {SubtitleRole, "subtitle"}, {RepealedRole, "repealed"}, {RelationRole, "relation"}};
}

void ItemListModel::setItems(const QList<content::ItemRef> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
    emit countChanged();
}

QVariantMap ItemListModel::get(int row) const
{
    if (row < 0 || row >= m_items.size())
        return {};
    return toVariantMap(m_items.at(row));
}

QVariantMap toVariantMap(const content::ItemRef &item)
{
    return {{"itemId", item.id},       {"kind", item.kind},         {"title", item.title},
            {"subtitle", item.subtitle}, {"repealed", item.repealed}, {"relation", item.relation}};
}

QVariantList toVariantList(const QList<content::ItemRef> &items)
{
    QVariantList out;
    for (const auto &i : items)
        out.append(toVariantMap(i));
    return out;
}

} // namespace kiosk
