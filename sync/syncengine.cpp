#include "syncengine.h"

#include "synclog.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <optional>
#include <sys/resource.h>
#include <unistd.h>

namespace catalogsync {

SyncEngine::SyncEngine(SyncSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings))
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        if (!syncNow())
            scheduleNextPoll();
    });
}

SyncEngine::~SyncEngine()
{
    m_cancel = true;
    if (m_worker) {
        m_worker->wait(); // bounded by the transfer timeouts
        delete m_worker;
    }
}

int SyncEngine::nextPollDelaySeconds(int baseSeconds, int consecutiveFailures, int maxBackoffSeconds,
                                     double random01)
{
    const double backedOff = std::min(double(maxBackoffSeconds),
                                      double(baseSeconds) * std::pow(2.0, std::min(consecutiveFailures, 30)));
    const double spread = 0.75 + 0.5 * std::clamp(random01, 0.0, 1.0);
    return std::max(1, int(backedOff * spread));
}

bool SyncEngine::syncNow()
{
    if (m_settings.repositoryUrl.isEmpty())
        return false;
    const QUrl url = m_settings.repositoryUrl;
    const HttpOptions http = m_settings.http;
    const int deadline = m_settings.transferDeadlineSeconds;
    return start([url, http, deadline](CatalogUpdater &updater, const CatalogUpdater::ProgressFn &progress,
                                       const std::atomic_bool *cancel) {
        HttpMirror mirror(url, http);
        mirror.setBudget(QDeadlineTimer(std::chrono::seconds(deadline)), cancel);
        return updater.update(mirror, QDateTime::currentDateTimeUtc(), progress, cancel);
    }, true);
}

bool SyncEngine::importFrom(const QString &directory, const QString &label)
{
    const int deadline = m_settings.transferDeadlineSeconds;
    return start([directory, label, deadline](CatalogUpdater &updater, const CatalogUpdater::ProgressFn &progress,
                                              const std::atomic_bool *cancel) {
        LocalMirror mirror(directory, label);
        mirror.setBudget(QDeadlineTimer(std::chrono::seconds(deadline)), cancel);
        return updater.update(mirror, QDateTime::currentDateTimeUtc(), progress, cancel);
    }, false);
}

void SyncEngine::stopNetworkSync()
{
    if (isNetworkSyncRunning()) {
        qCInfo(lcSync) << "stopping the network sync: a catalog USB stick comes first";
        m_cancel = true;
    }
}

bool SyncEngine::upgradeCatalog()
{
    return start([](CatalogUpdater &updater, const CatalogUpdater::ProgressFn &progress, const std::atomic_bool *) {
        return updater.upgradeCurrent(progress);
    }, false);
}

bool SyncEngine::start(Job job, bool network)
{
    if (m_worker)
        return false;
    m_cancel = false;
    m_runningNetwork = network;
    const QString root = m_settings.syncRoot;
    const QString inUse = m_catalogInUse;
    m_worker = QThread::create([this, root, inUse, job] {
        // Building a catalog keeps a core busy for seconds. QThread's priorities mean
        // nothing under Linux's default scheduler, but a thread's nice value does: at 10
        // the UI thread wins a shared core about nine times out of ten, so a resident's
        // screen keeps its frames while the catalog is rebuilt.
        setpriority(PRIO_PROCESS, id_t(gettid()), 10);
        QElapsedTimer sinceEmit;
        sinceEmit.start();
        SyncProgress::Phase lastPhase = SyncProgress::Phase::Checking;
        std::optional<SyncProgress> held; // thinned out, shown before the phase moves on
        // Progress is thinned to ~10 signals a second: the UI only needs to look alive.
        // The last figures of a phase are never thinned away, so staff see the totals
        // even when a fast stick finishes a phase within one interval.
        const auto progress = [&](const SyncProgress &p) {
            if (p.phase != lastPhase && held)
                emit progressChanged(*held);
            held.reset();
            if (p.phase != lastPhase || sinceEmit.elapsed() >= 100) {
                lastPhase = p.phase;
                sinceEmit.restart();
                emit progressChanged(p);
            } else {
                held = p;
            }
        };
        CatalogUpdater updater(root);
        updater.catalogInUse = inUse;
        const SyncReport report = job(updater, progress, &m_cancel);
        if (held)
            emit progressChanged(*held);
        QMetaObject::invokeMethod(this, [this, report] { onFinished(report); }, Qt::QueuedConnection);
    });
    m_worker->start(QThread::LowPriority);
    return true;
}

void SyncEngine::onFinished(const SyncReport &report)
{
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
    m_consecutiveFailures = report.succeeded() ? 0 : m_consecutiveFailures + 1;
    emit syncFinished(report);
    if (report.switched)
        emit catalogUpdated(report.catalogPath);
    scheduleNextPoll();
}

void SyncEngine::startPolling()
{
    m_pollingEnabled = true;
    scheduleNextPoll();
}

void SyncEngine::stopPolling()
{
    m_pollingEnabled = false;
    m_pollTimer.stop();
}

void SyncEngine::scheduleNextPoll()
{
    if (!m_pollTimer.isActive() && m_pollingEnabled)
        m_pollTimer.start(std::chrono::seconds(nextPollDelaySeconds(
            m_settings.pollIntervalSeconds, m_consecutiveFailures, m_settings.maxBackoffSeconds,
            QRandomGenerator::global()->generateDouble())));
}

} // namespace catalogsync
