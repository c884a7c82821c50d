// Printing through a real, private cupsd with a cups-pdf queue: documents rendered by
// the kiosk, submitted and followed by DocumentPrintService on its worker thread, the
// PDF that cups-pdf wrote read back with poppler. Queue problems (stopped, rejecting,
// missing, no scheduler) must come back as the right codes and words.
#include "catalogstore.h"
#include "cupsfixture.h"
#include "documentprintservice.h"
#include "pdftools.h"
#include "printcontroller.h"
#include "printdocument.h"
#include "printrenderer.h"
#include "testsupport.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <unistd.h>

using namespace kiosk;

using device::DocumentPrintService;
using device::PrinterProblem;
using JobState = DocumentPrintService::JobState;

struct Outcome
{
    JobState state = JobState::Submitting;
    PrinterProblem problem = PrinterProblem::None;
    int jobId = 0;
    QString detail;
};

class CupsPrintTest : public QObject
{
    Q_OBJECT
    CupsFixture m_cups;
    content::CatalogStore m_store;
    TextTable m_texts;
    PrintContext m_context;
    QTemporaryDir m_dir;
    std::unique_ptr<DocumentPrintService> m_service;
    int m_ticket = 0;

    // Submits pdf and waits for the job's final state, noting the CUPS job id.
    Outcome printFile(DocumentPrintService &service, const QString &pdf, const QString &title)
    {
        Outcome out;
        const int ticket = ++m_ticket;
        QSignalSpy spy(&service, &DocumentPrintService::jobChanged);
        service.submit(ticket, pdf, title);
        QElapsedTimer clock;
        clock.start();
        int seen = 0;
        while (clock.elapsed() < 90000) {
            if (spy.size() == seen && !spy.wait(1000))
                continue;
            for (; seen < spy.size(); ++seen) {
                const auto args = spy.at(seen);
                if (args.at(0).toInt() != ticket)
                    continue;
                out.state = args.at(1).value<JobState>();
                out.problem = args.at(2).value<PrinterProblem>();
                out.detail = args.at(3).toString();
                if (out.state == JobState::Printing && out.jobId == 0)
                    out.jobId = out.detail.toInt();
                if (out.state == JobState::Completed || out.state == JobState::Failed)
                    return out;
            }
        }
        return out;
    }

    // Renders doc, prints it on the private queue, returns the PDF cups-pdf wrote.
    QString printDocument(const PrintableDocument &doc, int *renderedPages)
    {
        PrintRenderer renderer(doc);
        *renderedPages = renderer.pageCount();
        const QString pdf = m_dir.filePath(doc.itemId + QStringLiteral(".pdf"));
        QString error;
        if (!renderer.writePdf(pdf, &error))
            return {};
        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        const Outcome o = printFile(*m_service, pdf, doc.title);
        if (o.state != JobState::Completed) {
            qWarning("job ended in state %d, problem %s: %s", int(o.state),
                     qPrintable(device::problemCode(o.problem)), qPrintable(o.detail));
            return {};
        }
        return m_cups.outputOf(o.jobId, started);
    }

