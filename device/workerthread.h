// WorkerThread<Worker>: the one way a device service runs its driver off the UI thread.
// It owns a named QThread and the worker object moved onto it, starts them, and stops
// them within a bound, never with terminate(): a worker stuck in a call that will not
// return would take a lock or a half-written buffer with it, and a kiosk must keep
// running. What the worker may offer, found by name (each is optional):
//   start()       runs on the worker's thread as soon as it starts, before anything
//                 posted to the worker (timers made here belong to that thread)
//   shutdown()    the worker's last call on its thread, queued behind what is posted
//                 already; the thread quits right after it, so it always runs
//   requestStop() thread-safe; called on the owner's thread before shutdown() is
//                 queued, so that a wait in progress returns within its own bound
// Answers leave the worker only as its signals, which the owner connects to itself:
// the worker lives on another thread, so they arrive queued on the owner's.
#pragma once

#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <functional>

class QThread;

namespace device {

// The thread's life without the worker's type; services use WorkerThread<Worker>.
class WorkerThreadCore
{
public:
    static constexpr int kStopBoundMs = 3000; // every device service's bound so far

    struct Steps
    {
        std::function<void()> begin, end, cancelWaits; // start, shutdown, requestStop
    };

    WorkerThreadCore(const QString &threadName, QObject *worker, Steps steps,
                     QMessageLogger::CategoryFunction log);
    ~WorkerThreadCore(); // stop(kStopBoundMs)
    WorkerThreadCore(const WorkerThreadCore &) = delete;
    WorkerThreadCore &operator=(const WorkerThreadCore &) = delete;

    // Once: a stopped worker is not started again.
    void start();
    // True when the thread ended within timeoutMs; the worker and thread are then
    // deleted. False when it did not: the worker is cut off from every receiver, and
    // worker and thread delete themselves once the thread ends (the warning names it).
    // Either way the worker is gone for the owner. Idempotent.
    bool stop(int timeoutMs = kStopBoundMs);

protected:
    QObject *m_worker = nullptr; // null once stopped

private:
    QThread *m_thread = nullptr;
    Steps m_steps;
    QMessageLogger::CategoryFunction m_log;
    bool m_started = false;
};

template <class Worker>
class WorkerThread final : public WorkerThreadCore
{
public:
    // Takes ownership of worker, which must have no parent. log: the device's category.
    WorkerThread(const QString &threadName, Worker *worker, QMessageLogger::CategoryFunction log)
        : WorkerThreadCore(threadName, worker, stepsOf(worker), log)
    {
    }

    // For connecting its signals and posting to it; null once stopped.
    Worker *worker() const { return static_cast<Worker *>(m_worker); }

    // Runs call(worker) on the worker's thread, after what was posted before; dropped
    // once the worker is stopped.
    template <class Call> void post(Call call) const
    {
        if (Worker *w = worker())
            QMetaObject::invokeMethod(w, [w, call] { call(*w); }, Qt::QueuedConnection);
    }

private:
    static Steps stepsOf(Worker *w)
    {
        Steps s;
        if constexpr (requires { w->start(); })
            s.begin = [w] { w->start(); };
        if constexpr (requires { w->shutdown(); })
            s.end = [w] { w->shutdown(); };
        if constexpr (requires { w->requestStop(); })
            s.cancelWaits = [w] { w->requestStop(); };
        return s;
    }
};

} // namespace device
