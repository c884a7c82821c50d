// IdCardService: the ID card reader on its worker thread (WorkerThread), for the UI.
// Lives on the caller's (UI) thread; the driver's signals arrive here queued and are
// passed on, so the UI never waits for the reader. stop() is bounded: the driver's
// waits are cancellable, and the thread is never terminated.
#pragma once

#include "idcardreader.h"
#include "workerthread.h"

#include <QObject>

namespace device {

class IdCardService : public QObject
{
    Q_OBJECT
public:
    explicit IdCardService(const IdCardReaderConfig &config, QObject *parent = nullptr);

    void start() { m_reader.start(); }
    // Stops polling and joins the worker thread; false if it did not end in time
    // (it is then left to finish on its own and reported in the log).
    bool stop(int timeoutMs = WorkerThreadCore::kStopBoundMs) { return m_reader.stop(timeoutMs); }

    IdCardReader::State state() const { return m_state; }
    QString reason() const { return m_reason; }

signals:
    void stateChanged(device::IdCardReader::State state, device::IdCardReader::Problem problem,
                      const QString &reason);
    void cardRead(const device::IdCard &card);

private:
    IdCardReader::State m_state = IdCardReader::State::Absent;
    QString m_reason;
    // Last, so it is destroyed first: the worker stops while the rest is whole.
    WorkerThread<IdCardReader> m_reader;
};

} // namespace device
