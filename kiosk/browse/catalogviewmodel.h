// CatalogViewModel: base of the QML-facing view models that show catalog data.
// It reloads when the language or the catalog generation changes, runs every query
// through CatalogService (off the UI thread) and drops answers that a newer request
// has overtaken.
#pragma once

#include "catalogservice.h"
#include "localization.h"

#include <QObject>

namespace kiosk {

class CatalogViewModel : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)

public:
    explicit CatalogViewModel(QObject *parent = nullptr);

    bool loading() const { return m_loading; }
    QString problem() const { return m_problem; }

signals:
    void loadingChanged();
    void problemChanged();
    void loaded(); // after every completed load, for tests and screen readers

protected:
    // Subclasses query the catalog for their current inputs.
    virtual void reload() = 0;
    // Coalesces several input changes into one reload.
    void scheduleReload();
    QString language() const;
    QHash<QString, QString> texts() const; // screen texts of the current language

    template <typename Job, typename Apply> void fetch(Job job, Apply apply);

private:
    void setLoading(bool loading);
    void setProblem(const QString &problem);

    CatalogService *m_catalog;
    Localization *m_localization;
    bool m_loading = false;
    bool m_reloadScheduled = false;
    QString m_problem;
    int m_serial = 0;
};

template <typename Job, typename Apply> void CatalogViewModel::fetch(Job job, Apply apply)
{
    if (!m_catalog || !m_catalog->ready())
        return; // reloaded when the catalog opens
    const int serial = ++m_serial;
    setLoading(true);
    m_catalog->query(this, job, [this, serial, apply](const auto &result, const QString &error) {
        if (serial != m_serial)
            return; // a newer request is on its way
        setLoading(false);
        if (!error.isEmpty()) {
            qWarning("catalog query failed: %s", qPrintable(error));
            setProblem(texts().value(QStringLiteral("common.error_catalog"),
                                     QStringLiteral("common.error_catalog")));
        } else {
            setProblem({});
            apply(result);
        }
        emit loaded();
    });
}

} // namespace kiosk