    QString words(PrinterProblem problem) const
    {
        return m_texts.value(PrintController::problemKey(problem));
    }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the cups-pdf backend runs only as root (CI runs as root)");
        QVERIFY2(m_cups.start(QStringLiteral("KioskPDF")), qPrintable(m_cups.error()));
        m_store.open(testsupport::demoCatalog());
        m_texts = m_store.uiStrings(QStringLiteral("zh-Hans"));
        m_context.issuer = catalogIssuer(m_store.meta());
        device::DocumentPrinterConfig config;
        config.server = m_cups.server();
        config.queue = m_cups.queue();
        config.jobTimeoutMs = 60000;
        m_service = std::make_unique<DocumentPrintService>(config);
        m_service->start();
    }

    void cleanupTestCase()
    {
        if (m_service)
            QVERIFY(m_service->stop());
        m_cups.stop();
    }

    void problemsAreClassified()
    {
        using device::classifyPrinter;
        QCOMPARE(classifyPrinter(3, true, {"none"}), PrinterProblem::None);
        QCOMPARE(classifyPrinter(3, true, {"toner-low-warning"}), PrinterProblem::None);
        QCOMPARE(classifyPrinter(5, true, {"media-empty-error"}), PrinterProblem::OutOfPaper);
        QCOMPARE(classifyPrinter(4, true, {"media-needed"}), PrinterProblem::OutOfPaper);
        QCOMPARE(classifyPrinter(5, true, {"media-jam-error"}), PrinterProblem::PaperJam);
        QCOMPARE(classifyPrinter(3, true, {"offline-report"}), PrinterProblem::Offline);
        QCOMPARE(classifyPrinter(5, true, {"paused"}), PrinterProblem::Stopped);
        QCOMPARE(classifyPrinter(3, false, {"none"}), PrinterProblem::NotAccepting);
        QCOMPARE(classifyPrinter(3, true, {"door-open-error"}), PrinterProblem::Other);
        // Every code has words for the resident in the catalog's texts.
        for (auto p : {PrinterProblem::NoService, PrinterProblem::NoQueue, PrinterProblem::Offline,
                       PrinterProblem::OutOfPaper, PrinterProblem::PaperJam,
                       PrinterProblem::Stopped, PrinterProblem::NotAccepting,
                       PrinterProblem::JobFailed, PrinterProblem::TimedOut, PrinterProblem::Other})
            QVERIFY2(!words(p).isEmpty(), qPrintable(PrintController::problemKey(p)));
    }

    void queueIsListedAndIdle()
    {
        device::CupsClient cups(m_cups.server());
        QVERIFY(cups.reachable());
        QVERIFY(cups.queues().contains(m_cups.queue()));
        const device::PrinterStatus s = cups.status(m_cups.queue());
        QVERIFY(s.exists);
        QVERIFY(s.accepting);
        QCOMPARE(s.problem, PrinterProblem::None);
        QCOMPARE(cups.status(QStringLiteral("NoSuchQueue")).problem, PrinterProblem::NoQueue);
    }

    void guideIsPrinted()
    {
        const auto guide = m_store.guide(QStringLiteral("g-birth-cert"), QStringLiteral("zh-Hans"));
        QVERIFY(guide);
        int pages = 0;
        const QString out = printDocument(guideDocument(*guide, m_texts, m_context), &pages);
        QVERIFY2(!out.isEmpty(), "cups-pdf wrote no PDF for the job");
        QCOMPARE(pdftools::pageCount(out), pages);
        const QString text = pdftools::compactText(out);
        QVERIFY2(text.contains(pdftools::compact(guide->title)), qPrintable(text.left(300)));
        for (const auto &m : guide->materials)
            QVERIFY2(text.contains(pdftools::compact(m.name)), qPrintable(m.name));
        QVERIFY(text.contains(pdftools::compact(QStringLiteral("第 %1 页 共 %1 页").arg(pages))));
        pdftools::page(out, 1, 60)
            .save(testsupport::outputDirectory() + QStringLiteral("/cups-guide-page1.png"));
        QFile::remove(out);
    }

    void policyWithInterpretationIsPrinted()
    {
        const auto policy = m_store.policy(QStringLiteral("p-dibao"), QStringLiteral("zh-Hans"));
        QVERIFY(policy && !policy->interpretations.isEmpty());
        int pages = 0;
        const QString out = printDocument(policyDocument(*policy, m_texts, m_context), &pages);
        QVERIFY(!out.isEmpty());
        QCOMPARE(pdftools::pageCount(out), pages);
        const QString text = pdftools::compactText(out);
        QVERIFY(text.contains(pdftools::compact(policy->title)));
        QVERIFY(text.contains(pdftools::compact(policy->interpretations.first().title)));
        QFile::remove(out);
    }

    void qaIsPrinted()
    {
        const auto refs = m_store.qaItems(QString(), QStringLiteral("zh-Hans"));
        QVERIFY(!refs.isEmpty());
        const auto qa = m_store.qa(refs.first().id, QStringLiteral("zh-Hans"));
        int pages = 0;
        const QString out = printDocument(qaDocument(*qa, m_texts, m_context), &pages);
        QVERIFY(!out.isEmpty());
        QVERIFY(pdftools::compactText(out).contains(pdftools::compact(qa->question)));
        QFile::remove(out);
    }

    void stoppedQueueIsReported()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("stopped.pdf"));
        PrintableDocument doc;
        doc.itemId = QStringLiteral("stopped");
        doc.title = QStringLiteral("stopped");
        doc.html = QStringLiteral("<p>测试</p>");
        doc.pageFormat = QStringLiteral("%1/%2");
        QVERIFY(PrintRenderer(doc).writePdf(pdf, nullptr));

        QVERIFY(m_cups.admin(QStringLiteral("cupsdisable"), {m_cups.queue()}));
        Outcome o = printFile(*m_service, pdf, doc.title);
        QCOMPARE(o.state, JobState::Failed);
        QCOMPARE(o.problem, PrinterProblem::Stopped);
        QVERIFY(words(o.problem).contains(QStringLiteral("暂停")));
        QVERIFY(m_cups.admin(QStringLiteral("cupsenable"), {m_cups.queue()}));

        QVERIFY(m_cups.admin(QStringLiteral("cupsreject"), {m_cups.queue()}));
        o = printFile(*m_service, pdf, doc.title);
        QCOMPARE(o.state, JobState::Failed);
        QCOMPARE(o.problem, PrinterProblem::NotAccepting);
        QVERIFY(words(o.problem).contains(QStringLiteral("不接收")));
        QVERIFY(m_cups.admin(QStringLiteral("cupsaccept"), {m_cups.queue()}));

        // Back in service: the same file prints again.
        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        o = printFile(*m_service, pdf, doc.title);
        QCOMPARE(o.state, JobState::Completed);
        QFile::remove(m_cups.outputOf(o.jobId, started));
    }

    void missingQueueAndSchedulerAreReported()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("missing.pdf"));
        PrintableDocument doc;
        doc.itemId = doc.title = QStringLiteral("missing");
        doc.html = QStringLiteral("<p>测试</p>");
        doc.pageFormat = QStringLiteral("%1/%2");
        QVERIFY(PrintRenderer(doc).writePdf(pdf, nullptr));

        device::DocumentPrinterConfig config;
        config.server = m_cups.server();
        config.queue = QStringLiteral("NoSuchQueue");
        DocumentPrintService noQueue(config);
        noQueue.start();
        Outcome o = printFile(noQueue, pdf, doc.title);
        QCOMPARE(o.state, JobState::Failed);
        QCOMPARE(o.problem, PrinterProblem::NoQueue);

        config.server = m_dir.filePath(QStringLiteral("no-cupsd.sock"));
        config.queue = QString();
        DocumentPrintService noScheduler(config);
        noScheduler.start();
        QElapsedTimer clock;
        clock.start();
        o = printFile(noScheduler, pdf, doc.title);
        QCOMPARE(o.state, JobState::Failed);
        QCOMPARE(o.problem, PrinterProblem::NoService);
        QVERIFY(noQueue.stop());
        QVERIFY(noScheduler.stop());
    }
};

QTEST_MAIN(CupsPrintTest)
#include "tst_cupsprint.moc"
