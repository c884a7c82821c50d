// WorkerThread, the host of every device worker: start() first on the named thread,
// shutdown() last even when the worker is busy as stop() is asked, requestStop() to cut
// a wait short, and a worker that will not stop left behind within the bound — never
// terminated — to delete itself once it does end.
#include "workerthread.h"

#include <QLoggingCategory>
#include <QSemaphore>
#include <QThread>
#include <QtTest>
#include <atomic>

Q_LOGGING_CATEGORY(lcTest, "kiosk.test.workerthread")

using device::WorkerThread;

namespace {

// Reports what happened on its thread as signals (queued to the test's thread).
class Worker : public QObject
{
    Q_OBJECT
public:
    explicit Worker(std::atomic_bool *gone) : m_gone(gone) {}
    ~Worker() override { *m_gone = true; }

    void start() { emit said(QStringLiteral("start on ") + QThread::currentThread()->objectName()); }
    void shutdown() { emit said(QStringLiteral("shutdown")); }
    void requestStop() { m_stop = true; }

    // Busy until requestStop(), at most 10 s: a driver's cancellable wait.
    void waitUntilStopped()
    {
        QDeadlineTimer limit(10000);
        while (!m_stop && !limit.hasExpired())
            QThread::msleep(5);
        emit said(QStringLiteral("wait ended"));
    }

signals:
    void said(const QString &what);

private:
    std::atomic_bool *m_gone;
    std::atomic_bool m_stop {false};
};

} // namespace

class WorkerThreadTest : public QObject
{
    Q_OBJECT

private slots:
    void startsFirstOnItsThreadAndShutsDownLast()
    {
        std::atomic_bool gone {false};
        QStringList heard;
        {
            WorkerThread<Worker> host(QStringLiteral("test-worker"), new Worker(&gone), lcTest);
            connect(host.worker(), &Worker::said, this, [&heard](const QString &w) { heard << w; });
            // Posted before start(): still runs after the worker's start().
            host.post([](Worker &w) { emit w.said(QStringLiteral("posted")); });
            host.start();
            QTRY_COMPARE(heard.size(), 2);
            QVERIFY(host.stop());
            QVERIFY(gone); // deleted by stop(), its thread joined
            host.post([](Worker &w) { emit w.said(QStringLiteral("too late")); }); // dropped
        }
        QCoreApplication::processEvents(); // the answers queued before the worker was gone
        QCOMPARE(heard, QStringList({QStringLiteral("start on test-worker"), QStringLiteral("posted"),
                                     QStringLiteral("shutdown")}));
    }

    // The worker is in a long wait when stop() is asked: requestStop() ends it at once,
    // and shutdown() still runs before the thread quits.
    void stopCutsAWaitShortAndStillShutsDown()
    {
        std::atomic_bool gone {false};
        QStringList heard;
        WorkerThread<Worker> host(QStringLiteral("test-worker"), new Worker(&gone), lcTest);
        connect(host.worker(), &Worker::said, this, [&heard](const QString &w) { heard << w; });
        host.start();
        host.post([](Worker &w) { w.waitUntilStopped(); });
        QTest::qWait(100);
        QElapsedTimer t;
        t.start();
        QVERIFY(host.stop(2000));
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QCoreApplication::processEvents();
        QCOMPARE(heard, QStringList({QStringLiteral("start on test-worker"), QStringLiteral("wait ended"),
                                     QStringLiteral("shutdown")}));
    }

    // A worker stuck in a call that does not listen: stop() gives up within its bound,
    // says so, and what the worker says afterwards reaches no one; when the call
    // returns at last, worker and thread delete themselves.
    void aStuckWorkerIsLeftBehindWithinTheBound()
    {
        std::atomic_bool gone {false};
        QSemaphore release;
        QStringList heard;
        WorkerThread<Worker> host(QStringLiteral("test-worker"), new Worker(&gone), lcTest);
        connect(host.worker(), &Worker::said, this, [&heard](const QString &w) { heard << w; });
        host.start();
        host.post([&release](Worker &w) {
            release.acquire();
            emit w.said(QStringLiteral("after the bound"));
        });
        QTRY_COMPARE(heard.size(), 1); // started
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression("test-worker worker did not stop within 200 ms"));
        QElapsedTimer t;
        t.start();
        QVERIFY(!host.stop(200));
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!host.worker());
        QVERIFY(!gone);
        release.release();
        QTRY_VERIFY(gone); // on its own thread, as that ended
        QTest::qWait(50);
        QCOMPARE(heard, QStringList({QStringLiteral("start on test-worker")}));
    }

    void aWorkerNeverStartedIsDeletedAtOnce()
    {
        std::atomic_bool gone {false};
        WorkerThread<Worker> host(QStringLiteral("test-worker"), new Worker(&gone), lcTest);
        QVERIFY(host.stop());
        QVERIFY(gone);
        host.start(); // nothing left to start
        QVERIFY(!host.worker());
    }

    // start(), shutdown() and requestStop() are each optional.
    void aPlainObjectIsHostedToo()
    {
        WorkerThread<QObject> host(QStringLiteral("plain-worker"), new QObject, lcTest);
        host.start();
        QString ranOn;
        QSemaphore ran;
        host.post([&](QObject &) {
            ranOn = QThread::currentThread()->objectName();
            ran.release();
        });
        QVERIFY(ran.tryAcquire(1, 5000));
        QCOMPARE(ranOn, QStringLiteral("plain-worker"));
        QVERIFY(host.stop());
    }
};

QTEST_GUILESS_MAIN(WorkerThreadTest)
#include "tst_workerthread.moc"
