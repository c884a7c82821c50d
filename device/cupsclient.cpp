#include "cupsclient.h"
#include "devicelog.h"

#include <cups/cups.h>

namespace device {

namespace {

QString reasonKeyword(const QString &reason, QString *severity)
{
    // "media-empty-error" → "media-empty" + "error"; CUPS adds these suffixes.
    for (const char *suffix : {"-error", "-warning", "-report"}) {
        const QLatin1String s(suffix);
        if (reason.endsWith(s)) {
            *severity = reason.mid(reason.size() - s.size() + 1);
            return reason.left(reason.size() - s.size());
        }
    }
    severity->clear();
    return reason;
}

QStringList stringsOf(ipp_t *response, const char *name)
{
    QStringList out;
    if (ipp_attribute_t *a = ippFindAttribute(response, name, IPP_TAG_ZERO))
        for (int i = 0; i < ippGetCount(a); ++i)
            out << QString::fromUtf8(ippGetString(a, i, nullptr));
    return out;
}

} // namespace

QString problemCode(PrinterProblem problem)
{
    switch (problem) {
    case PrinterProblem::None:
        return QStringLiteral("none");
    case PrinterProblem::NoService:
        return QStringLiteral("no_service");
    case PrinterProblem::NoQueue:
        return QStringLiteral("no_queue");
    case PrinterProblem::Offline:
        return QStringLiteral("offline");
    case PrinterProblem::OutOfPaper:
        return QStringLiteral("no_paper");
    case PrinterProblem::PaperJam:
        return QStringLiteral("jam");
    case PrinterProblem::Stopped:
        return QStringLiteral("stopped");
    case PrinterProblem::NotAccepting:
        return QStringLiteral("not_accepting");
    case PrinterProblem::JobFailed:
        return QStringLiteral("job_failed");
    case PrinterProblem::TimedOut:
        return QStringLiteral("timed_out");
    case PrinterProblem::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

QString PrinterStatus::stateText() const
{
    if (!exists)
        return QStringLiteral("missing");
    switch (state) {
    case IPP_PSTATE_IDLE:
        return QStringLiteral("idle");
    case IPP_PSTATE_PROCESSING:
        return QStringLiteral("printing");
    case IPP_PSTATE_STOPPED:
        return QStringLiteral("stopped");
    default:
        return QStringLiteral("unknown");
    }
}

PrinterProblem classifyPrinter(int state, bool accepting, const QStringList &reasons)
{
    bool offline = false, paper = false, jam = false, paused = false, other = false;
    for (const QString &r : reasons) {
        QString severity;
        const QString key = reasonKeyword(r, &severity);
        if (key == QLatin1String("none"))
            continue;
        if (key.startsWith(QLatin1String("offline")) || key == QLatin1String("shutdown") ||
            key == QLatin1String("connecting-to-device"))
            offline = true;
        else if (severity == QLatin1String("warning") || severity == QLatin1String("report"))
            continue; // "toner-low-warning" and the like do not stop a job
        else if (key == QLatin1String("media-empty") || key == QLatin1String("media-needed"))
            paper = true;
        else if (key == QLatin1String("media-jam"))
            jam = true;
        else if (key == QLatin1String("paused") || key == QLatin1String("moving-to-paused"))
            paused = true;
        else if (severity == QLatin1String("error"))
            other = true;
    }
    // The order a resident's job meets them: no paper before a stopped queue, since
    // CUPS also stops a queue whose printer ran dry.
    if (offline)
        return PrinterProblem::Offline;
    if (jam)
        return PrinterProblem::PaperJam;
    if (paper)
        return PrinterProblem::OutOfPaper;
    if (!accepting)
        return PrinterProblem::NotAccepting;
    if (paused || state == IPP_PSTATE_STOPPED)
        return PrinterProblem::Stopped;
    if (other)
        return PrinterProblem::Other;
    return PrinterProblem::None;
}

// One HTTP connection to the scheduler for one operation, closed on scope exit.
struct CupsClient::Connection
{
    http_t *http = nullptr;
    Connection(const QString &server, int timeoutMs)
    {
        // libcups keeps the server per thread: set it for this thread every time.
        cupsSetServer(server.isEmpty() ? nullptr : server.toUtf8().constData());
        http = httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1,
                            timeoutMs, nullptr);
        if (http)
            httpSetTimeout(http, timeoutMs / 1000.0, nullptr, nullptr);
    }
    ~Connection()
    {
        if (http)
            httpClose(http);
    }
    ipp_t *request(ipp_op_t op, const QString &resourceUri, const char *uriAttr,
                   const std::initializer_list<const char *> &attrs)
    {
        ipp_t *req = ippNewRequest(op);
        ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, uriAttr, nullptr,
                     resourceUri.toUtf8().constData());
        ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr,
                     cupsUser());
        if (attrs.size() > 0) {
            std::vector<const char *> list(attrs);
            ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                          int(list.size()), nullptr, list.data());
        }
        return cupsDoRequest(http, req, "/"); // frees req
    }
};

