#include "staffviewmodel.h"
#include "speechqueue.h"

#include "catalogsynccontroller.h"
#include "staffpin.h"
#include "session.h"
#include "workeranswer.h"

#include <QFuture>
#include <QLoggingCategory>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace kiosk {

Q_LOGGING_CATEGORY(lcStaff, "kiosk.staff")

using catalogsync::SyncProgress;
using catalogsync::SyncReport;

StaffViewModel::StaffViewModel(CatalogSyncController *sync, Session *session, QString pinHash,
                               const QString &pinGateFile, int expiryWarningDays, QObject *parent)
    : QObject(parent), SessionScoped(session, "the staff screen opened"), m_sync(sync), m_session(session),
      m_pinHash(std::move(pinHash).trimmed()),
      m_warnSeconds(qint64(expiryWarningDays) * 24 * 3600),
      // A read of a few bytes at start-up; every write happens on the check's worker.
      m_gate(std::make_shared<StaffPinGate>(pinGateFile, QDateTime::currentSecsSinceEpoch()))
{
    m_worker.setMaxThreadCount(1);
    auto *engine = m_sync->engine();
    connect(engine, &catalogsync::SyncEngine::progressChanged, this, [this](const SyncProgress &p) {
        m_progress = p;
        m_running = true;
        emit progressChanged();
    });
    connect(engine, &catalogsync::SyncEngine::syncFinished, this, [this](const SyncReport &r) {
        m_reportTime = QDateTime::currentDateTimeUtc();
        m_reportProblem = r.problem;
        m_reportReason = r.reason;
        m_running = false;
        m_source.clear();
        emit progressChanged();
        refresh();
    });
    connect(m_sync, &CatalogSyncController::importStarted, this, [this](const QString &mountPoint) {
        m_running = true;
        m_source = mountPoint;
        m_progress = {};
        emit progressChanged();
    });
    connect(m_sync, &CatalogSyncController::pendingChanged, this, &StaffViewModel::statusChanged);
    m_refreshTimer.setInterval(60'000);
    connect(&m_refreshTimer, &QTimer::timeout, this, &StaffViewModel::refresh);
    refresh();
}

void StaffViewModel::forgetVisit()
{
    if (m_stage != Stage::Closed)
        setStage(Stage::Closed);
}

bool StaffViewModel::holdsVisitData() const { return m_stage != Stage::Closed; }

QString StaffViewModel::formatTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

int StaffViewModel::catalogAgeDays() const
{
    if (!m_status.catalogSince.isValid())
        return -1;
    return int(m_status.catalogSince.daysTo(QDateTime::currentDateTimeUtc()));
}

bool StaffViewModel::reportIsNewer() const
{
    // The disk record's time has whole seconds only.
    return m_reportTime.isValid() &&
           (!m_status.lastAttempt.isValid() || m_reportTime.addSecs(-2) > m_status.lastAttempt);
}

QString StaffViewModel::problem() const
{
    if (reportIsNewer())
        return m_reportProblem.isEmpty() ? QString() : QStringLiteral("staff.problem.") + m_reportProblem;
    return m_status.lastProblem.isEmpty() && !m_status.lastError.isEmpty()
               ? QStringLiteral("staff.problem.local")
           : m_status.lastProblem.isEmpty() ? QString()
                                            : QStringLiteral("staff.problem.") + m_status.lastProblem;
}

QVariantList StaffViewModel::warnings() const
{
    QVariantList out;
    for (const auto &e : m_status.expiries) {
        if (!e.expired && !e.expiresSoon)
            continue;
        out.append(QVariantMap{{QStringLiteral("key"), e.expired ? QStringLiteral("staff.warning.expired")
                                                                 : QStringLiteral("staff.warning.expires_soon")},
                               {QStringLiteral("role"), QStringLiteral("staff.meta.") + e.role},
                               {QStringLiteral("when"), formatTime(e.expires)}});
    }
    if (m_status.catalogVersion == 0 && m_status.lastSuccess.isValid() == false)
        out.append(QVariantMap{{QStringLiteral("key"), QStringLiteral("staff.warning.no_synced_catalog")},
                               {QStringLiteral("role"), QString()},
                               {QStringLiteral("when"), QString()}});
    return out;
}

bool StaffViewModel::pendingSwitch() const { return !m_sync->pendingCatalog().isEmpty(); }
bool StaffViewModel::networkEnabled() const { return m_sync->networkEnabled(); }

void StaffViewModel::setSpeech(SpeechQueue *speech)
{
    m_speech = speech;
    connect(speech, &SpeechQueue::availableChanged, this, &StaffViewModel::soundChanged);
    emit soundChanged();
}

bool StaffViewModel::soundAvailable() const { return m_speech && m_speech->available(); }

QString StaffViewModel::soundProblem() const
{
    return m_speech && !m_speech->available() ? m_speech->unavailableReason() : QString();
}

QString StaffViewModel::phase() const
{
    if (!m_running)
        return {};
    switch (m_progress.phase) {
    case SyncProgress::Phase::Checking: return QStringLiteral("staff.phase.checking");
    case SyncProgress::Phase::Downloading: return QStringLiteral("staff.phase.downloading");
    case SyncProgress::Phase::Building: return QStringLiteral("staff.phase.building");
    case SyncProgress::Phase::Switching: return QStringLiteral("staff.phase.switching");
    case SyncProgress::Phase::Upgrading: return QStringLiteral("staff.phase.upgrading");
    }
    return {};
}

void StaffViewModel::setStage(Stage stage, const QString &problem)
{
    m_stage = stage;
    m_pinProblem = problem;
    if (stage == Stage::Open) {
        refresh();
        m_refreshTimer.start();
    } else {
        m_refreshTimer.stop();
    }
    emit stageChanged();
}

void StaffViewModel::requestAccess()
{
    if (!available()) {
        qCInfo(lcStaff) << "staff corner held, but no staff PIN is configured (staff/pin_hash)";
        return;
    }
    if (m_stage == Stage::Closed)
        setStage(Stage::Pin);
}

bool StaffViewModel::showIfLocked()
{
    const qint64 seconds = m_gate->secondsLocked(QDateTime::currentSecsSinceEpoch());
    if (seconds <= 0)
        return false;
    m_lockedMinutes = int((seconds + 59) / 60);
    setStage(Stage::Pin, QStringLiteral("staff.pin_locked"));
    return true;
}

void StaffViewModel::submitPin(const QString &pin)
{
    if (m_stage != Stage::Pin || showIfLocked())
        return;
    setStage(Stage::Checking);
    // Argon2id takes a moment by design: never on the UI thread. The outcome is
    // recorded (durably) on the worker before it is shown, so cutting the power on
    // seeing "wrong" cannot take the try back.
    const QString hash = m_pinHash;
    QPointer<StaffViewModel> self(this);
    QFuture<bool> check = QtConcurrent::run(&m_worker, [hash, pin, gate = m_gate] {
        const bool ok = config::verifyPin(hash, pin);
        if (ok)
            gate->recordCorrect();
        else
            gate->recordWrong(QDateTime::currentSecsSinceEpoch());
        return ok;
    });
    deliverOrDrop(check, this, this, [self](bool ok) {
        if (!self || self->m_stage != Stage::Checking)
            return;
        if (ok) {
            qCInfo(lcStaff) << "staff screen opened";
            self->setStage(Stage::Open);
            return;
        }
        qCWarning(lcStaff) << "wrong staff PIN entered";
        if (!self->showIfLocked())
            self->setStage(Stage::Pin, QStringLiteral("staff.pin_wrong"));
    });
}

void StaffViewModel::close()
{
    if (m_stage == Stage::Closed)
        return;
    setStage(Stage::Closed);
    m_session->endNow(); // nothing of the staff visit stays; a waiting catalog switches now
}

bool StaffViewModel::syncNow()
{
    if (m_stage != Stage::Open)
        return false;
    const bool started = m_sync->syncNow();
    if (started) {
        m_running = true;
        m_source = QStringLiteral("network");
        m_progress = {};
        emit progressChanged();
    }
    return started;
}

void StaffViewModel::refresh()
{
    const int serial = ++m_refreshSerial;
    const QString root = m_sync->syncRoot();
    const qint64 warn = m_warnSeconds;
    QPointer<StaffViewModel> self(this);
    QFuture<catalogsync::SyncStatusSnapshot> read = QtConcurrent::run(&m_worker, [root, warn] {
        return catalogsync::readSyncStatus(root, QDateTime::currentDateTimeUtc(), warn);
    });
    deliverOrDrop(read, this, this, [self, serial](const catalogsync::SyncStatusSnapshot &s) {
        if (!self || serial != self->m_refreshSerial)
            return;
        self->m_status = s;
        emit self->statusChanged();
    });
}

} // namespace kiosk
