#include "workerthread.h"

#include <QDeadlineTimer>
#include <QThread>
#include <utility>

namespace device {

WorkerThreadCore::WorkerThreadCore(const QString &threadName, QObject *worker, Steps steps,
                                   QMessageLogger::CategoryFunction log)
    : m_worker(worker), m_thread(new QThread), m_steps(std::move(steps)), m_log(log)
{
    m_thread->setObjectName(threadName);
    m_worker->moveToThread(m_thread);
    // Direct: on the new thread before its event loop, so before anything posted to it.
    if (m_steps.begin)
        QObject::connect(m_thread, &QThread::started, m_worker, m_steps.begin, Qt::DirectConnection);
}

WorkerThreadCore::~WorkerThreadCore()
{
    stop();
}

void WorkerThreadCore::start()
{
    if (!m_worker || m_started)
        return;
    m_started = true;
    m_thread->start();
}

bool WorkerThreadCore::stop(int timeoutMs)
{
    QObject *worker = std::exchange(m_worker, nullptr);
    QThread *thread = std::exchange(m_thread, nullptr);
    if (!worker)
        return true;
    if (m_started) {
        if (m_steps.cancelWaits)
            m_steps.cancelWaits();
        // shutdown() and quit() both on the worker's thread, in this order: a quit() from
        // here could end the event loop before the queued shutdown() had run.
        QMetaObject::invokeMethod(
            worker,
            [end = m_steps.end] {
                if (end)
                    end();
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
        if (!thread->wait(QDeadlineTimer(timeoutMs))) {
            qCWarning(m_log).noquote() << thread->objectName() << "worker did not stop within"
                                       << timeoutMs << "ms; left to finish, not terminated";
            worker->disconnect(); // whatever it still says reaches no one
            // Should the thread end between the wait and these, both leak: still no terminate().
            QObject::connect(thread, &QThread::finished, worker, &QObject::deleteLater);
            QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
            return false;
        }
    }
    delete worker; // its thread has ended, or never ran: nothing else touches it
    delete thread;
    return true;
}

} // namespace device