static QString printerUri(const QString &queue)
{
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof(uri), "ipp", nullptr, "localhost", ippPort(),
                     "/printers/%s", queue.toUtf8().constData());
    return QString::fromUtf8(uri);
}

CupsClient::CupsClient(QString server, int timeoutMs)
    : m_server(std::move(server)), m_timeoutMs(timeoutMs)
{
}

bool CupsClient::reachable()
{
    Connection c(m_server, m_timeoutMs);
    if (!c.http)
        m_lastError =
            QStringLiteral("no CUPS scheduler at %1").arg(QString::fromUtf8(cupsServer()));
    return c.http != nullptr;
}

QStringList CupsClient::queues()
{
    Connection c(m_server, m_timeoutMs);
    if (!c.http)
        return {};
    ipp_t *req = ippNewRequest(IPP_OP_CUPS_GET_PRINTERS);
    const char *attr = "printer-name";
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 1, nullptr,
                  &attr);
    ipp_t *resp = cupsDoRequest(c.http, req, "/");
    QStringList out;
    if (resp) {
        for (ipp_attribute_t *a = ippFirstAttribute(resp); a; a = ippNextAttribute(resp))
            if (ippGetName(a) && qstrcmp(ippGetName(a), "printer-name") == 0)
                out << QString::fromUtf8(ippGetString(a, 0, nullptr));
        ippDelete(resp);
    }
    return out;
}

QString CupsClient::defaultQueue()
{
    Connection c(m_server, m_timeoutMs);
    if (!c.http)
        return {};
    ipp_t *req = ippNewRequest(IPP_OP_CUPS_GET_DEFAULT);
    ipp_t *resp = cupsDoRequest(c.http, req, "/");
    QString name;
    if (resp) {
        if (ipp_attribute_t *a = ippFindAttribute(resp, "printer-name", IPP_TAG_NAME))
            name = QString::fromUtf8(ippGetString(a, 0, nullptr));
        ippDelete(resp);
    }
    return name;
}

PrinterStatus CupsClient::status(const QString &queue)
{
    PrinterStatus s;
    s.queue = queue;
    Connection c(m_server, m_timeoutMs);
    if (!c.http) {
        s.problem = PrinterProblem::NoService;
        m_lastError = QStringLiteral("no CUPS scheduler");
        return s;
    }
    ipp_t *resp = c.request(IPP_OP_GET_PRINTER_ATTRIBUTES, printerUri(queue), "printer-uri",
                            {"printer-state", "printer-state-reasons", "printer-is-accepting-jobs",
                             "printer-state-message"});
    if (!resp || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) {
        m_lastError = QString::fromUtf8(cupsLastErrorString());
        s.problem = cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND ? PrinterProblem::NoQueue
                                                                  : PrinterProblem::NoService;
        ippDelete(resp);
        return s;
    }
    s.exists = true;
    if (ipp_attribute_t *a = ippFindAttribute(resp, "printer-state", IPP_TAG_ENUM))
        s.state = ippGetInteger(a, 0);
    if (ipp_attribute_t *a = ippFindAttribute(resp, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN))
        s.accepting = ippGetBoolean(a, 0);
    s.reasons = stringsOf(resp, "printer-state-reasons");
    if (ipp_attribute_t *a = ippFindAttribute(resp, "printer-state-message", IPP_TAG_TEXT))
        s.message = QString::fromUtf8(ippGetString(a, 0, nullptr));
    ippDelete(resp);
    s.problem = classifyPrinter(s.state, s.accepting, s.reasons);
    return s;
}

int CupsClient::submit(const QString &queue, const QString &pdfPath, const QString &title,
                       QString *error)
{
    Connection c(m_server, m_timeoutMs);
    if (!c.http) {
        if (error)
            *error = QStringLiteral("no CUPS scheduler");
        return 0;
    }
    const int id = cupsPrintFile2(c.http, queue.toUtf8().constData(), pdfPath.toUtf8().constData(),
                                  title.toUtf8().constData(), 0, nullptr);
    if (id <= 0 && error)
        *error = QString::fromUtf8(cupsLastErrorString());
    if (id > 0)
        qCInfo(lcPrinterDevice) << "print job" << id << "queued on" << queue;
    return id;
}

JobStatus CupsClient::job(int jobId)
{
    JobStatus j;
    j.id = jobId;
    Connection c(m_server, m_timeoutMs);
    if (!c.http)
        return j;
    ipp_t *resp =
        c.request(IPP_OP_GET_JOB_ATTRIBUTES, QStringLiteral("ipp://localhost/jobs/%1").arg(jobId),
                  "job-uri", {"job-state", "job-state-reasons"});
    if (resp) {
        if (ipp_attribute_t *a = ippFindAttribute(resp, "job-state", IPP_TAG_ENUM))
            j.state = ippGetInteger(a, 0);
        j.reasons = stringsOf(resp, "job-state-reasons");
        ippDelete(resp);
    }
    return j;
}

bool CupsClient::cancel(int jobId)
{
    Connection c(m_server, m_timeoutMs);
    if (!c.http)
        return false;
    return cupsCancelJob2(c.http, nullptr, jobId, 0) == IPP_STATUS_OK;
}

} // namespace device
