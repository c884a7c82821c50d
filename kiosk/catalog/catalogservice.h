// CatalogService: the kiosk's one gateway to the catalog. The CatalogStore (one
// SQLite connection) lives on a dedicated worker thread; view models submit queries
// and get results back on their own thread, so no query ever runs on the UI thread.
#pragma once

#include "catalogstore.h"

#include <QFuture>
#include "compositionsingleton.h"
#include "workeranswer.h"

#include <QObject>
#include <QQmlEngine>
#include <QThreadPool>
#include <QVariantMap>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

namespace kiosk {

class CatalogService : public QObject, public CompositionSingleton<CatalogService>
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Catalog)
    QML_SINGLETON
    Q_PROPERTY(bool ready READ ready NOTIFY stateChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap meta READ meta NOTIFY stateChanged)
    Q_PROPERTY(int generation READ generation NOTIFY stateChanged)

public:
    explicit CatalogService(QObject *parent); // no default: see CompositionSingleton
    ~CatalogService() override;

    // Opens the catalog at path on the worker thread; stateChanged when done.
    void openCatalog(const QString &path);
    bool ready() const { return m_ready; }
    QString problem() const { return m_problem; }
    QVariantMap meta() const { return m_meta; }
    int generation() const { return m_generation; }
    QString path() const { return m_path; }

    // Runs job(store) on the worker thread and then done(result, error) on this
    // service's thread, which is the receiver's (the UI thread); dropped if the
    // receiver is gone by then.
    template <typename Job, typename Done> void query(QObject *receiver, Job job, Done done);

    // Blocks until queued work is done (tests and shutdown only).
    void waitForIdle();

signals:
    void stateChanged();
    // The catalog at path could not be opened because it was built with another schema
    // version than this software reads: the sync root can rebuild it from its sources.
    void catalogOutdated(const QString &path);

private:
    QThreadPool m_pool; // exactly one thread: the store's thread
    std::shared_ptr<content::CatalogStore> m_store;
    bool m_ready = false;
    QString m_problem;
    QString m_path;
    QVariantMap m_meta;
    int m_generation = 0;
};

template <typename Job, typename Done>
void CatalogService::query(QObject *receiver, Job job, Done done)
{
    using Result = std::invoke_result_t<Job, const content::CatalogStore &>;
    auto store = m_store;
    QFuture<std::pair<Result, QString>> future =
        QtConcurrent::run(&m_pool, [store, job]() -> std::pair<Result, QString> {
            if (!store || !store->isOpen())
                return {Result{}, QStringLiteral("catalog not open")};
            try {
                return {job(*store), QString()};
            } catch (const std::exception &e) {
                return {Result{}, QString::fromUtf8(e.what())};
            }
        });
    deliverOrDrop(future, this, receiver,
                  [done](const std::pair<Result, QString> &r) { done(r.first, r.second); });
}

} // namespace kiosk
