// The kiosk on a real Qt Quick scene (offscreen, software rendering), driven by
// synthetic touches the way a resident uses it. Saves a screenshot of every screen
// in both orientations to build/test-output/screens/ for people to look at.
#include "kioskscene.h"
#include "localization.h"
#include "sqlitedb.h"
#include "navigator.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kiosk;

class UiFlowTest : public QObject
{
    Q_OBJECT

    KioskScene m_scene;
    QTemporaryDir m_tmp;

private slots:
    void cleanupTestCase() { m_scene.stop(); }

    // home → a stage → a guide → its QR code
    void homeToGuideQr_data() { KioskScene::orientationRows(); }
    void homeToGuideQr()
    {
        QFETCH(QString, orientation);
        QVERIFY(m_scene.start(QString(), orientation));
        QCOMPARE(m_scene.window()->width(), orientation == "portrait" ? 1080 : 1920);
        // By default (language/min_coverage_percent 80) the demo's Uyghur, a few
        // texts only, is not on the language button.
        QCOMPARE(m_scene.app()->localization()->offeredLanguages(), (QStringList{"zh-Hans", "en"}));
        QVERIFY(m_scene.shoot("01-home"));

        QVERIFY(m_scene.tap("stage_stage-p-birth"));
        QVERIFY(m_scene.waitReady("stage"));
        QCOMPARE(Navigator::instance()->params().value("id").toString(), QStringLiteral("stage-p-birth"));
        QVERIFY(m_scene.shoot("02-stage"));

        QVERIFY(m_scene.tap("item_g-birth-cert"));
        QVERIFY(m_scene.waitReady("guide"));
        QCOMPARE(m_scene.textOf("guideTitle"), QStringLiteral("出生医学证明签发"));
        QVERIFY(m_scene.seek("material_1"));
        QVERIFY(m_scene.seek("step_1"));
        QVERIFY(m_scene.shoot("03-guide"));

        QQuickItem *panel = m_scene.seek("onlineQrPanel");
        QVERIFY(panel);
        m_scene.reveal(panel);
        QQuickItem *qr = m_scene.find("qrImage", panel);
        QVERIFY(qr);
        QTRY_COMPARE(qr->property("status").toInt(), 1); // Image.Ready
        QTest::qWait(50);
        QCOMPARE(m_scene.qrOnScreen(qr),
                 QStringLiteral("https://zwfw.example.gov.cn/item/birth-cert"));
        QVERIFY(m_scene.shoot("04-guide-qr"));

        // The materials checklist and the flow chart further down.
        m_scene.reveal(m_scene.seek("materialsCard"));
        QVERIFY(m_scene.tap("material_1"));
        QTRY_VERIFY(m_scene.seek("material_1")->property("checked").toBool());
        QVERIFY(m_scene.shoot("05-guide-materials"));
        m_scene.reveal(m_scene.seek("stepsCard"));
        QVERIFY(m_scene.shoot("06-guide-steps"));

        // Always one tap from home.
        QVERIFY(m_scene.tap("homeButton"));
        QVERIFY(m_scene.waitReady("home"));
    }

    // home → policies → filtered list → a document with its interpretation
    void policyLibraryToDocument_data() { KioskScene::orientationRows(); }
    void policyLibraryToDocument()
    {
        QFETCH(QString, orientation);
        QVERIFY(m_scene.start(QString(), orientation));
        QVERIFY(m_scene.tap("entry_policies"));
        QVERIFY(m_scene.waitReady("policies"));
        const QString allCount = m_scene.textOf("policyCount");
        QVERIFY(!allCount.isEmpty());
        QVERIFY(m_scene.shoot("07-policies"));

        QVERIFY(m_scene.tap("filter_validity_废止"));
        QTRY_VERIFY(m_scene.textOf("policyCount") != allCount);
        QTRY_VERIFY(m_scene.seek("item_p-medins-resident-2019"));
        QVERIFY(!m_scene.find("item_p-medins-resident"));
        m_scene.scrollToTop();
        QVERIFY(m_scene.shoot("08-policies-filtered"));

        QVERIFY(m_scene.tap("item_p-medins-resident-2019"));
        QVERIFY(m_scene.waitReady("policy"));
        QCOMPARE(m_scene.textOf("policyTitle"),
                 QStringLiteral("示例市城乡居民基本医疗保险暂行办法"));
        QVERIFY(m_scene.seek("repealedBanner"));
        QVERIFY(m_scene.shoot("09-policy-repealed"));

        QVERIFY(m_scene.tap("backButton"));
        QVERIFY(m_scene.waitReady("policies"));
        QVERIFY(m_scene.tap("filter_validity_all"));
        QTRY_COMPARE(m_scene.textOf("policyCount"), allCount);
        QVERIFY(m_scene.tap("filter_validity_有效"));
        QTRY_VERIFY(m_scene.textOf("policyCount") != allCount);
        QVERIFY(!m_scene.find("item_p-medins-resident-2019"));
        QVERIFY(m_scene.tap("item_p-medins-resident"));
        QVERIFY(m_scene.waitReady("policy"));
        QVERIFY(!m_scene.find("repealedBanner"));
        if (orientation == QLatin1String("portrait")) {
            // The interpretation follows the whole text: the button at the top goes there.
            QQuickItem *interpretations = m_scene.find("interpretations");
            QVERIFY(interpretations);
            const auto onScreen = [&] {
                const qreal y = interpretations->mapToScene({0, 0}).y();
                return y >= 0 && y < m_scene.window()->height() - 200;
            };
            QVERIFY(!onScreen());
            QVERIFY(m_scene.tap("jumpToInterpretation"));
            QTRY_VERIFY(onScreen());
            m_scene.scrollToTop();
        } else {
            QVERIFY(!m_scene.find("jumpToInterpretation")); // beside the text already
        }
        QVERIFY(m_scene.seek("interpretations"));
        QVERIFY(m_scene.seek("interpretations")->childItems().size() > 1);
        QVERIFY(m_scene.shoot("10-policy-with-interpretation"));
        m_scene.reveal(m_scene.seek("policyGuides"));
        QVERIFY(m_scene.shoot("11-policy-links"));
    }

