// CatalogSyncController: the kiosk's side of catalog sync. It runs the SyncEngine
// (network polling, on its worker thread) and the MountWatcher (USB sticks, on its
// own thread), and moves the UI to a newly installed catalog generation only at a
// safe moment: when no resident's session is active, or right after a session ends —
// never under a resident who is reading. Until then the new generation waits
// (pendingCatalog) and the one open stays on disk (SyncEngine::setCatalogInUse).
// A catalog this software cannot open because of its schema version (the kiosk
// software was upgraded) is rebuilt on the engine's thread at once (upgradeCatalog);
// as nothing is on screen meanwhile, the rebuilt one opens even during a session.
#pragma once

#include "syncengine.h"

#include <QObject>
#include <QStringList>
#include <memory>

namespace catalogsync {
class MountWatcher;
}

namespace kiosk {

class CatalogService;
class Session;

class CatalogSyncController : public QObject
{
    Q_OBJECT
public:
    struct Settings {
        catalogsync::SyncSettings sync;   // syncRoot, repositoryUrl (empty: USB only), poll interval
        QStringList usbMountRoots;        // empty: no USB import
        QStringList usbFilesystemTypes;   // a stick of another type is not read; empty: any
        QString mountInfo = QStringLiteral("/proc/self/mountinfo");
    };
    CatalogSyncController(Settings settings, CatalogService *catalog, Session *session,
                          QObject *parent = nullptr);
    ~CatalogSyncController() override;

    // Starts polling (when a URL is configured) and the USB watcher (when roots are).
    void start();
    catalogsync::SyncEngine *engine() const { return m_engine.get(); }
    QString syncRoot() const { return m_settings.sync.syncRoot; }
    // A new generation installed but not yet shown (a session is active).
    QString pendingCatalog() const { return m_pending; }
    // The mount point of the stick being imported, if any.
    QString importingFrom() const { return m_importing; }
    bool networkEnabled() const { return !m_settings.sync.repositoryUrl.isEmpty(); }
    bool syncNow();
    // Imports the repository folder of a mounted stick: a running network sync is stopped
    // for it, a running import or upgrade finishes first.
    // The MountWatcher calls this; so can a technician's tool.
    void importRepository(const QString &mountPoint, const QString &repositoryDir);
    // Rebuilds the synced catalog for this software's schema (queued behind a running
    // sync, which does the same if it can). CatalogService::catalogOutdated calls it.
    void upgradeCatalog();

signals:
    void pendingChanged();
    void importStarted(const QString &mountPoint);
    void importFinished(const QString &mountPoint, const catalogsync::SyncReport &report);
    // A stick without a disclosure-catalog folder was mounted (staff may have
    // copied the repository one level too deep).
    void stickWithoutRepository(const QString &mountPoint);

private:
    void onCatalogUpdated(const QString &path);
    void switchIfIdle();
    void startQueuedImport();

    Settings m_settings;
    CatalogService *m_catalog;
    Session *m_session;
    std::unique_ptr<catalogsync::SyncEngine> m_engine;
    std::unique_ptr<catalogsync::MountWatcher> m_watcher;
    QString m_pending;
    QString m_importing;
    QList<QPair<QString, QString>> m_queuedImports; // mount point, repository dir
    bool m_upgradeQueued = false;
};

} // namespace kiosk
