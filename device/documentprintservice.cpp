#include "documentprintservice.h"
#include "devicelog.h"

#include <QElapsedTimer>
#include <QTimer>
#include <deque>

namespace device {

// Runs on the printing thread: one job at a time, followed by a timer so the
// thread's event loop (and so stop()) stays responsive between polls.
class DocumentPrintWorker : public QObject
{
    Q_OBJECT
public:
    explicit DocumentPrintWorker(const DocumentPrinterConfig &config)
        : m_config(config), m_cups(config.server, config.connectTimeoutMs)
    {
    }

public slots:
    void start() // WorkerThread: first, on this thread, so the timer belongs to it
    {
        m_poll = new QTimer(this);
        m_poll->setInterval(m_config.pollMs);
        connect(m_poll, &QTimer::timeout, this, &DocumentPrintWorker::poll);
    }
    void enqueue(int ticket, const QString &path, const QString &title)
    {
        m_waiting.push_back({ticket, path, title});
        if (m_jobId == 0)
            next();
    }
    void refresh() { emit printerChanged(m_cups.status(queue())); }
    void shutdown() // WorkerThread: last, on this thread
    {
        if (m_poll)
            m_poll->stop();
        if (m_jobId > 0)
            m_cups.cancel(m_jobId); // a half-done job must not print for someone else
        m_jobId = 0;
        m_waiting.clear();
    }

signals:
    void jobChanged(int ticket, device::DocumentPrintService::JobState state,
                    device::PrinterProblem problem, const QString &detail);
    void printerChanged(const device::PrinterStatus &status);

private:
    struct Request
    {
        int ticket;
        QString path, title;
    };
    using State = DocumentPrintService::JobState;

    QString queue() { return m_config.queue.isEmpty() ? m_cups.defaultQueue() : m_config.queue; }

    void fail(int ticket, PrinterProblem problem, const QString &detail)
    {
        qCWarning(lcPrinterDevice).noquote() << "print job failed:" << problemCode(problem) << detail;
        emit jobChanged(ticket, State::Failed, problem, detail);
    }

    void next()
    {
        while (m_jobId == 0 && !m_waiting.empty()) {
            const Request r = m_waiting.front();
            m_waiting.pop_front();
            send(r);
        }
    }

    void send(const Request &r)
    {
        emit jobChanged(r.ticket, State::Submitting, PrinterProblem::None, {});
        m_queue = queue();
        if (m_queue.isEmpty()) {
            const bool up = m_cups.reachable();
            fail(r.ticket, up ? PrinterProblem::NoQueue : PrinterProblem::NoService,
                 up ? QStringLiteral("no print queue configured and no default queue")
                    : m_cups.lastError());
            return;
        }
        // A stopped queue would accept the job and keep it: tell the resident now.
        const PrinterStatus before = m_cups.status(m_queue);
        emit printerChanged(before);
        if (before.problem != PrinterProblem::None) {
            fail(
                r.ticket, before.problem,
                QStringLiteral("%1: %2 %3").arg(m_queue, before.reasons.join(','), before.message));
            return;
        }
        QString error;
        const int id = m_cups.submit(m_queue, r.path, r.title, &error);
        if (id <= 0) {
            const PrinterStatus after = m_cups.status(m_queue);
            fail(r.ticket,
                 after.problem != PrinterProblem::None ? after.problem : PrinterProblem::JobFailed,
                 error);
            return;
        }
        m_jobId = id;
        m_ticket = r.ticket;
        m_lastProblem = PrinterProblem::None;
        m_clock.start();
        emit jobChanged(r.ticket, State::Printing, PrinterProblem::None, QString::number(id));
        m_poll->start();
    }

    void poll()
    {
        const JobStatus j = m_cups.job(m_jobId);
        if (j.finished()) {
            m_poll->stop();
            const int ticket = m_ticket;
            m_jobId = 0;
            if (j.completed()) {
                qCInfo(lcPrinterDevice) << "print job" << j.id << "completed";
                emit jobChanged(ticket, State::Completed, PrinterProblem::None, {});
            } else {
                const PrinterStatus s = m_cups.status(m_queue);
                fail(ticket,
                     s.problem != PrinterProblem::None ? s.problem : PrinterProblem::JobFailed,
                     j.reasons.join(','));
            }
            next();
            return;
        }
        // While the job waits, say when the printer needs someone (paper, jam, ...).
        const PrinterStatus s = m_cups.status(m_queue);
        if (s.problem != m_lastProblem) {
            m_lastProblem = s.problem;
            emit printerChanged(s);
            emit jobChanged(m_ticket, State::Printing, s.problem, s.reasons.join(','));
        }
        if (m_clock.elapsed() > m_config.jobTimeoutMs) {
            m_poll->stop();
            m_cups.cancel(m_jobId);
            const int ticket = m_ticket;
            m_jobId = 0;
            fail(ticket, s.problem != PrinterProblem::None ? s.problem : PrinterProblem::TimedOut,
                 QStringLiteral("job did not finish in time; cancelled"));
            next();
        }
    }

    DocumentPrinterConfig m_config;
    CupsClient m_cups;
    QTimer *m_poll = nullptr;
    std::deque<Request> m_waiting;
    QString m_queue;
    int m_jobId = 0;
    int m_ticket = 0;
    PrinterProblem m_lastProblem = PrinterProblem::None;
    QElapsedTimer m_clock;
};

DocumentPrintService::DocumentPrintService(const DocumentPrinterConfig &config, QObject *parent)
    : QObject(parent),
      m_worker(QStringLiteral("document-printer"), new DocumentPrintWorker(config), lcPrinterDevice)
{
    qRegisterMetaType<device::PrinterProblem>();
    qRegisterMetaType<device::PrinterStatus>();
    qRegisterMetaType<device::DocumentPrintService::JobState>();
    connect(m_worker.worker(), &DocumentPrintWorker::jobChanged, this, &DocumentPrintService::jobChanged,
            Qt::QueuedConnection);
    connect(m_worker.worker(), &DocumentPrintWorker::printerChanged, this,
            &DocumentPrintService::printerChanged, Qt::QueuedConnection);
}

// Here, where the worker's type is whole; m_worker stops it within its bound.
DocumentPrintService::~DocumentPrintService() = default;

void DocumentPrintService::submit(int ticket, const QString &pdfPath, const QString &title)
{
    m_worker.post([ticket, pdfPath, title](DocumentPrintWorker &w) { w.enqueue(ticket, pdfPath, title); });
}

void DocumentPrintService::refresh()
{
    m_worker.post([](DocumentPrintWorker &w) { w.refresh(); });
}

} // namespace device

#include "documentprintservice.moc"
