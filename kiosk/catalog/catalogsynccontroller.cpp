#include "catalogsynccontroller.h"

#include "catalogservice.h"
#include "mountwatcher.h"
#include "session.h"

#include <QLoggingCategory>

namespace kiosk {

Q_LOGGING_CATEGORY(lcCatalogSync, "kiosk.catalog.sync")

using catalogsync::SyncReport;

CatalogSyncController::CatalogSyncController(Settings settings, CatalogService *catalog,
                                             Session *session, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_catalog(catalog), m_session(session)
{
    m_engine = std::make_unique<catalogsync::SyncEngine>(m_settings.sync);
    connect(m_engine.get(), &catalogsync::SyncEngine::catalogUpdated, this,
            &CatalogSyncController::onCatalogUpdated);
    connect(m_engine.get(), &catalogsync::SyncEngine::syncFinished, this, [this](const SyncReport &r) {
        if (!m_importing.isEmpty()) {
            const QString from = m_importing;
            m_importing.clear();
            emit importFinished(from, r);
        }
        if (m_upgradeQueued) {
            m_upgradeQueued = false;
            if (!r.switched) // that sync neither upgraded nor replaced the catalog
                upgradeCatalog();
        }
        startQueuedImport();
    });
    // The generation open in the UI is never deleted by a later sync.
    connect(m_catalog, &CatalogService::stateChanged, this, [this] {
        if (!m_catalog->path().isEmpty())
            m_engine->setCatalogInUse(m_catalog->path());
    });
    connect(m_catalog, &CatalogService::catalogOutdated, this, &CatalogSyncController::upgradeCatalog);
    // After every session-scoped service has forgotten the visit (the screen is home).
    connect(m_session, &Session::ended, this, &CatalogSyncController::switchIfIdle, Qt::QueuedConnection);
    if (!m_catalog->path().isEmpty())
        m_engine->setCatalogInUse(m_catalog->path());
}

CatalogSyncController::~CatalogSyncController()
{
    if (m_watcher)
        m_watcher->stop();
}

void CatalogSyncController::start()
{
    if (networkEnabled())
        m_engine->startPolling();
    if (!m_settings.usbMountRoots.isEmpty()) {
        m_watcher = std::make_unique<catalogsync::MountWatcher>(m_settings.usbMountRoots, m_settings.mountInfo);
        m_watcher->setFilesystemTypes(m_settings.usbFilesystemTypes);
        connect(m_watcher.get(), &catalogsync::MountWatcher::repositoryMounted, this,
                &CatalogSyncController::importRepository);
        connect(m_watcher.get(), &catalogsync::MountWatcher::otherMounted, this,
                &CatalogSyncController::stickWithoutRepository);
        QString why;
        if (!m_watcher->start(&why))
            qCWarning(lcCatalogSync).noquote() << "USB import is off:" << why;
    }
}

bool CatalogSyncController::syncNow() { return m_engine->syncNow(); }

void CatalogSyncController::onCatalogUpdated(const QString &path)
{
    m_pending = path;
    emit pendingChanged();
    switchIfIdle();
}

void CatalogSyncController::switchIfIdle()
{
    if (m_pending.isEmpty())
        return;
    // With no catalog open the resident sees only a notice: nothing to read is disturbed.
    if (m_session->active() && m_catalog->ready()) {
        qCInfo(lcCatalogSync).noquote() << "new catalog" << m_pending
                                        << "waits until the resident's session ends";
        return;
    }
    qCInfo(lcCatalogSync).noquote() << "switching the kiosk to the new catalog" << m_pending;
    m_catalog->openCatalog(m_pending);
    m_pending.clear();
    emit pendingChanged();
}

void CatalogSyncController::upgradeCatalog()
{
    qCInfo(lcCatalogSync) << "the catalog was built for another version of this software; rebuilding it";
    if (!m_engine->upgradeCatalog())
        m_upgradeQueued = true;
}

void CatalogSyncController::importRepository(const QString &mountPoint, const QString &repositoryDir)
{
    m_queuedImports.append({mountPoint, repositoryDir});
    // Staff standing at the kiosk with a stick do not wait for a slow server: the
    // network sync stops (its downloads resume later) and the stick goes next.
    m_engine->stopNetworkSync();
    startQueuedImport();
}

void CatalogSyncController::startQueuedImport()
{
    if (m_queuedImports.isEmpty() || m_engine->isRunning())
        return; // a running sync's syncFinished comes back here
    const auto [mountPoint, dir] = m_queuedImports.takeFirst();
    if (m_engine->importFrom(dir, QStringLiteral("USB stick at %1").arg(mountPoint))) {
        m_importing = mountPoint;
        emit importStarted(mountPoint);
    }
}

} // namespace kiosk
