#include "catalogservice.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCatalog, "kiosk.catalog")

CatalogService::CatalogService(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    // One thread: queries on the store's connection never run concurrently.
    m_pool.setExpiryTimeout(-1);
}

CatalogService::~CatalogService()
{
    m_pool.clear();
    m_pool.waitForDone(5000);
}

void CatalogService::openCatalog(const QString &path)
{
    using Opened = std::pair<QString, QMap<QString, QString>>; // error, meta
    auto store = std::make_shared<content::CatalogStore>();
    QFuture<Opened> opened = QtConcurrent::run(&m_pool, [store, path]() -> Opened {
        try {
            store->open(path);
            return {QString(), store->meta()};
        } catch (const std::exception &e) {
            return {QString::fromUtf8(e.what()), {}};
        }
    });
    opened.then(this, [this, store, path](const Opened &result) {
        if (!result.first.isEmpty()) {
            // Keep serving the catalog already open, if any; staff read the detail
            // in the log, residents see a plain message only when nothing is open.
            qCWarning(lcCatalog) << "cannot open catalog:" << result.first;
            if (!m_ready)
                m_problem = QStringLiteral("catalog_unavailable");
            emit stateChanged();
            return;
        }
        m_store = store;
        m_path = path;
        m_meta.clear();
        for (auto it = result.second.cbegin(); it != result.second.cend(); ++it)
            m_meta.insert(it.key(), it.value());
        m_ready = true;
        m_problem.clear();
        ++m_generation;
        qCInfo(lcCatalog) << "catalog open:" << path << "version" << result.second.value("version");
        emit stateChanged();
    });
}

void CatalogService::waitForIdle() { m_pool.waitForDone(); }

