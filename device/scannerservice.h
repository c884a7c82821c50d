// ScannerService: owns a scanner driver's worker thread. Lives on the caller's
// (UI) thread; the driver's signals arrive here queued and are passed on. stop()
// is bounded (the driver's waits are cancellable) and never terminates a thread.
#pragma once

#include "scanner.h"

#include <QObject>
#include <QThread>

namespace device {

class ScannerService : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of driver (which must have no parent).
    explicit ScannerService(Scanner *driver, QObject *parent = nullptr);
    ~ScannerService() override;

    void start();
    bool stop(int timeoutMs = 3000);

    Scanner::State state() const { return m_state; }
    Scanner::Problem problem() const { return m_problem; }

signals:
    void stateChanged(device::Scanner::State state, device::Scanner::Problem problem,
                      const QString &reason);
    void scanned(const QString &text);
    void scanFailed(device::Scanner::Problem problem);

private:
    QThread *m_thread = nullptr;
    Scanner *m_driver = nullptr;
    Scanner::State m_state = Scanner::State::Absent;
    Scanner::Problem m_problem = Scanner::Problem::NotConnected;
};

} // namespace device
