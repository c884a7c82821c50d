// How a worker's answer reaches the object that asked for it.
#pragma once

#include <QFuture>
#include <QObject>
#include <QPointer>

namespace kiosk {

// Calls done(result) on `context`'s thread once `future` finishes, unless `receiver`
// is gone by then. `context` is the object that owns the pool the work runs on, on the
// receiver's thread: its destruction waits for that pool, so it outlives the work (a
// service for many askers, or the receiver itself when the pool is its own member).
// Never an object that may be deleted while the work runs: Qt 6.4 reads a
// continuation's context on the worker thread, so a receiver deleted meanwhile on the
// UI thread (a screen left mid-query) would race with the worker posting to it.
template <typename T, typename Done>
void deliverOrDrop(QFuture<T> future, QObject *context, QObject *receiver, Done done)
{
    Q_ASSERT(!receiver || receiver->thread() == context->thread());
    QPointer<QObject> guard(receiver);
    future.then(context, [guard, done](const T &result) {
        if (guard)
            done(result);
    });
}

} // namespace kiosk
