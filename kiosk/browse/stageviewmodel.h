// StageViewModel: one life-cycle stage — its guides and its "一件事" scenarios.
#pragma once

#include "catalogviewmodel.h"
#include "itemlistmodel.h"

namespace kiosk {

class StageViewModel : public CatalogViewModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString stageId READ stageId WRITE setStageId NOTIFY stageIdChanged)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    Q_PROPERTY(ItemListModel *guides READ guides CONSTANT)
    Q_PROPERTY(QVariantList scenarios READ scenarios NOTIFY changed)

public:
    explicit StageViewModel(QObject *parent = nullptr);
    QString stageId() const { return m_stageId; }
    void setStageId(const QString &id);
    QString title() const { return m_title; }
    QString summary() const { return m_summary; }
    ItemListModel *guides() const { return m_guides; }
    QVariantList scenarios() const { return m_scenarios; }

signals:
    void stageIdChanged();
    void changed();

protected:
    void reload() override;

private:
    QString m_stageId, m_title, m_summary;
    ItemListModel *m_guides;
    QVariantList m_scenarios;
};

} // namespace kiosk
