// Helpers shared by the tests: locating the demo catalog and making editable copies
// of its source tree.
#pragma once

#include <QObject>
#include <QSemaphore>
#include <QString>
#include <QTest>

namespace testsupport {

QString demoSources();    // content/demo
QString demoCatalog();    // the built demo catalog database
QString outputDirectory(); // build/test-output (screenshots and artefacts)

// Copies a directory tree; returns false on any failure.
bool copyTree(const QString &from, const QString &to);
QString readFile(const QString &path);
bool writeFile(const QString &path, const QString &text);
// Replaces the first occurrence of `from` in a file; false if it is not there.
bool editFile(const QString &path, const QString &from, const QString &to);

// Every log line of the process, "category message", from start() on (every level
// shows once the category's debug output is on): for tests that prove something is
// never logged. stop() puts the previous handler back.
class LogCapture
{
public:
    static void start();
    static void stop();
    static QStringList lines();
};

// For a worker service's "run work, then done(result) for this receiver": submits
// work that blocks until its receiver has been deleted, then a second job through the
// same one-thread worker. True when the second answer arrives and the first was
// dropped. submit(receiver, work, done) adapts the service: work() returns an int,
// done(int) takes it. Build the test with QT_FORCE_ASSERTS, so that Qt's assertion on
// a continuation context gone from under the worker stops it.
template <typename Submit> bool dropsAnswerForGoneReceiver(Submit submit)
{
    QSemaphore running, finish;
    auto *receiver = new QObject;
    bool answered = false;
    submit(
        receiver,
        [&running, &finish] {
            running.release();
            finish.acquire();
            return 1;
        },
        [&answered](int) { answered = true; });
    if (!running.tryAcquire(1, 5000))
        return false;
    delete receiver;
    finish.release();
    bool served = false; // the worker is one thread: the first job is done by then
    QObject later;
    submit(&later, [] { return 2; }, [&served](int v) { served = v == 2; });
    return QTest::qWaitFor([&served] { return served; }, 5000) && !answered;
}

} // namespace testsupport
