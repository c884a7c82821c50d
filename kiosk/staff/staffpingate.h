// StaffPinGate: what the staff PIN gate remembers of wrong PINs. Five wrong PINs in a
// row shut the gate for 5 minutes; every further round of five before a correct PIN
// doubles that, up to an hour. A correct PIN (only checked while the gate is open)
// forgets it all. Kept in a small file of the kiosk's own storage (beside the usage
// store, never in kiosk.conf), written durably before a check's outcome is shown, so
// neither a restart nor pulling the plug gives an attacker new tries.
//
// Times are UTC seconds since the epoch, passed in by the caller (tests bring their
// own clock). A lockout ending further ahead than its length means the clock was set
// back: it then ends one length from now, never later.
// Thread-safe: the check's worker records outcomes, the UI thread asks.
#pragma once

#include <QMutex>
#include <QString>

namespace kiosk {

class StaffPinGate
{
public:
    static constexpr int kWrongPinsPerRound = 5;
    static constexpr qint64 kFirstLockoutSeconds = 300;
    static constexpr qint64 kLongestLockoutSeconds = 3600;

    // Reads the file (a few bytes, once at start-up). One that exists but cannot be
    // read as ours shuts the gate for a first lockout: fail closed.
    StaffPinGate(QString path, qint64 now);

    // Seconds until the gate opens again; 0 when it is open.
    qint64 secondsLocked(qint64 now);
    // A wrong PIN: counted, and after a round of five the gate shuts. Written to disk
    // (fsync) before it returns: call it off the UI thread.
    void recordWrong(qint64 now);
    // A correct PIN: everything forgotten (written only if there was something).
    void recordCorrect();

    // The lockout after the n-th round of wrong PINs (n from 1).
    static qint64 lockoutSeconds(int round);

private:
    void load(qint64 now);
    void save();

    const QString m_path;
    QMutex m_mutex;
    int m_wrongInRound = 0;
    int m_rounds = 0;          // rounds of five since the last correct PIN
    qint64 m_lockedUntil = 0;  // UTC seconds
};

} // namespace kiosk
