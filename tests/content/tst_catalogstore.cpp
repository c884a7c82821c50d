// Store queries on the demo catalog: what each screen asks for.
#include "catalogstore.h"
#include "testsupport.h"

#include <QtTest>

using namespace content;

class CatalogStoreTest : public QObject
{
    Q_OBJECT
    CatalogStore m_store;

    static QStringList ids(const QList<ItemRef> &refs)
    {
        QStringList out;
        for (const auto &r : refs)
            out << r.id;
        return out;
    }

private slots:
    void initTestCase() { m_store.open(testsupport::demoCatalog()); }

    void refusesWhatIsNotACatalog()
    {
        CatalogStore s;
        QVERIFY_THROWS_EXCEPTION(SqliteError, s.open("/nonexistent/catalog.db"));
        QTemporaryFile junk;
        QVERIFY(junk.open());
        junk.write("this is not a database at all, just some text");
        junk.flush();
        QVERIFY_THROWS_EXCEPTION(SqliteError, s.open(junk.fileName()));
        QVERIFY(!s.isOpen());
    }

    void stagesInCatalogOrder()
    {
        const auto stages = m_store.stages("person", "zh-Hans");
        QVERIFY(stages.size() >= 9);
        QCOMPARE(stages.first().id, QStringLiteral("stage-p-birth"));
        QCOMPARE(stages.first().title, QStringLiteral("出生"));
        for (int i = 1; i < stages.size(); ++i)
            QVERIFY(stages[i - 1].order <= stages[i].order);
        QCOMPARE(m_store.stages("business", "zh-Hans").first().audience, QStringLiteral("business"));
    }

    void guidesAndScenariosOfAStage()
    {
        const QStringList guides = ids(m_store.guidesForStage("stage-p-birth", "zh-Hans"));
        QVERIFY(guides.contains("g-birth-cert"));
        QVERIFY(guides.contains("g-newborn-hukou"));
        QVERIFY(!guides.contains("g-dibao"));
        QVERIFY(ids(m_store.scenariosForStage("stage-p-birth", "zh-Hans")).contains("sc-newborn"));
        const auto scenario = m_store.scenario("sc-newborn", "zh-Hans");
        QVERIFY(scenario);
        QCOMPARE(ids(scenario->guides).first(), QStringLiteral("g-birth-cert"));
    }

    void guideHasEveryField()
    {
        const auto g = m_store.guide("g-birth-cert", "zh-Hans");
        QVERIFY(g);
        QCOMPARE(g->title, QStringLiteral("出生医学证明签发"));
        QVERIFY(g->forPerson);
        QVERIFY(!g->forBusiness);
        QVERIFY(g->materials.size() >= 3);
        QVERIFY(g->steps.size() >= 3);
        QVERIFY(g->onlineUrl.startsWith("https://"));
        QVERIFY(!g->basis.isEmpty());
        QVERIFY(!g->policies.isEmpty());
        QVERIFY(ids(g->stages).contains("stage-p-birth"));
        QVERIFY(ids(g->scenarios).contains("sc-newborn"));
        QVERIFY(!m_store.guide("g-no-such-guide", "zh-Hans"));
    }

    // "看、问、办": a link written once shows from both ends.
    void linksReadBothWays()
    {
        const auto qa = m_store.qa("qa-001", "zh-Hans");
        QVERIFY(qa);
        QVERIFY(qa->source);
        const QString source = qa->source->id;
        const auto policy = m_store.policy(source, "zh-Hans");
        QVERIFY(policy);
        QVERIFY2(ids(policy->qa).contains("qa-001"), qPrintable(source));
        for (const auto &guide : qa->guides) {
            const auto g = m_store.guide(guide.id, "zh-Hans");
            QVERIFY(ids(g->qa).contains("qa-001"));
        }
    }

