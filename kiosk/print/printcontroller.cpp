#include "printcontroller.h"
#include "catalogservice.h"
#include "localization.h"
#include "printpreviewprovider.h"
#include "printrenderer.h"
#include "qrimageprovider.h"

#include <QFile>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

namespace kiosk {

Q_LOGGING_CATEGORY(lcPrint, "kiosk.print")

PrintController::PrintController(CatalogService *catalog, Localization *texts,
                                 device::DocumentPrintService *service, Limits limits,
                                 Session *session, QObject *parent)
    : QObject(parent), SessionScoped(session, "the print preview and page allowance"), m_catalog(catalog), m_texts(texts), m_service(service),
      m_limits(std::move(limits)), m_preview(std::make_shared<PrintPreviewState>())
{
    m_renderPool.setMaxThreadCount(1);
    if (m_service)
        connect(m_service, &device::DocumentPrintService::jobChanged, this,
                &PrintController::onJobChanged);
}

PrintController::~PrintController()
{
    m_renderPool.waitForDone();
}

QString PrintController::text(const QString &key) const
{
    return m_texts ? m_texts->text(key) : key;
}

QString PrintController::problemKey(device::PrinterProblem problem)
{
    return QStringLiteral("print.problem.") + device::problemCode(problem);
}

QString PrintController::previewSource() const
{
    return PrintPreviewProvider::sourceFor(m_serial);
}

bool PrintController::canConfirm() const
{
    return m_state == State::Preview && m_pages > 0 &&
           m_pages <= m_limits.documentPages && m_pagesPrinted + m_pages <= m_limits.sessionPages;
}

QString PrintController::previewQr() const
{
    return QrImageProvider::sourceFor(m_document.qrText);
}

void PrintController::setState(State state, const QString &message)
{
    m_state = state;
    m_message = message;
    emit changed();
}

void PrintController::preview(const QString &kind, const QString &id)
{
    if (m_state == State::Printing) {
        setState(m_state, text(QStringLiteral("print.problem.busy")));
        return;
    }
    if (!m_catalog || !isPrintableKind(kind))
        return;
    const int serial = ++m_serial;
    m_document = {};
    m_preview->set({}, serial);
    m_pages = 0;
    setState(State::Preparing, text(QStringLiteral("print.preparing")));

    TextTable t;
    const QString lang = m_texts ? m_texts->language() : QStringLiteral("zh-Hans");
    if (m_texts) {
        const QVariantMap strings = m_texts->strings();
        for (auto it = strings.cbegin(); it != strings.cend(); ++it)
            t.insert(it.key(), it.value().toString());
    }
    PrintContext context;
    context.itemLinkFormat = m_limits.itemLinkFormat;
    QMap<QString, QString> meta;
    const QVariantMap m = m_catalog->meta();
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        meta.insert(it.key(), it.value().toString());
    context.issuer = catalogIssuer(meta);

    // Build on the catalog worker, count pages on the render worker, show here.
    m_catalog->query(
        this,
        [kind, id, lang, t, context](const content::CatalogStore &s) -> PrintableDocument {
            auto make = [&](const auto &item, auto fn) {
                return item ? fn(*item, t, context) : PrintableDocument();
            };
            if (kind == QLatin1String("guide"))
                return make(s.guide(id, lang), guideDocument);
            if (kind == QLatin1String("policy"))
                return make(s.policy(id, lang), policyDocument);
            if (kind == QLatin1String("interpretation"))
                return make(s.interpretation(id, lang), interpretationDocument);
            return make(s.qa(id, lang), qaDocument);
        },
        [this, serial](const PrintableDocument &doc, const QString &error) {
            if (serial != m_serial)
                return;
            if (!doc.isValid()) {
                qCWarning(lcPrint).noquote() << "no printable document:" << error;
                setState(State::Problem,
                         text(QStringLiteral("print.failed"))
                             .arg(text(QStringLiteral("print.problem.render"))));
                emit finished(false);
                return;
            }
            QtConcurrent::run(&m_renderPool, [doc] {
                return PrintRenderer(doc).pageCount();
            }).then(this, [this, serial, doc](int pages) {
                if (serial != m_serial)
                    return;
                m_document = doc;
                m_preview->set(doc, serial);
                m_pages = pages;
                QString note = text(QStringLiteral("print.pages")).arg(pages);
                if (pages > m_limits.documentPages)
                    note = text(QStringLiteral("print.problem.too_long"))
                               .arg(pages)
                               .arg(m_limits.documentPages);
                else if (m_pagesPrinted + pages > m_limits.sessionPages)
                    note = text(QStringLiteral("print.problem.session_limit"))
                               .arg(m_limits.sessionPages)
                               .arg(m_pagesPrinted)
                               .arg(pages);
                setState(State::Preview, note);
            });
        });
}

void PrintController::confirm()
{
    if (!canConfirm())
        return;
    const int serial = m_serial;
    const PrintableDocument doc = m_document;
    const int ticket = ++m_ticket;
    m_jobPages = m_pages;
    const QString pdf = m_spool.filePath(QStringLiteral("print-%1.pdf").arg(ticket));
    setState(State::Printing, text(QStringLiteral("print.printing")));
    QtConcurrent::run(&m_renderPool, [doc, pdf]() -> QString {
        QString error;
        return PrintRenderer(doc).writePdf(pdf, &error) ? QString() : error;
    }).then(this, [this, serial, ticket, pdf, doc](const QString &error) {
        if (serial != m_serial || ticket != m_ticket)
            return;
        m_jobPdf = pdf;
        if (!error.isEmpty() || !m_service) {
            qCWarning(lcPrint).noquote()
                << (error.isEmpty() ? QStringLiteral("no document printer") : error);
            onJobChanged(ticket, device::DocumentPrintService::JobState::Failed,
                         error.isEmpty() ? device::PrinterProblem::NoService
                                         : device::PrinterProblem::JobFailed,
                         error);
            return;
        }
        m_service->submit(ticket, pdf, doc.title);
    });
}

void PrintController::onJobChanged(int ticket, device::DocumentPrintService::JobState state,
                                   device::PrinterProblem problem, const QString &detail)
{
    if (ticket != m_ticket)
        return;
    using S = device::DocumentPrintService::JobState;
    qCInfo(lcPrint).noquote() << "print" << ticket << int(state) << device::problemCode(problem)
                              << detail;
    const auto problemWords = [&] {
        return text(QStringLiteral("print.failed")).arg(text(problemKey(problem)));
    };
    switch (state) {
    case S::Submitting:
        break;
    case S::Printing:
        // Still waiting, but the printer needs someone: say so while the job waits.
        setState(State::Printing, problem == device::PrinterProblem::None
                                                 ? text(QStringLiteral("print.printing"))
                                                 : problemWords());
        break;
    case S::Completed:
        m_pagesPrinted += m_jobPages;
        QFile::remove(m_jobPdf);
        setState(State::Done, text(QStringLiteral("print.done")));
        emit finished(true);
        break;
    case S::Failed:
        QFile::remove(m_jobPdf);
        setState(State::Problem, problemWords());
        emit finished(false);
        break;
    }
}

void PrintController::close()
{
    if (m_state == State::Printing)
        return; // the job goes on; its outcome is still shown
    m_document = {};
    m_preview->set({}, ++m_serial);
    m_pages = 0;
    setState(State::Idle, {});
}

bool PrintController::holdsVisitData() const
{
    return m_pagesPrinted > 0 || m_pages > 0 || m_state != State::Idle;
}

void PrintController::resetSession()
{
    // A job still printing keeps its ticket (its pages are the last resident's), but
    // the new visit starts with a full page allowance and no preview.
    m_pagesPrinted = 0;
    m_document = {};
    m_preview->set({}, ++m_serial);
    m_pages = 0;
    ++m_ticket; // answers about the last visit's job are not shown to the next one
    setState(State::Idle, {});
}

} // namespace kiosk
