// Search relevance on the demo catalog, the way residents type, and hostile input.
#include "catalogbuilder.h"
#include "catalogstore.h"
#include "search/cjktokenizer.h"
#include "testsupport.h"

#include <QtTest>

using namespace content;

class SearchTest : public QObject
{
    Q_OBJECT
    CatalogStore m_store;

    QStringList top(const QString &query, int n = 3)
    {
        QStringList ids;
        const auto results = m_store.search(query, "zh-Hans", n);
        for (const auto &h : results.hits)
            ids << h.item.id;
        return ids;
    }

private slots:
    void initTestCase() { m_store.open(testsupport::demoCatalog()); }

    void relevance_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");
        // 1 character
        QTest::newRow("1-char 税") << "税"
                                   << "g-tax-newbiz";
        QTest::newRow("1-char 婚") << "婚"
                                   << "g-marriage-reg";
        // 2 characters, the most common query
        QTest::newRow("医保") << "医保"
                              << "g-medins-transfer";
        QTest::newRow("低保") << "低保"
                              << "g-dibao";
        QTest::newRow("户口") << "户口"
                              << "g-newborn-hukou";
        QTest::newRow("退休") << "退休"
                              << "g-retire-approval";
        QTest::newRow("社保卡") << "社保卡"
                                << "g-ssc-apply";
        // long names
        QTest::newRow("full title") << "城乡居民基本养老保险参保登记"
                                    << "g-pension-enroll";
        QTest::newRow("policy title") << "示例市最低生活保障办法"
                                      << "p-dibao";
        QTest::newRow("公积金提取") << "公积金提取"
                                    << "g-housing-fund-withdraw";
        // pinyin and initials typed on the on-screen keyboard
        QTest::newRow("pinyin yibao") << "yibao"
                                      << "g-medins-transfer";
        QTest::newRow("pinyin dibao") << "dibao"
                                      << "g-dibao";
        QTest::newRow("pinyin gongjijin") << "gongjijin"
                                          << "g-housing-fund-withdraw";
        QTest::newRow("initials gjj") << "gjj"
                                      << "g-housing-fund-withdraw";
        QTest::newRow("initials db") << "db"
                                     << "g-dibao";
        // synonyms and colloquial words
        QTest::newRow("医疗保险 = 医保") << "医疗保险"
                                         << "g-medins-transfer";
        QTest::newRow("生孩子 → 生育") << "生孩子"
                                       << "g-maternity-benefit";
        QTest::newRow("开公司 → 企业开办") << "开公司"
                                           << "sc-open-biz";
        QTest::newRow("营业执照") << "营业执照"
                                  << "g-biz-register";
        // traditional characters and full-width input
        QTest::newRow("traditional 醫療保險") << "醫療保險"
                                              << "g-medins-transfer";
        QTest::newRow("traditional 戶口") << "戶口"
                                          << "g-newborn-hukou";
        QTest::newRow("full-width digits") << "２０２４年义务教育"
                                           << "p-school-enroll";
        // mixed Latin and Chinese
        QTest::newRow("mixed 2024 低保") << "2024 低保"
                                         << "p-dibao-standard-2024";
        // typos in Latin
        QTest::newRow("typo yibso") << "yibso"
                                    << "g-medins-transfer";
        QTest::newRow("typo gongjjin") << "gongjjin"
                                       << "g-housing-fund-withdraw";
        // English titles of translated items
        QTest::newRow("english birth") << "birth certificate"
                                       << "g-birth-cert";
    }

    void relevance()
    {
        QFETCH(QString, query);
        QFETCH(QString, expected);
        const QStringList ids = top(query);
        QVERIFY2(ids.contains(expected),
                 qPrintable(QStringLiteral("%1 → %2").arg(query, ids.join(", "))));
    }

    void repealedDocumentsSinkAndAreMarked()
    {
        const auto results = m_store.search("城乡居民基本医疗保险", "zh-Hans", 20);
        int current = -1, repealed = -1;
        for (int i = 0; i < results.hits.size(); ++i) {
            if (results.hits[i].item.id == "p-medins-resident")
                current = i;
            if (results.hits[i].item.id == "p-medins-resident-2019") {
                repealed = i;
                QVERIFY(results.hits[i].item.repealed);
            }
        }
        QVERIFY(current >= 0 && repealed >= 0);
        QVERIFY(current < repealed);
    }

    // A one-character query on a catalog where it is in hundreds of titles: too many
    // to rank one by one, so the strongest stored rows are taken (searchindexbuilder
    // stores best first). The newest, shortest title must still lead although its file
    // is read last, a title hit must outrank keyword-only hits, and the page is full.
    void broadQueryOnALargeCatalog()
    {
        QTemporaryDir tmp;
        const QString tree = tmp.filePath("src");
        QVERIFY(testsupport::copyTree(testsupport::demoSources(), tree));
        const QString guide = testsupport::readFile(tree + "/guides/g-dibao.md");
        auto variant = [&guide](const QString &id, const QString &title, const QString &updated,
                                const QString &keywords) {
            return QString(guide)
                .replace(QRegularExpression("\nid: [^\n]*"), "\nid: " + id)
                .replace(QRegularExpression("\ntitle: [^\n]*"), "\ntitle: " + title)
                .replace(QRegularExpression("\nupdated: [^\n]*"), "\nupdated: " + updated)
                .replace(QRegularExpression("\nkeywords: [^\n]*"),
                         "\nkeywords: [" + keywords + "]");
        };
        // 400 older guides with 廉 in a long title, 20 with it in their keywords only;
        // their files sort before the one that should lead.
        for (int i = 0; i < 420; ++i) {
            const QString id = QStringLiteral("g-bulk-%1").arg(i, 3, 10, QChar('0'));
            const bool inTitle = i < 400;
            const QString title = QStringLiteral("关于%1住房保障对象第%2批次申请材料递交的说明")
                                      .arg(inTitle ? QStringLiteral("廉租") : QString())
                                      .arg(i);
            QVERIFY(testsupport::writeFile(
                tree + "/guides/" + id + ".md",
                variant(id, title, "2020-01-01", inTitle ? "住房" : "廉租")));
        }
        QVERIFY(testsupport::writeFile(tree + "/guides/zz-lianzu.md",
                                       variant("zz-lianzu", "廉租房申请", "2025-01-01", "住房")));
        const QString db = tmp.filePath("big.db");
        const BuildReport report = buildCatalog(tree, db);
        QVERIFY2(report.ok(), qPrintable(report.errors.value(0).toString()));
        CatalogStore store;
        store.open(db);
        const auto results = store.search(QStringLiteral("廉"), "zh-Hans", 60);
        QCOMPARE(results.hits.size(), 60);
        QCOMPARE(results.hits.first().item.id, QStringLiteral("zz-lianzu"));
        for (const auto &h : results.hits) // keyword-only hits never beat title hits
            QVERIFY2(h.item.title.contains(QStringLiteral("廉")), qPrintable(h.item.id));
        // A selective query on the same catalog is ranked in full: the exact item first.
        const auto exact = store.search(QStringLiteral("第399批次"), "zh-Hans", 5);
        QVERIFY(!exact.hits.isEmpty());
        QCOMPARE(exact.hits.first().item.id, QStringLiteral("g-bulk-399"));
    }

    void highlightsMergeAdjacentMatches()
    {
        const auto results = m_store.search("医疗保险", "zh-Hans", 5);
        QVERIFY(!results.hits.isEmpty());
        const QString title = results.hits.first().titleHtml;
        QVERIFY2(title.contains("<b>医疗保险</b>"), qPrintable(title));
        QVERIFY(!title.contains("</b><b>"));
        QVERIFY(results.hits.first().snippetHtml.contains("<b>"));
    }

    void longDocumentsOpenAtTheSection()
    {
        // A phrase that only occurs deep in a long policy points to its section.
        const auto results = m_store.search("政府信息公开工作年度报告", "zh-Hans", 10);
        bool sectioned = false;
        for (const auto &h : results.hits)
            if (h.item.id == "p-gov-disclosure" && h.section > 0 && !h.sectionHeading.isEmpty())
                sectioned = true;
        QVERIFY2(sectioned, "expected a hit inside a section of p-gov-disclosure");
    }

    void badInputNeverFails_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("empty") << "";
        QTest::newRow("whitespace") << "   \t  ";
        QTest::newRow("long paste") << QString(500, QChar(0x533B));
        QTest::newRow("fts syntax") << "\" * ( ) : ^ NEAR AND OR NOT -";
        QTest::newRow("quotes in term") << "医保\"OR\"1";
        QTest::newRow("emoji") << "医保😀👍";
        QTest::newRow("control chars") << QStringLiteral("低\u0001保\u200b\n");
        QTest::newRow("column filter") << "title:医保";
        QTest::newRow("only punctuation") << "，。！？、";
    }

    void badInputNeverFails()
    {
        QFETCH(QString, query);
        SearchResults r;
        try {
            r = m_store.search(query, "zh-Hans", 10);
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
        QVERIFY(r.query.size() <= 64);
        if (query.contains(QChar(0x533B))) // 医… still finds 医-things
            QVERIFY(!r.hits.isEmpty());
        if (query.startsWith("低"))
            QVERIFY(!r.hits.isEmpty()); // 低保 survives the control characters
    }

    void pinyinCandidatesForTheKeyboard()
    {
        const QStringList yb = m_store.pinyinCandidates("yibao");
        QVERIFY(!yb.isEmpty());
        QCOMPARE(yb.first(), QStringLiteral("医保"));
        QVERIFY(m_store.pinyinCandidates("gjj").contains("公积金"));
        QVERIFY(m_store.pinyinCandidates("").isEmpty());
        QVERIFY(!m_store.hotSearches().isEmpty());
    }

    // Snippets are cut around the first hit anywhere in a long body, found as written,
    // in other capitals, or written in traditional characters.
    void snippetsFindTheHit()
    {
        QTemporaryDir tmp;
        const QString tree = tmp.filePath("src");
        QVERIFY(testsupport::copyTree(testsupport::demoSources(), tree));
        QString qa = testsupport::readFile(tree + "/qa/qa-037.md");
        const QString filler = QStringLiteral("本段为示例填充文字，").repeated(120);
        const QString body = QStringLiteral("辦理麒麟證須知。") + filler +
                             QStringLiteral("市民可到麒麟灯广场办理。") + filler +
                             QStringLiteral("现场扫描KIOSKPASS码即可。") + filler;
        qa = qa.left(qa.indexOf("\n---\n", 4) + 5) + body + '\n';
        qa.replace(QRegularExpression("\nid: [^\n]*"), "\nid: qa-snippet")
            .replace(QRegularExpression("\nquestion: [^\n]*"), "\nquestion: \"示例：广场办事须知\"");
        QVERIFY(testsupport::writeFile(tree + "/qa/qa-snippet.md", qa));
        const QString db = tmp.filePath("snippets.db");
        const BuildReport report = buildCatalog(tree, db);
        QVERIFY2(report.ok(), qPrintable(report.errors.value(0).toString()));
        CatalogStore store;
        store.open(db);
        auto snippetOf = [&store](const QString &query) {
            for (const auto &h : store.search(query, "zh-Hans", 10).hits)
                if (h.item.id == QLatin1String("qa-snippet"))
                    return h.snippetHtml;
            return QStringLiteral("(not found)");
        };
        const QString deep = snippetOf(QStringLiteral("麒麟灯"));
        QVERIFY2(deep.contains(QStringLiteral("<b>麒麟灯</b>")), qPrintable(deep));
        QVERIFY2(deep.startsWith(QStringLiteral("…")) && deep.endsWith(QStringLiteral("…")),
                 qPrintable(deep));
        QVERIFY2(deep.size() < 130, qPrintable(deep));
        const QString capitals = snippetOf(QStringLiteral("kioskpass"));
        QVERIFY2(capitals.contains(QStringLiteral("<b>KIOSKPASS</b>")), qPrintable(capitals));
        const QString traditional = snippetOf(QStringLiteral("麒麟证"));
        QVERIFY2(traditional.startsWith(QStringLiteral("辦理<b>麒麟證</b>")), qPrintable(traditional));
    }

    void foldingRules()
    {
        QCOMPARE(foldForSearch("ＡＢＣ１２３"), QStringLiteral("abc123"));
        QCOMPARE(foldForSearch("醫療"), QStringLiteral("医疗"));
        // Same length, position for position (highlighting maps folded hits back).
        const QString mixed = QStringLiteral("辦理，ＡＢ。\U00020000醫");
        QCOMPARE(foldForSearch(mixed).size(), mixed.size());
        QVERIFY(foldingChanges(QStringLiteral("办理辦理").toUtf8()));
        QVERIFY(foldingChanges(QStringLiteral("ＡＢ").toUtf8()));
        QVERIFY(foldingChanges(QByteArrayLiteral("Social")));
        // Full-width punctuation folds too, but never belongs to a term.
        QVERIFY(!foldingChanges(QStringLiteral("办理，。：！social").toUtf8()));
    }
};

QTEST_GUILESS_MAIN(SearchTest)
#include "tst_search.moc"