    // home → search → pinyin on the on-screen keyboard → a catalog word → a result
    void searchByPinyin_data() { KioskScene::orientationRows(); }
    void searchByPinyin()
    {
        QFETCH(QString, orientation);
        QVERIFY(m_scene.start(QString(), orientation));
        QVERIFY(m_scene.tap("searchEntry"));
        QVERIFY(m_scene.waitReady("search"));
        QVERIFY(m_scene.shoot("26-search"));
        // Letters as typed: the search reads them as pinyin (tst_imeflow: 拼音).
        QVERIFY(m_scene.tap("mode_abc"));
        QVERIFY(m_scene.typeKeys("yibao"));
        QTRY_COMPARE(m_scene.textOf("searchQuery"), QStringLiteral("yibao▏"));
        // Candidates follow each keystroke; wait for those of the whole word.
        QTRY_VERIFY(!m_scene.textOf("searchCount").isEmpty());
        QTest::qWait(2 * 250);
        QTRY_VERIFY(m_scene.seek("candidate_医保"));
        QVERIFY(m_scene.tap("candidate_医保"));
        QTRY_COMPARE(m_scene.textOf("searchQuery"), QStringLiteral("医保▏"));
        // The results of "yibao" already show this hit; those of 医保 replace every row
        // after the debounce, and a row replaced under the finger loses the tap: wait
        // for the search of the picked word to finish.
        QTest::qWait(2 * 250);
        QVERIFY(m_scene.waitReady("search"));
        QTRY_VERIFY(m_scene.seek("hit_g-medins-transfer"));
        QVERIFY(m_scene.textOf("searchCount").contains(QRegularExpression("\\d")));
        QVERIFY(m_scene.shoot("27-search-results"));
        QVERIFY(m_scene.tap("hit_g-medins-transfer"));
        QVERIFY(m_scene.waitReady("guide"));
        QCOMPARE(m_scene.textOf("guideTitle"), QStringLiteral("基本医疗保险关系转移接续"));

        // Nothing found: never a bare "no results".
        QVERIFY(m_scene.tap("backButton"));
        QVERIFY(m_scene.waitReady("search"));
        QVERIFY(m_scene.tap("key_clear"));
        QVERIFY(m_scene.tap("mode_abc"));
        QVERIFY(m_scene.typeKeys("qxzqx"));
        QTRY_VERIFY(m_scene.seek("searchEmpty"));
        QVERIFY(m_scene.seek("hot_医保"));
        QVERIFY(m_scene.shoot("28-search-empty"));
    }

    // A catalog with no business stages (a village centre's) shows no business wall,
    // not its heading over nothing; the person wall stays.
    void emptyWallIsNotShown()
    {
        QVERIFY(m_tmp.isValid());
        const QString catalog = m_tmp.filePath("no-business.db");
        QFile::remove(catalog);
        QVERIFY(QFile::copy(testsupport::demoCatalog(), catalog));
        {
            content::SqliteDb db;
            db.open(catalog, content::SqliteDb::Mode::ReadWriteCreate);
            db.exec("DELETE FROM item_stages WHERE stage_id IN "
                    "(SELECT id FROM stages WHERE audience = 'business')");
            db.exec("DELETE FROM stages WHERE audience = 'business'");
        }
        kiosk::KioskApp::Options options;
        options.catalogPath = catalog;
        QVERIFY(m_scene.start(options));
        QVERIFY(m_scene.find("stage_stage-p-birth"));
        QVERIFY(m_scene.find("personWallTitle"));
        QVERIFY(!m_scene.find("businessWallTitle"));
        QVERIFY(m_scene.shoot("01-home-no-business-stages"));

        QVERIFY(m_scene.start(QString()));
        QVERIFY(m_scene.find("businessWallTitle"));
    }

