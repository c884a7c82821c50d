// IdCardService: owns the ID card reader's worker thread. Lives on the caller's
// (UI) thread; the driver's signals arrive here queued and are passed on, so the
// UI never waits for the reader. stop() is bounded: the driver's waits are
// cancellable, and the thread is never terminated.
#pragma once

#include "idcardreader.h"

#include <QObject>
#include <QThread>

namespace device {

class IdCardService : public QObject
{
    Q_OBJECT
public:
    explicit IdCardService(const IdCardReaderConfig &config, QObject *parent = nullptr);
    ~IdCardService() override;

    void start();
    // Stops polling and joins the worker thread; false if it did not end in time
    // (it is then left to finish on its own and reported in the log).
    bool stop(int timeoutMs = 3000);

    IdCardReader::State state() const { return m_state; }
    QString reason() const { return m_reason; }

signals:
    void stateChanged(device::IdCardReader::State state, device::IdCardReader::Problem problem,
                      const QString &reason);
    void cardRead(const device::IdCard &card);

private:
    QThread *m_thread = nullptr; // left running (leaked) only if stop() timed out
    IdCardReader *m_reader = nullptr;
    IdCardReader::State m_state = IdCardReader::State::Absent;
    QString m_reason;
};

} // namespace device
