// The kiosk on a real Qt Quick scene (offscreen, software rendering), driven by
// synthetic touches the way a resident uses it. Saves a screenshot of every screen
// in both orientations to build/test-output/screens/ for people to look at.
#include "kioskapp.h"
#include "navigator.h"
#include "testsupport.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>
#include <ZXing/ReadBarcode.h>
#include <memory>

Q_IMPORT_QML_PLUGIN(Kiosk_CorePlugin)
Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

class UiFlowTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<KioskApp> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QPointingDevice *m_touch = nullptr;
    QString m_orientation;

    void start(const QString &orientation)
    {
        stop();
        m_orientation = orientation;
        m_app = std::make_unique<KioskApp>(
            KioskApp::Options{QString(), testsupport::demoCatalog(), orientation});
        m_engine = std::make_unique<QQmlApplicationEngine>();
        QVERIFY(m_app->start(*m_engine));
        m_window = m_app->window();
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        waitReady("home");
    }

    void stop()
    {
        m_engine.reset();
        m_app.reset();
        m_window = nullptr;
    }

    void waitReady(const QString &screen)
    {
        QTRY_COMPARE_WITH_TIMEOUT(Navigator::instance()->screen(), screen, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->property("contentReady").toBool(), 10000);
        QTest::qWait(50); // let the frame with the content render
    }

    static QQuickItem *findIn(QQuickItem *root, const QString &name)
    {
        if (root->objectName() == name && root->isVisible())
            return root;
        for (QQuickItem *child : root->childItems())
            if (QQuickItem *hit = findIn(child, name))
                return hit;
        return nullptr;
    }

    QQuickItem *find(const QString &name)
    {
        // Rows of a list that was just refilled are deleted later; drop them first.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QQuickItem *item = nullptr;
        // Lists create their rows lazily: scroll through flickables until it shows up.
        for (int attempt = 0; attempt < 40 && !item; ++attempt) {
            item = findIn(m_window->contentItem(), name);
            if (!item)
                scrollMainView(600);
        }
        return item;
    }

    QQuickItem *mainFlickable()
    {
        QQuickItem *loader = findIn(m_window->contentItem(), "screenLoader");
        if (!loader || loader->childItems().isEmpty())
            return nullptr;
        QQuickItem *screen = loader->childItems().first();
        return screen->inherits("QQuickFlickable") ? screen : nullptr;
    }

    // Scrolls like a finger would: never past the ends of the content.
    static void setContentY(QQuickItem *f, qreal y)
    {
        const qreal minY = f->property("originY").toReal() - f->property("topMargin").toReal();
        const qreal maxY = f->property("originY").toReal() + f->property("contentHeight").toReal() -
                           f->height() + f->property("bottomMargin").toReal();
        f->setProperty("contentY", std::clamp(y, minY, std::max(minY, maxY)));
        QTest::qWait(20);
    }

    void scrollMainView(qreal by)
    {
        if (QQuickItem *f = mainFlickable())
            setContentY(f, f->property("contentY").toReal() + by);
    }

    void scrollToTop()
    {
        if (QQuickItem *f = mainFlickable())
            setContentY(f, -1e9);
    }

    // Brings an item into the visible part of the screen, like a resident scrolling.
    void reveal(QQuickItem *item)
    {
        QQuickItem *f = mainFlickable();
        if (!f)
            return;
        const QPointF inFlick = item->mapToItem(f, QPointF(0, 0));
        if (inFlick.y() < 0 || inFlick.y() + std::min(item->height(), f->height()) > f->height()) {
            setContentY(f, f->property("contentY").toReal() + inFlick.y() - 40);
        }
    }

    void tap(const QString &name)
    {
        QQuickItem *item = find(name);
        QVERIFY2(item, qPrintable("no visible item named " + name));
        // Scrolling may have recreated list rows, and lists refilled by a filter move
        // their rows once laid out: tap only where the item has stopped moving — and
        // reveal it again if it came to rest off screen (moved after the first reveal).
        QPoint c(-1, -1);
        for (int pass = 0; pass < 3 && !m_window->contentItem()->contains(c); ++pass) {
            if (pass > 0)
                item = findIn(m_window->contentItem(), name);
            QVERIFY2(item, qPrintable(name + " vanished while scrolling"));
            reveal(item);
            c = QPoint(-1, -1);
            for (int settle = 0; settle < 40; ++settle) {
                QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
                item = findIn(m_window->contentItem(), name);
                QVERIFY2(item, qPrintable(name + " vanished while scrolling"));
                const QPoint now =
                    item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
                QQuickItem *f = mainFlickable();
                const bool moving = f && f->property("moving").toBool();
                if (now == c && !moving)
                    break;
                c = now;
                QTest::qWait(40);
            }
        }
        QVERIFY2(m_window->contentItem()->contains(c), qPrintable(name + " is off screen"));
        QTest::touchEvent(m_window, m_touch).press(0, c, m_window);
        QTest::touchEvent(m_window, m_touch).release(0, c, m_window);
    }

    QString textOf(const QString &name)
    {
        QQuickItem *item = find(name);
        return item ? item->property("text").toString() : QString();
    }

    void shoot(const QString &name)
    {
        const QString dir = testsupport::outputDirectory() + "/screens/" + m_orientation;
        QDir().mkpath(dir);
        const QImage image = m_window->grabWindow();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(dir + '/' + name + ".png"));
    }

    // Reads a QR code off the rendered screen, as a phone camera would.
    QString scanQrOnScreen(QQuickItem *qr)
    {
        const QImage shot = m_window->grabWindow().convertToFormat(QImage::Format_Grayscale8);
        const QRectF r = qr->mapRectToScene(QRectF(0, 0, qr->width(), qr->height()));
        const QImage crop = shot.copy(r.toAlignedRect().adjusted(-10, -10, 10, 10));
        const ZXing::ImageView view(crop.constBits(), crop.width(), crop.height(),
                                    ZXing::ImageFormat::Lum, int(crop.bytesPerLine()));
        const ZXing::Result result = ZXing::ReadBarcode(view);
        return result.isValid() ? QString::fromStdString(result.text()) : QString();
    }

