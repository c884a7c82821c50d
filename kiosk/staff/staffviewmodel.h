// StaffViewModel (QML "Staff"): the staff-only admin mode and its sync status screen.
// Gate: a 3-second press on the top-right corner of the screen asks for the staff
// PIN; the PIN is checked against the Argon2id hash in kiosk.conf (staff/pin_hash)
// off the UI thread. Wrong PINs shut the gate for a while that grows with every
// round of them (StaffPinGate), across restarts. With no hash configured the staff
// screen cannot be opened at all. Closing the screen (or
// the idle timeout) ends the staff's session like a resident's.
//
// The status shown is read from the sync root off the UI thread (readSyncStatus) and
// from the engine's queued progress signals; texts are keys into ui/strings.yaml.
#pragma once

#include "compositionsingleton.h"
#include "sessionscoped.h"
#include "staffpingate.h"
#include "syncengine.h"
#include "syncstatus.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QThreadPool>
#include <QTimer>
#include <QVariantList>
#include <memory>

namespace kiosk {

class CatalogSyncController;
class SpeechQueue;
class Session;

class StaffViewModel : public QObject, public CompositionSingleton<StaffViewModel>, public SessionScoped
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Staff)
    QML_SINGLETON
    Q_PROPERTY(Stage stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(QString pinProblem READ pinProblem NOTIFY stageChanged) // strings.yaml key or ""
    // With staff.pin_locked: whole minutes (rounded up) until the gate opens again.
    Q_PROPERTY(int pinLockedMinutes READ pinLockedMinutes NOTIFY stageChanged)
    Q_PROPERTY(bool available READ available CONSTANT)

    Q_PROPERTY(int catalogVersion READ catalogVersion NOTIFY statusChanged)
    Q_PROPERTY(QString catalogSince READ catalogSince NOTIFY statusChanged)
    Q_PROPERTY(int catalogAgeDays READ catalogAgeDays NOTIFY statusChanged)
    Q_PROPERTY(QString lastSuccess READ lastSuccess NOTIFY statusChanged) // "" = never
    Q_PROPERTY(QString problem READ problem NOTIFY statusChanged)          // "" or strings.yaml key
    Q_PROPERTY(QString problemDetail READ problemDetail NOTIFY statusChanged)
    Q_PROPERTY(QVariantList warnings READ warnings NOTIFY statusChanged)   // [{key, role, when}]
    Q_PROPERTY(bool pendingSwitch READ pendingSwitch NOTIFY statusChanged)
    Q_PROPERTY(bool networkEnabled READ networkEnabled CONSTANT)
    // The voice's sound output; soundProblem: the reason in the log's (English) words.
    Q_PROPERTY(bool soundAvailable READ soundAvailable NOTIFY soundChanged)
    Q_PROPERTY(QString soundProblem READ soundProblem NOTIFY soundChanged)

    Q_PROPERTY(bool running READ running NOTIFY progressChanged)
    Q_PROPERTY(QString source READ source NOTIFY progressChanged) // "network" or a mount point
    Q_PROPERTY(QString phase READ phase NOTIFY progressChanged)
    Q_PROPERTY(double bytesDone READ bytesDone NOTIFY progressChanged)
    Q_PROPERTY(double bytesTotal READ bytesTotal NOTIFY progressChanged)
    Q_PROPERTY(int filesDone READ filesDone NOTIFY progressChanged)
    Q_PROPERTY(int filesTotal READ filesTotal NOTIFY progressChanged)

public:
    // Where admin mode is; QML compares with Staff.Closed, Staff.Pin, …
    enum class Stage {
        Closed,   // a resident's kiosk
        Pin,      // asking for the PIN
        Checking, // the PIN is checked off the UI thread
        Open,     // the staff screen
    };
    Q_ENUM(Stage)

    // pinGateFile: where the gate keeps its wrong PINs (the kiosk's own storage).
    StaffViewModel(CatalogSyncController *sync, Session *session, QString pinHash,
                   const QString &pinGateFile, int expiryWarningDays, QObject *parent);

    // Leaving the kiosk alone in admin mode ends it like any session.
    void forgetVisit() override;
    bool holdsVisitData() const override;

    Stage stage() const { return m_stage; }
    QString pinProblem() const { return m_pinProblem; }
    int pinLockedMinutes() const { return m_lockedMinutes; }
    bool available() const { return !m_pinHash.isEmpty(); }

    int catalogVersion() const { return int(m_status.catalogVersion); }
    QString catalogSince() const { return formatTime(m_status.catalogSince); }
    int catalogAgeDays() const;
    QString lastSuccess() const { return formatTime(m_status.lastSuccess); }
    QString problem() const;
    QString problemDetail() const { return reportIsNewer() ? m_reportReason : m_status.lastError; }
    QVariantList warnings() const;
    bool pendingSwitch() const;
    bool networkEnabled() const;
    void setSpeech(SpeechQueue *speech);
    bool soundAvailable() const;
    QString soundProblem() const;

    bool running() const { return m_running; }
    QString source() const { return m_source; }
    QString phase() const;
    double bytesDone() const { return double(m_progress.bytesDone); }
    double bytesTotal() const { return double(m_progress.bytesTotal); }
    int filesDone() const { return m_progress.filesDone; }
    int filesTotal() const { return m_progress.filesTotal; }

    // The corner was held: ask for the PIN (ignored when no PIN hash is configured).
    Q_INVOKABLE void requestAccess();
    Q_INVOKABLE void submitPin(const QString &pin);
    Q_INVOKABLE void close();
    Q_INVOKABLE bool syncNow();
    // Re-reads the status from disk (off the UI thread); statusChanged when done.
    Q_INVOKABLE void refresh();

signals:
    void soundChanged();
    void stageChanged();
    void statusChanged();
    void progressChanged();

private:
    static QString formatTime(const QDateTime &t);
    void setStage(Stage stage, const QString &problem = {});
    // staff.pin_locked with the minutes left; false when the gate is open.
    bool showIfLocked();

    CatalogSyncController *m_sync;
    SpeechQueue *m_speech = nullptr;
    Session *m_session;
    QString m_pinHash;
    qint64 m_warnSeconds;
    Stage m_stage = Stage::Closed;
    QString m_pinProblem;
    // Shared with the check's worker, which records the outcome before it is shown.
    std::shared_ptr<StaffPinGate> m_gate;
    int m_lockedMinutes = 0;
    catalogsync::SyncProgress m_progress;
    bool m_running = false;
    QString m_source;
    int m_refreshSerial = 0;
    QTimer m_refreshTimer; // while open: ages and expiry warnings move on
    catalogsync::SyncStatusSnapshot m_status; // the last read from disk
    // The last report of this run: newer than the disk record when that could not be
    // written (a full disk).
    QDateTime m_reportTime;
    QString m_reportProblem, m_reportReason;
    bool reportIsNewer() const;
    // The PIN check and the status reads, one at a time (deliverOrDrop, workeranswer.h).
    // Last, so it is destroyed first: the view model's destruction waits for the work,
    // and the object its answers are posted to outlives it.
    QThreadPool m_worker;
};

} // namespace kiosk
