// ScannerService: a scanner driver on its worker thread (WorkerThread), for the UI.
// Lives on the caller's (UI) thread; the driver's signals arrive here queued and are
// passed on. stop() is bounded (the driver's waits are cancellable) and never
// terminates a thread.
#pragma once

#include "scanner.h"
#include "workerthread.h"

#include <QObject>

namespace device {

class ScannerService : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of driver (which must have no parent).
    explicit ScannerService(Scanner *driver, QObject *parent = nullptr);

    void start() { m_driver.start(); }
    bool stop(int timeoutMs = WorkerThreadCore::kStopBoundMs) { return m_driver.stop(timeoutMs); }

    Scanner::State state() const { return m_state; }
    Scanner::Problem problem() const { return m_problem; }

signals:
    void stateChanged(device::Scanner::State state, device::Scanner::Problem problem,
                      const QString &reason);
    void scanned(const QString &text);
    void scanFailed(device::Scanner::Problem problem);

private:
    Scanner::State m_state = Scanner::State::Absent;
    Scanner::Problem m_problem = Scanner::Problem::NotConnected;
    // Last, so it is destroyed first: the worker stops while the rest is whole.
    WorkerThread<Scanner> m_driver;
};

} // namespace device
