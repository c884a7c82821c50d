// A4 documents from the demo catalog: rendered to PDF by the kiosk's renderer and
// read back with poppler (text, page count, the QR code), plus the preview images.
#include "catalogstore.h"
#include "pdftools.h"
#include "printdocument.h"
#include "printrenderer.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kiosk;

class PrintDocumentTest : public QObject
{
    Q_OBJECT
    content::CatalogStore m_store;
    TextTable m_texts;
    PrintContext m_context;
    QDir m_dir; // build/test-output/print: the PDFs stay there to be looked at

    QString writePdf(const PrintableDocument &doc, int *pages)
    {
        PrintRenderer renderer(doc);
        *pages = renderer.pageCount();
        const QString path = m_dir.filePath(doc.itemId + QStringLiteral(".pdf"));
        QFile::remove(path);
        QString error;
        if (!renderer.writePdf(path, &error))
            qWarning("%s", qPrintable(error));
        return path;
    }

private slots:
    void initTestCase()
    {
        m_dir.setPath(testsupport::outputDirectory() + QStringLiteral("/print"));
        QVERIFY(m_dir.mkpath(QStringLiteral(".")));
        m_store.open(testsupport::demoCatalog());
        m_texts = m_store.uiStrings(QStringLiteral("zh-Hans"));
        m_context.issuer = catalogIssuer(m_store.meta());
        m_context.itemLinkFormat = QStringLiteral("https://gk.example.gov.cn/item/%1");
        QVERIFY(!m_context.issuer.isEmpty());
    }

    void guideHasEveryMaterialStepAndHeader()
    {
        const auto guide = m_store.guide(QStringLiteral("g-birth-cert"), QStringLiteral("zh-Hans"));
        QVERIFY(guide);
        QVERIFY(guide->materials.size() >= 3);
        const PrintableDocument doc = guideDocument(*guide, m_texts, m_context);
        int pages = 0;
        const QString pdf = writePdf(doc, &pages);
        QVERIFY(pages >= 1);
        QCOMPARE(pdftools::pageCount(pdf), pages);
        const QString text = pdftools::compactText(pdf);
        QVERIFY2(text.contains(pdftools::compact(guide->title)), qPrintable(text.left(400)));
        QVERIFY(text.contains(pdftools::compact(m_context.issuer)));
        for (const auto &m : guide->materials)
            QVERIFY2(text.contains(pdftools::compact(m.name)), qPrintable(m.name));
        for (const auto &s : guide->steps)
            QVERIFY2(text.contains(pdftools::compact(s.name)), qPrintable(s.name));
        QVERIFY(text.contains(pdftools::compact(guide->agency)));
        QVERIFY(text.contains(pdftools::compact(guide->consultPhone)));
        // One tick box per material, and the last page's number says how many there are.
        QCOMPARE(text.count(QStringLiteral("□")), guide->materials.size());
        QVERIFY(text.contains(QStringLiteral("第%1页共%1页").arg(pages)));
        QVERIFY(text.contains(QStringLiteral("第1页共%1页").arg(pages)));
        // The QR code on the page leads back to the item.
        const QImage first = pdftools::page(pdf, 1, 150);
        QVERIFY(!first.isNull());
        first.save(testsupport::outputDirectory() + QStringLiteral("/print-guide-page1.png"));
        QCOMPARE(pdftools::decodeQr(first),
                 QStringLiteral("https://gk.example.gov.cn/item/g-birth-cert"));
    }

    void policyCarriesItsInterpretation()
    {
        const auto policy = m_store.policy(QStringLiteral("p-dibao"), QStringLiteral("zh-Hans"));
        QVERIFY(policy);
        QVERIFY(!policy->interpretations.isEmpty());
        int pages = 0;
        const QString pdf = writePdf(policyDocument(*policy, m_texts, m_context), &pages);
        const QString text = pdftools::compactText(pdf);
        QVERIFY(text.contains(pdftools::compact(policy->title)));
        QVERIFY(text.contains(pdftools::compact(policy->docNo)));
        for (const auto &i : policy->interpretations)
            QVERIFY2(text.contains(pdftools::compact(i.title)), qPrintable(i.title));
        QCOMPARE(pdftools::pageCount(pdf), pages);
    }

    void qaAnswerIsPrinted()
    {
        const auto refs = m_store.qaItems(QString(), QStringLiteral("zh-Hans"));
        QVERIFY(!refs.isEmpty());
        const auto qa = m_store.qa(refs.first().id, QStringLiteral("zh-Hans"));
        QVERIFY(qa);
        int pages = 0;
        const QString pdf = writePdf(qaDocument(*qa, m_texts, m_context), &pages);
        const QString text = pdftools::compactText(pdf);
        QVERIFY(text.contains(pdftools::compact(qa->question)));
        QVERIFY(text.contains(m_texts.value("qa.answer")));
        QCOMPARE(pages, 1);
    }

    void longTextIsPaginated()
    {
        PrintableDocument doc;
        doc.itemId = QStringLiteral("long");
        doc.title = QStringLiteral("长文档");
        doc.pageFormat = m_texts.value(QStringLiteral("print.page_format"));
        for (int i = 1; i <= 120; ++i)
            doc.html +=
                QStringLiteral("<p>第%1段：政务公开专区测试文本，用来检查分页。</p>").arg(i);
        int pages = 0;
        const QString pdf = writePdf(doc, &pages);
        QVERIFY(pages >= 3);
        QCOMPARE(pdftools::pageCount(pdf), pages);
        const QString text = pdftools::compactText(pdf);
        // No paragraph is lost at a page break.
        for (int i = 1; i <= 120; ++i)
            QVERIFY2(text.contains(pdftools::compact(QStringLiteral("第%1段：").arg(i))),
                     qPrintable(QString::number(i)));
        QVERIFY(text.contains(QStringLiteral("第2页共%1页").arg(pages)));
    }

    void previewMatchesThePages()
    {
        const auto guide = m_store.guide(QStringLiteral("g-birth-cert"), QStringLiteral("zh-Hans"));
        PrintRenderer renderer(guideDocument(*guide, m_texts, m_context));
        const QImage page = renderer.pageImage(0, 794);
        QCOMPARE(page.width(), 794);
        QVERIFY(page.height() > 1100 && page.height() < 1130); // A4 proportions
        QVERIFY(renderer.pageImage(renderer.pageCount(), 794).isNull());
        // Ink on the page: the body is not blank.
        int dark = 0;
        for (int y = 0; y < page.height(); y += 2)
            for (int x = 0; x < page.width(); x += 2)
                dark += qGray(page.pixel(x, y)) < 128;
        QVERIFY(dark > 2000);
        QCOMPARE(pdftools::decodeQr(renderer.pageImage(0, 1600)),
                 QStringLiteral("https://gk.example.gov.cn/item/g-birth-cert"));
    }
};

QTEST_MAIN(PrintDocumentTest)
#include "tst_printdocument.moc"
