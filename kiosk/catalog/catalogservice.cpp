#include "catalogservice.h"

#include "catalogschema.h"

#include <QLoggingCategory>

namespace kiosk {

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
    struct Opened {
        QString error;
        QMap<QString, QString> meta;
        bool outdated = false; // a sound catalog of another schema version
    };
    auto store = std::make_shared<content::CatalogStore>();
    QFuture<Opened> opened = QtConcurrent::run(&m_pool, [store, path]() -> Opened {
        try {
            store->open(path);
            return {QString(), store->meta()};
        } catch (const std::exception &e) {
            const int schema = content::CatalogStore::schemaVersionOf(path);
            return {QString::fromUtf8(e.what()), {}, schema > 0 && schema != content::kCatalogSchemaVersion};
        }
    });
    opened.then(this, [this, store, path](const Opened &result) {
        if (!result.error.isEmpty()) {
            // Keep serving the catalog already open, if any; staff read the detail
            // in the log, residents see a plain message only when nothing is open.
            qCWarning(lcCatalog) << "cannot open catalog:" << result.error;
            if (!m_ready)
                m_problem = QStringLiteral("catalog_unavailable");
            emit stateChanged();
            if (result.outdated)
                emit catalogOutdated(path);
            return;
        }
        m_store = store;
        m_path = path;
        m_meta.clear();
        for (auto it = result.meta.cbegin(); it != result.meta.cend(); ++it)
            m_meta.insert(it.key(), it.value());
        m_ready = true;
        m_problem.clear();
        ++m_generation;
        qCInfo(lcCatalog) << "catalog open:" << path << "version" << result.meta.value("version");
        emit stateChanged();
    });
}

void CatalogService::waitForIdle() { m_pool.waitForDone(); }

} // namespace kiosk
