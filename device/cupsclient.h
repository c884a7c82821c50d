// CupsClient: the kiosk's few conversations with a CUPS scheduler over IPP (libcups):
// list queues, read a queue's state, submit a PDF, follow and cancel a job.
// Synchronous and bounded (every connection has a timeout): call it from a worker
// thread. A missing scheduler or queue is an answer (a PrinterProblem), never a hang.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace device {

// What stops a document from printing, as codes; the kiosk turns them into words.
enum class PrinterProblem {
    None,
    NoService,    // no CUPS scheduler reachable
    NoQueue,      // the configured queue (or a default queue) does not exist
    Offline,      // the printer is switched off or disconnected
    OutOfPaper,   // media-empty / media-needed
    PaperJam,     // media-jam
    Stopped,      // the queue is stopped or paused (cupsdisable)
    NotAccepting, // the queue rejects jobs (cupsreject)
    JobFailed,    // the job was aborted or cancelled by the printing system
    TimedOut,     // the job did not finish in time and was cancelled
    Other,        // another printer error (door open, toner, ...): detail in the reasons
};

QString problemCode(PrinterProblem problem); // stable text code for logs and QML keys

struct PrinterStatus
{
    QString queue;
    bool exists = false;
    int state = 0; // IPP printer-state: 3 idle, 4 processing, 5 stopped
    bool accepting = false;
    QStringList reasons; // printer-state-reasons as CUPS reports them
    QString message;     // printer-state-message
    PrinterProblem problem = PrinterProblem::NoService;
    QString stateText() const; // idle / printing / stopped, for staff tools
};

// Reads printer-state, printer-state-reasons and accepting into one problem code
// (the first that prevents printing). Pure: the unit tests call it directly.
PrinterProblem classifyPrinter(int state, bool accepting, const QStringList &reasons);

struct JobStatus
{
    int id = 0;
    int state = 0; // IPP job-state: 3 pending … 9 completed
    QStringList reasons;
    bool finished() const { return state >= 7; }
    bool completed() const { return state == 9; }
};

class CupsClient
{
public:
    // server: empty = the libcups default (CUPS_SERVER, client.conf, local socket);
    // "/path/to/socket" or "host:port" otherwise.
    explicit CupsClient(QString server = {}, int timeoutMs = 5000);

    bool reachable();
    QStringList queues();   // every queue the scheduler knows
    QString defaultQueue(); // empty when none is set
    PrinterStatus status(const QString &queue);
    // Submits the PDF; the job id (> 0), or 0 with the reason in *error.
    int submit(const QString &queue, const QString &pdfPath, const QString &title, QString *error);
    JobStatus job(int jobId);
    bool cancel(int jobId);

    QString lastError() const { return m_lastError; }

private:
    struct Connection;
    QString m_server;
    int m_timeoutMs;
    QString m_lastError;
};

} // namespace device