private slots:
    void initTestCase() { m_touch = QTest::createTouchDevice(); }
    void cleanupTestCase() { stop(); }

    void orientations_data()
    {
        QTest::addColumn<QString>("orientation");
        QTest::newRow("portrait") << "portrait";
        QTest::newRow("landscape") << "landscape";
    }

    // home → a stage → a guide → its QR code
    void homeToGuideQr_data() { orientations_data(); }
    void homeToGuideQr()
    {
        QFETCH(QString, orientation);
        start(orientation);
        QCOMPARE(m_window->width(), orientation == "portrait" ? 1080 : 1920);
        shoot("01-home");

        tap("stage_stage-p-birth");
        waitReady("stage");
        QCOMPARE(Navigator::instance()->params().value("id").toString(), QStringLiteral("stage-p-birth"));
        shoot("02-stage");

        tap("item_g-birth-cert");
        waitReady("guide");
        QCOMPARE(textOf("guideTitle"), QStringLiteral("出生医学证明签发"));
        QVERIFY(find("material_1"));
        QVERIFY(find("step_1"));
        shoot("03-guide");

        QQuickItem *panel = find("onlineQrPanel");
        QVERIFY(panel);
        reveal(panel);
        QQuickItem *qr = findIn(panel, "qrImage");
        QVERIFY(qr);
        QTRY_COMPARE(qr->property("status").toInt(), 1); // Image.Ready
        QTest::qWait(50);
        QCOMPARE(scanQrOnScreen(qr), QStringLiteral("https://zwfw.example.gov.cn/item/birth-cert"));
        shoot("04-guide-qr");

        // The materials checklist and the flow chart further down.
        reveal(find("materialsCard"));
        tap("material_1");
        QTRY_VERIFY(find("material_1")->property("checked").toBool());
        shoot("05-guide-materials");
        reveal(find("stepsCard"));
        shoot("06-guide-steps");

        // Always one tap from home.
        tap("homeButton");
        waitReady("home");
    }

    // home → policies → filtered list → a document with its interpretation
    void policyLibraryToDocument_data() { orientations_data(); }
    void policyLibraryToDocument()
    {
        QFETCH(QString, orientation);
        start(orientation);
        tap("entry_policies");
        waitReady("policies");
        const QString allCount = textOf("policyCount");
        QVERIFY(!allCount.isEmpty());
        shoot("07-policies");

        tap("filter_validity_废止");
        QTRY_VERIFY(textOf("policyCount") != allCount);
        QTRY_VERIFY(find("item_p-medins-resident-2019"));
        QVERIFY(!findIn(m_window->contentItem(), "item_p-medins-resident"));
        scrollToTop();
        shoot("08-policies-filtered");

        tap("item_p-medins-resident-2019");
        waitReady("policy");
        QCOMPARE(textOf("policyTitle"), QStringLiteral("示例市城乡居民基本医疗保险暂行办法"));
        QVERIFY(find("repealedBanner"));
        shoot("09-policy-repealed");

        tap("backButton");
        waitReady("policies");
        tap("filter_validity_all");
        QTRY_COMPARE(textOf("policyCount"), allCount);
        tap("filter_validity_有效");
        QTRY_VERIFY(textOf("policyCount") != allCount);
        QVERIFY(!findIn(m_window->contentItem(), "item_p-medins-resident-2019"));
        tap("item_p-medins-resident");
        waitReady("policy");
        QVERIFY(!findIn(m_window->contentItem(), "repealedBanner"));
        QVERIFY(find("interpretations"));
        QVERIFY(find("interpretations")->childItems().size() > 1);
        shoot("10-policy-with-interpretation");
        reveal(find("policyGuides"));
        shoot("11-policy-links");
    }

    // home → search → pinyin on the on-screen keyboard → a catalog word → a result
    void searchByPinyin_data() { orientations_data(); }
    void searchByPinyin()
    {
        QFETCH(QString, orientation);
        start(orientation);
        tap("searchEntry");
        waitReady("search");
        shoot("26-search");
        tap("mode_abc"); // letters as typed: the search reads them as pinyin (tst_imeflow: 拼音)
        for (const char *key : {"key_y", "key_i", "key_b", "key_a", "key_o"})
            tap(key);
        QTRY_COMPARE(textOf("searchQuery"), QStringLiteral("yibao▏"));
        // Candidates follow each keystroke; wait for those of the whole word.
        QTRY_VERIFY(!textOf("searchCount").isEmpty());
        QTest::qWait(2 * 250);
        QTRY_VERIFY(find("candidate_医保"));
        tap("candidate_医保");
        QTRY_COMPARE(textOf("searchQuery"), QStringLiteral("医保▏"));
        QTRY_VERIFY(find("hit_g-medins-transfer"));
        QVERIFY(textOf("searchCount").contains(QRegularExpression("\\d")));
        shoot("27-search-results");
        tap("hit_g-medins-transfer");
        waitReady("guide");
        QCOMPARE(textOf("guideTitle"), QStringLiteral("基本医疗保险关系转移接续"));

        // Nothing found: never a bare "no results".
        tap("backButton");
        waitReady("search");
        tap("key_clear");
        tap("mode_abc");
        for (const char *key : {"key_q", "key_x", "key_z", "key_q", "key_x"})
            tap(key);
        QTRY_VERIFY(find("searchEmpty"));
        QVERIFY(find("hot_医保"));
        shoot("28-search-empty");
    }

    // Every other screen, for the screenshot set.
    void otherScreens_data() { orientations_data(); }
    void otherScreens()
    {
        QFETCH(QString, orientation);
        start(orientation);
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
            tap("homeButton");
            waitReady("home");
            tap(s.entry);
            waitReady(s.screen);
            shoot(s.shot);
            if (s.item) {
                tap(s.item);
            } else {
                tap("item_i-p-medins-resident");
            }
            waitReady(s.detail);
            shoot(s.detailShot);
        }

        tap("homeButton");
        waitReady("home");
        tap("entry_apply");
        waitReady("coming");
        shoot("22-coming");

        // Accessibility: elderly mode, high contrast and English on the home screen.
        tap("homeButton");
        waitReady("home");
        tap("elderlyEntry");
        QTest::qWait(100);
        shoot("23-home-elderly");
        tap("contrastButton");
        QTest::qWait(100);
        shoot("24-home-high-contrast");
        tap("contrastButton");
        tap("elderlyButton");
        tap("languageButton");
        QTRY_VERIFY(textOf("languageButton").contains("English"));
        QTest::qWait(200);
        shoot("25-home-english");
    }
};

QTEST_MAIN(UiFlowTest)
#include "tst_uiflow.moc"