    // Every other screen, for the screenshot set.
    void otherScreens_data() { KioskScene::orientationRows(); }
    void otherScreens()
    {
        QFETCH(QString, orientation);
        // Every language, however little translated, for the Uyghur screenshots.
        QVERIFY(m_scene.startWithEveryLanguage(orientation));
        const struct {
            const char *entry, *screen, *shot, *item, *detail, *detailShot;
        } sections[] = {
            {"entry_qa", "browse", "12-qa", "item_qa-001", "qa", "13-qa-answer"},
            {"entry_gazette", "browse", "14-gazette", "item_gz-2024-01", "gazette", "15-gazette-issue"},
            {"entry_points", "browse", "16-points", "item_pt-center", "point", "17-point"},
            {"entry_interpretations", "browse", "18-interpretations", nullptr, "interpretation",
             "19-interpretation"},
            {"entry_scenarios", "browse", "20-scenarios", "item_sc-newborn", "scenario",
             "21-scenario"},
        };
        for (const auto &s : sections) {
            QVERIFY(m_scene.tap("homeButton"));
            QVERIFY(m_scene.waitReady("home"));
            QVERIFY(m_scene.tap(s.entry));
            QVERIFY(m_scene.waitReady(s.screen));
            QVERIFY(m_scene.shoot(s.shot));
            if (s.item) {
                QVERIFY(m_scene.tap(s.item));
            } else {
                QVERIFY(m_scene.tap("item_i-p-medins-resident"));
            }
            QVERIFY(m_scene.waitReady(s.detail));
            QVERIFY(m_scene.shoot(s.detailShot));
            if (QByteArray(s.detail) == "gazette") {
                // The issue's own 目录 heading, once: no screen heading repeats it.
                QVERIFY(m_scene.find("gazetteBody"));
                QCOMPARE(m_scene.sceneTexts().count(QStringLiteral("目录")), 0);
            }
        }

        QVERIFY(m_scene.tap("homeButton"));
        QVERIFY(m_scene.waitReady("home"));
        QVERIFY(m_scene.tap("entry_apply"));
        QVERIFY(m_scene.waitReady("coming"));
        QVERIFY(m_scene.shoot("22-coming"));
        // Nothing can be applied for yet, so nothing about the ID card reader (which
        // the test machine lacks) belongs here.
        for (const QString &text : m_scene.sceneTexts())
            for (const char *key : {"idcard.reader_absent", "idcard.not_fitted", "idcard.card_unreadable"})
                QVERIFY2(text != m_scene.app()->localization()->text(key), qPrintable(text));

        // Accessibility: elderly mode, high contrast and English on the home screen.
        QVERIFY(m_scene.tap("homeButton"));
        QVERIFY(m_scene.waitReady("home"));
        QVERIFY(m_scene.tap("elderlyEntry"));
        QTest::qWait(100);
        QVERIFY(m_scene.shoot("23-home-elderly"));
        QVERIFY(m_scene.tap("contrastButton"));
        QTest::qWait(100);
        QVERIFY(m_scene.shoot("24-home-high-contrast"));
        QVERIFY(m_scene.tap("contrastButton"));
        QVERIFY(m_scene.tap("elderlyButton"));
        QVERIFY(m_scene.tap("languageButton"));
        QTRY_VERIFY(m_scene.textOf("languageButton").contains("English"));
        QTest::qWait(200);
        QVERIFY(m_scene.shoot("25-home-english"));

        // Uyghur is written right to left: the whole window mirrors (Main.qml), so the
        // bar starts at the right — home right of back — and texts align right.
        QVERIFY(m_scene.tap("languageButton"));
        QTRY_VERIFY(m_scene.textOf("languageButton").contains(QStringLiteral("ئۇيغۇرچە")));
        QTest::qWait(200);
        QQuickItem *home = m_scene.find("homeButton");
        QQuickItem *back = m_scene.find("backButton");
        QVERIFY(home && back);
        QVERIFY2(home->mapToScene({0, 0}).x() > back->mapToScene({0, 0}).x(), "the bar is not mirrored");
        QVERIFY(m_scene.shoot("29-home-uyghur"));
        QVERIFY(m_scene.openItem(QStringLiteral("guide"), QStringLiteral("g-birth-cert")));
        QTest::qWait(200);
        QVERIFY(m_scene.shoot("30-guide-uyghur"));
        // A row's chevron points the way the screen reads (it pointed right).
        QQuickItem *chevron = m_scene.seek("rowChevron");
        QVERIFY(chevron);
        QCOMPARE(chevron->rotation(), 180.0);
    }
};

QTEST_MAIN(UiFlowTest)
#include "tst_uiflow.moc"
