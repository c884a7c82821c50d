// DocumentPrintService: A4 documents to a CUPS queue on the printing worker thread.
// Lives on the caller's (UI) thread; submit() only posts to the worker (WorkerThread),
// and every answer comes back as a queued signal. The worker checks the queue before sending
// (a stopped or rejecting queue is reported at once, not left holding the job),
// then follows the job until it completes, fails or times out (then cancels it, so
// the next resident does not get the last one's pages). No CUPS, no queue or no
// printer is reported as a problem; nothing here blocks the UI.
#pragma once

#include "cupsclient.h"
#include "workerthread.h"

#include <QObject>

namespace device {

struct DocumentPrinterConfig
{
    QString server;   // empty: the libcups default
    QString queue;    // empty: the scheduler's default queue
    int pollMs = 400; // how often a job is asked for its state
    int jobTimeoutMs = 180000;
    int connectTimeoutMs = 4000;
};

class DocumentPrintWorker;

class DocumentPrintService : public QObject
{
    Q_OBJECT
public:
    enum class JobState { Submitting, Printing, Completed, Failed };
    Q_ENUM(JobState)

    explicit DocumentPrintService(const DocumentPrinterConfig &config, QObject *parent = nullptr);
    ~DocumentPrintService() override;

    void start() { m_worker.start(); }
    bool stop(int timeoutMs = WorkerThreadCore::kStopBoundMs) { return m_worker.stop(timeoutMs); }

    // Prints pdfPath; jobChanged(ticket, …) follows. The file is not removed.
    void submit(int ticket, const QString &pdfPath, const QString &title);
    // Reads the queue's state; printerChanged follows.
    void refresh();

signals:
    // problem is None unless state is Failed, or Printing while the printer needs help
    // (out of paper while the job waits, for example).
    void jobChanged(int ticket, device::DocumentPrintService::JobState state,
                    device::PrinterProblem problem, const QString &detail);
    void printerChanged(const device::PrinterStatus &status);

private:
    WorkerThread<DocumentPrintWorker> m_worker;
};

} // namespace device

Q_DECLARE_METATYPE(device::PrinterProblem)
Q_DECLARE_METATYPE(device::PrinterStatus)