    void policyFiltersCombine()
    {
        const auto all = m_store.policies({}, "zh-Hans");
        QVERIFY(all.size() >= 30);
        // Valid documents come first.
        bool seenInvalid = false;
        for (const auto &p : all) {
            if (p.repealed)
                seenInvalid = true;
            else
                QVERIFY2(!seenInvalid, qPrintable(p.id + " listed after a repealed document"));
        }
        const auto repealed = m_store.policies({{}, {}, 0, QStringLiteral("废止")}, "zh-Hans");
        QVERIFY(ids(repealed).contains("p-medins-resident-2019"));
        for (const auto &p : repealed)
            QVERIFY(p.repealed);

        const PolicyFacets facets = m_store.policyFacets();
        QVERIFY(facets.agencies.contains("示例市民政局"));
        QVERIFY(!facets.topics.isEmpty());
        QVERIFY(facets.years.size() >= 3);
        QCOMPARE(facets.validities.first(), QStringLiteral("有效"));

        PolicyFilter f;
        f.agency = QStringLiteral("示例市民政局");
        const auto byAgency = m_store.policies(f, "zh-Hans");
        QVERIFY(!byAgency.isEmpty() && byAgency.size() < all.size());
        for (const auto &p : byAgency)
            QVERIFY(p.subtitle.startsWith("示例市民政局"));
        f.year = facets.years.first();
        const auto byAgencyYear = m_store.policies(f, "zh-Hans");
        QVERIFY(byAgencyYear.size() <= byAgency.size());
        f = {};
        f.topic = facets.topics.first();
        QVERIFY(!m_store.policies(f, "zh-Hans").isEmpty());
        f.year = 1900;
        QVERIFY(m_store.policies(f, "zh-Hans").isEmpty());
    }

    void policyWithInterpretationAndReplacement()
    {
        const auto p = m_store.policy("p-medins-resident", "zh-Hans");
        QVERIFY(p);
        QVERIFY(!p->interpretations.isEmpty());
        QCOMPARE(p->interpretations.first().policy.id, QStringLiteral("p-medins-resident"));
        QVERIFY(p->bodyHtml.contains("<h2>") || p->bodyHtml.contains("<h3>"));
        QVERIFY(ids(p->replaces).contains("p-medins-resident-2019"));
        const auto old = m_store.policy("p-medins-resident-2019", "zh-Hans");
        QCOMPARE(old->validity, QStringLiteral("废止"));
        QVERIFY(old->replacedBy);
        QCOMPARE(old->replacedBy->id, QStringLiteral("p-medins-resident"));
    }

    void translationsFallBackToChinese()
    {
        const auto en = m_store.guide("g-birth-cert", "en");
        const auto zh = m_store.guide("g-birth-cert", "zh-Hans");
        QVERIFY(en->title != zh->title);
        QVERIFY(!en->title.contains(QRegularExpression("[\\x{4e00}-\\x{9fff}]")));
        // Untranslated fields and items fall back to zh-Hans, never to empty.
        QCOMPARE(en->basicCode, zh->basicCode);
        const auto untranslated = m_store.guide("g-tekun", "en");
        QCOMPARE(untranslated->title, m_store.guide("g-tekun", "zh-Hans")->title);
        QVERIFY(!untranslated->eligibilityHtml.isEmpty());
    }

    void uiStringsOverlay()
    {
        const auto zh = m_store.uiStrings("zh-Hans");
        const auto en = m_store.uiStrings("en");
        const auto ug = m_store.uiStrings("ug");
        QVERIFY(zh.contains("home.policies"));
        QCOMPARE(zh.value("home.policies"), QStringLiteral("政策文件"));
        QVERIFY(en.value("home.policies") != zh.value("home.policies"));
        QCOMPARE(ug.size(), zh.size()); // missing Uyghur texts fall back to Chinese
        QVERIFY(!m_store.homeEntries().isEmpty());
    }

    void browseSections()
    {
        QVERIFY(m_store.gazetteYears().size() >= 2);
        const auto issues = m_store.gazetteIssues(2024, "zh-Hans");
        QVERIFY(issues.size() >= 3);
        QCOMPARE(issues.first().id, QStringLiteral("gz-2024-03")); // newest first
        const auto issue = m_store.gazetteIssue("gz-2024-01", "zh-Hans");
        QVERIFY(issue && !issue->documents.isEmpty());
        QCOMPARE(issue->year, 2024);
        QVERIFY(ids(m_store.policy(issue->documents.first().id, "zh-Hans")->gazetteIssues)
                    .contains("gz-2024-01"));
        QVERIFY(m_store.points({}, "zh-Hans").size() >= 10);
        const auto point = m_store.point("pt-center", "zh-Hans");
        QVERIFY(point && point->lat > 0 && !point->guides.isEmpty());
        QVERIFY(!m_store.qaTags().isEmpty());
        const QString tag = m_store.qaTags().first();
        const auto tagged = m_store.qaItems(tag, "zh-Hans");
        QVERIFY(!tagged.isEmpty() && tagged.size() < m_store.qaItems({}, "zh-Hans").size());
        QVERIFY(m_store.interpretations("zh-Hans").size() >= 10);
        QCOMPARE(m_store.kindOf("g-dibao"), QStringLiteral("guide"));
        QCOMPARE(m_store.kindOf("nothing"), QString());
    }
};

QTEST_GUILESS_MAIN(CatalogStoreTest)
#include "tst_catalogstore.moc"
