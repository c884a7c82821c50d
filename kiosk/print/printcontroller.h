// PrintController (QML "Printing"): the resident's print flow for one session.
//   preview(kind, id) → the catalog worker builds the document, the render worker
//   counts its pages → state "preview" (pages shown through image://printpreview)
//   confirm() → limits checked → PDF written on the render worker → submitted to the
//   DocumentPrintService (CUPS, its own thread) → "printing" → "done" | "problem".
// Every state has plain words (from the catalog's texts) for the screen and speech.
// The UI thread only posts work and receives queued answers.
#pragma once

#include "compositionsingleton.h"
#include "sessionscoped.h"
#include "cupsclient.h"
#include "documentprintservice.h"
#include "printdocument.h"
#include "printpreviewprovider.h"

#include <QObject>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QThreadPool>
#include <memory>

namespace kiosk {

class CatalogService;
class Localization;

class PrintController : public QObject, public CompositionSingleton<PrintController>, public SessionScoped
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Printing)
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(int previewPages READ previewPages NOTIFY changed)
    Q_PROPERTY(QString previewTitle READ previewTitle NOTIFY changed)
    Q_PROPERTY(QString previewSource READ previewSource NOTIFY changed)
    Q_PROPERTY(bool canConfirm READ canConfirm NOTIFY changed)
    // The document's QR code (image://qr/…), offered when it cannot be printed.
    Q_PROPERTY(QString previewQr READ previewQr NOTIFY changed)
    Q_PROPERTY(int pagesPrinted READ pagesPrinted NOTIFY changed)
    Q_PROPERTY(int sessionPageLimit READ sessionPageLimit CONSTANT)

public:
    // Where printing is; QML compares with Printing.Idle, Printing.Preview, …
    enum class State {
        Idle,      // nothing shown
        Preparing, // the render worker counts the pages
        Preview,   // the pages are shown, printing can be confirmed
        Printing,  // the job is with CUPS
        Done,      // printed
        Problem,   // message says what went wrong
    };
    Q_ENUM(State)

    struct Limits
    {
        int sessionPages = 30;
        int documentPages = 20;
        QString itemLinkFormat;
    };
    // service may be null (printing not fitted): every print then ends in a problem.
    PrintController(CatalogService *catalog, Localization *texts,
                    device::DocumentPrintService *service, Limits limits,
                    Session *session = nullptr, QObject *parent = nullptr);
    ~PrintController() override;

    State state() const { return m_state; }
    QString message() const { return m_message; }
    int previewPages() const { return m_pages; }
    QString previewTitle() const { return m_document.title; }
    // Image.source prefix: append the 0-based page index.
    QString previewSource() const;
    bool canConfirm() const;
    QString previewQr() const;
    int pagesPrinted() const { return m_pagesPrinted; }
    int sessionPageLimit() const { return m_limits.sessionPages; }

    Q_INVOKABLE bool printable(const QString &kind) const { return isPrintableKind(kind); }
    Q_INVOKABLE void preview(const QString &kind, const QString &id);
    Q_INVOKABLE void confirm();
    Q_INVOKABLE void close(); // leaves the preview or the finished state

    // The words shown for a printing problem (from ui/strings.yaml).
    static QString problemKey(device::PrinterProblem problem);
    // A new resident: the page count starts again, nothing of the last visit stays.
    void resetSession();
    void forgetVisit() override { resetSession(); }
    bool holdsVisitData() const override;

    // Shared with the preview image provider.
    std::shared_ptr<PrintPreviewState> previewState() const { return m_preview; }

signals:
    void changed();
    void finished(bool ok); // after done or problem, for tests and speech

private:
    void setState(State state, const QString &message);
    void onJobChanged(int ticket, device::DocumentPrintService::JobState state,
                      device::PrinterProblem problem, const QString &detail);
    QString text(const QString &key) const;

    CatalogService *m_catalog;
    Localization *m_texts;
    device::DocumentPrintService *m_service;
    Limits m_limits;
    QThreadPool m_renderPool; // one thread: the renderer's
    QTemporaryDir m_spool;    // PDFs on their way to CUPS, removed when done

    State m_state = State::Idle;
    QString m_message;
    std::shared_ptr<PrintPreviewState> m_preview;
    PrintableDocument m_document; // the one previewed (UI thread's copy)
    int m_serial = 0;             // which preview/job is current; older answers are dropped
    int m_pages = 0;
    int m_pagesPrinted = 0;
    int m_ticket = 0;
    int m_jobPages = 0;
    QString m_jobPdf;
};

} // namespace kiosk
