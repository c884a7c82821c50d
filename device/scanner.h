// Scanner: what every QR/bar code scanner driver tells the kiosk (serial USB-CDC
// scanners, HID keyboard-wedge scanners through evdev). A driver lives on its own
// worker thread (ScannerService's WorkerThread); only queued signals leave it.
// Scanned texts may be anything a resident holds up (a payment code, a phone
// number): drivers log lengths and problems, never contents.
#pragma once

#include <QObject>
#include <atomic>

namespace device {

class Scanner : public QObject
{
    Q_OBJECT
public:
    enum class State { Absent, Ready };
    Q_ENUM(State)
    // Why a scan produced no text: stable codes for the UI to localise.
    enum class Problem { None, NotConnected, Disconnected, Overlong, NotText, Incomplete, NoPermission };
    Q_ENUM(Problem)

    using QObject::QObject;

    State state() const { return m_state; }
    // Thread-safe: makes any wait in progress return within ~50 ms.
    void requestStop() { m_stop = true; }

public slots:
    virtual void start() = 0;    // begins reading on the object's thread
    virtual void shutdown() = 0; // stops, closes the device (its thread then quits)

signals:
    void stateChanged(device::Scanner::State state, device::Scanner::Problem problem,
                      const QString &reason);
    void scanned(const QString &text);
    void scanFailed(device::Scanner::Problem problem);

protected:
    void setState(State state, Problem problem, const QString &reason);
    std::atomic_bool m_stop {false};

private:
    State m_state = State::Absent;
    Problem m_problem = Problem::None;
    QString m_reason;
};

} // namespace device
