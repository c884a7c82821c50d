// SyncEngine: runs catalog syncs off the UI thread and tells staff how they go.
// One sync at a time, on its own QThread; progress and results arrive as queued
// signals. The engine never swaps the catalog under the UI: it announces
// catalogUpdated(path) and the kiosk opens the new generation between sessions
// (the previous generation stays on disk until the next switch, so the open one is
// never deleted under a reader).
#pragma once

#include "catalogupdater.h"
#include "httpmirror.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace catalogsync {

struct SyncSettings {
    QString syncRoot;
    QUrl repositoryUrl; // empty: no network sync (USB only)
    HttpOptions http;
    int pollIntervalSeconds = 3600;
    int maxBackoffSeconds = 6 * 3600;
    // Every sync's transfers (network or stick) end by then; downloads resume next time.
    int transferDeadlineSeconds = 30 * 60;
};

class SyncEngine : public QObject
{
    Q_OBJECT
public:
    explicit SyncEngine(SyncSettings settings, QObject *parent = nullptr);
    ~SyncEngine() override; // stops a running sync and waits for it

    // Start a sync now; false when one is already running (or no URL is configured).
    bool syncNow();
    // Import from a repository folder (a mounted USB stick) with the same checks.
    bool importFrom(const QString &directory, const QString &label);
    // Rebuild the catalog in use for this software's schema, from what the kiosk holds
    // (CatalogUpdater::upgradeCurrent); false when a sync is running (it upgrades too).
    bool upgradeCatalog();
    // Regular network syncs, spread over time with jitter and backing off on failure.
    void startPolling();
    void stopPolling();
    bool isRunning() const { return m_worker != nullptr; }
    // A network sync is running (a stick import may stop it: see stopNetworkSync).
    bool isNetworkSyncRunning() const { return m_worker != nullptr && m_runningNetwork; }
    // Stops a running network sync within about a second (what it downloaded is kept
    // and resumed); its syncFinished reports "stopped". A staff member's stick must
    // not wait behind a slow or stuck server.
    void stopNetworkSync();
    // The catalog the UI has open; syncs keep its generation until the UI moves on.
    void setCatalogInUse(const QString &catalogPath) { m_catalogInUse = catalogPath; }

    // Next poll delay: base doubled per consecutive failure up to maxBackoff, then
    // spread ±25% by random01 (0…1) so thousands of kiosks do not poll in step.
    static int nextPollDelaySeconds(int baseSeconds, int consecutiveFailures, int maxBackoffSeconds,
                                    double random01);

signals:
    void progressChanged(const catalogsync::SyncProgress &progress);
    void syncFinished(const catalogsync::SyncReport &report);
    void catalogUpdated(const QString &catalogPath); // a new generation is current


private:
    // One job on the worker thread: a sync from a mirror, or a schema upgrade.
    using Job = std::function<SyncReport(CatalogUpdater &, const CatalogUpdater::ProgressFn &,
                                         const std::atomic_bool *cancel)>;
    bool start(Job job, bool network);
    void onFinished(const SyncReport &report);
    void scheduleNextPoll();

    SyncSettings m_settings;
    QThread *m_worker = nullptr;
    bool m_runningNetwork = false;
    std::atomic_bool m_cancel{false};
    QTimer m_pollTimer;
    int m_consecutiveFailures = 0;
    bool m_pollingEnabled = false;
    QString m_catalogInUse;
};

} // namespace catalogsync
