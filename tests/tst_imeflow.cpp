// The on-screen keyboard on a real Qt Quick scene (offscreen, software rendering):
// pinyin typed key by key into the search field through the candidate bar, a
// character drawn on the writing pad with a finger, and what a screen reader and an
// elderly resident get from every key. Screenshots go to
// build/test-output/screens/<orientation>/3x-*.png.
#include "accessibilitysettings.h"
#include "kioskapp.h"
#include "navigator.h"
#include "testsupport.h"

#include <QAccessible>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>
#include <memory>

Q_IMPORT_QML_PLUGIN(Kiosk_CorePlugin)
Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

class ImeFlowTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<KioskApp> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QPointingDevice *m_touch = nullptr;
    QString m_orientation;

    void openSearch(const QString &orientation)
    {
        m_engine.reset();
        m_app.reset();
        m_orientation = orientation;
        m_app = std::make_unique<KioskApp>(
            KioskApp::Options{QString(), testsupport::demoCatalog(), orientation});
        m_engine = std::make_unique<QQmlApplicationEngine>();
        QVERIFY(m_app->start(*m_engine));
        m_window = m_app->window();
        QVERIFY(m_window && QTest::qWaitForWindowExposed(m_window));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->property("contentReady").toBool(), 10000);
        Navigator::instance()->open("search", {});
        QTRY_COMPARE(Navigator::instance()->screen(), QStringLiteral("search"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->property("contentReady").toBool(), 10000);
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
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        return findIn(m_window->contentItem(), name);
    }

    QString textOf(const QString &name)
    {
        QQuickItem *item = find(name);
        return item ? item->property("text").toString() : QString();
    }

    QPoint centre(QQuickItem *item)
    {
        return item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    }

    // Rows just created (a new mode, new candidates) are laid out in the next polish:
    // the item once it has stopped moving, like a finger waiting for the screen.
    QQuickItem *settled(const QString &name)
    {
        QPoint c(-1, -1);
        for (int settle = 0; settle < 40; ++settle) {
            QQuickItem *item = find(name);
            if (!item)
                return nullptr;
            const QPoint now = centre(item);
            if (now == c)
                return item;
            c = now;
            QTest::qWait(20);
        }
        return find(name);
    }

    void tap(const QString &name)
    {
        QQuickItem *item = settled(name);
        QVERIFY2(item, qPrintable("no visible item named " + name));
        const QPoint c = centre(item);
        QVERIFY2(item->isEnabled(), qPrintable(name + " is disabled"));
        QVERIFY2(m_window->contentItem()->contains(c), qPrintable(name + " is off screen"));
        QTest::touchEvent(m_window, m_touch).press(0, c, m_window);
        QTest::touchEvent(m_window, m_touch).release(0, c, m_window);
    }

    void typeKeys(const QString &letters)
    {
        for (QChar c : letters)
            tap(QStringLiteral("key_") + c);
    }

    // A finger drawing through the given points (in 0..1 of the pad), one stroke.
    void drawStroke(QQuickItem *pad, std::initializer_list<QPointF> corners)
    {
        QList<QPoint> points;
        const QList<QPointF> c(corners);
        for (qsizetype i = 0; i + 1 < c.size(); ++i)
            for (int k = (i == 0 ? 0 : 1); k <= 8; ++k) {
                const QPointF f = c[i] + (c[i + 1] - c[i]) * (k / 8.0);
                points.append(pad->mapToScene(QPointF(f.x() * pad->width(), f.y() * pad->height())).toPoint());
            }
        QTest::touchEvent(m_window, m_touch).press(0, points.first(), m_window);
        for (const QPoint &p : points.mid(1))
            QTest::touchEvent(m_window, m_touch).move(0, p, m_window);
        QTest::touchEvent(m_window, m_touch).release(0, points.last(), m_window);
        QTest::qWait(30);
    }

    void shoot(const QString &name)
    {
        const QString dir = testsupport::outputDirectory() + "/screens/" + m_orientation;
        QDir().mkpath(dir);
        QVERIFY(m_window->grabWindow().save(dir + '/' + name + ".png"));
    }

    static void collectKeys(QQuickItem *root, QList<QQuickItem *> *out)
    {
        const QString n = root->objectName();
        if (root->isVisible() && (n.startsWith("key_") || n.startsWith("mode_") ||
                                  n.startsWith("imeCandidate_") || n == "imeNext" ||
                                  n == "imePrevious" || n == "writingPad"))
            out->append(root);
        for (QQuickItem *child : root->childItems())
            collectKeys(child, out);
    }

    // Every key, mode, candidate and the pad: a name a screen reader can say, a role,
    // and a target at least `minimum` pixels on each side.
    void checkKeys(int minimum)
    {
        QQuickItem *keyboard = find("keyboard");
        QVERIFY(keyboard);
        QList<QQuickItem *> keys;
        collectKeys(keyboard, &keys);
        QVERIFY2(keys.size() >= 10, qPrintable(QString::number(keys.size())));
        for (QQuickItem *key : keys) {
            QAccessibleInterface *a = QAccessible::queryAccessibleInterface(key);
            QVERIFY2(a, qPrintable(key->objectName()));
            const QString name = a->text(QAccessible::Name);
            QVERIFY2(!name.isEmpty() && !name.startsWith("ime.") && !name.startsWith("search."),
                     qPrintable(key->objectName() + " is named '" + name + "'"));
            QVERIFY2(a->role() == QAccessible::Button || a->role() == QAccessible::PageTab ||
                         a->role() == QAccessible::Canvas,
                     qPrintable(key->objectName()));
            QVERIFY2(key->width() >= minimum && key->height() >= minimum,
                     qPrintable(QStringLiteral("%1 is %2×%3").arg(key->objectName()).arg(key->width()).arg(key->height())));
        }
    }

private slots:
    void initTestCase() { m_touch = QTest::createTouchDevice(); }
    void cleanupTestCase()
    {
        m_engine.reset();
        m_app.reset();
    }

    void orientations_data()
    {
        QTest::addColumn<QString>("orientation");
        QTest::newRow("portrait") << "portrait";
        QTest::newRow("landscape") << "landscape";
    }

    // 拼音: letters compose in the candidate bar, not in the field; the chosen word
    // goes into the search field and the results follow.
    void pinyinIntoSearch_data() { orientations_data(); }
    void pinyinIntoSearch()
    {
        QFETCH(QString, orientation);
        openSearch(orientation);
        QVERIFY(find("mode_pinyin")->property("selected").toBool());
        const QString placeholder = textOf("searchQuery");

        typeKeys("yb");
        QTRY_COMPARE(textOf("imeComposing"), QStringLiteral("y'b"));
        QTRY_VERIFY(find("imeCandidate_医保"));
        QCOMPARE(textOf("searchQuery"), placeholder); // still composing
        // Catalog words first: the first candidate names something the kiosk has.
        QQuickItem *first = find("imeCandidate_医保");
        QVERIFY(first->property("primary").toBool());
        checkKeys(64);
        shoot("30-ime-pinyin-initials");

        // Paging shows other candidates and comes back.
        tap("imeNext");
        QTRY_VERIFY(!find("imeCandidate_医保"));
        QVERIFY(find("imePrevious")->isEnabled());
        tap("imePrevious");
        QTRY_VERIFY(find("imeCandidate_医保"));

        // Delete takes back a letter of the pinyin before anything in the field.
        tap("key_backspace");
        QTRY_COMPARE(textOf("imeComposing"), QStringLiteral("y"));
        typeKeys("ibao");
        QTRY_COMPARE(textOf("imeComposing"), QStringLiteral("yi'bao"));
        QTRY_VERIFY(find("imeCandidate_医保"));
        tap("imeCandidate_医保");
        QTRY_COMPARE(textOf("searchQuery"), QStringLiteral("医保▏"));
        QTRY_COMPARE(textOf("imeComposing"), QString());
        QTRY_VERIFY(find("hit_g-medins-transfer"));
        QVERIFY(textOf("searchCount").contains(QRegularExpression("\\d")));
        shoot("31-ime-pinyin-committed");

        // Space takes the first candidate; Delete then works in the field.
        typeKeys("shebao");
        QTRY_VERIFY(find("imeCandidate_社保"));
        tap("key_space");
        QTRY_COMPARE(textOf("searchQuery"), QStringLiteral("医保社保▏"));
        tap("key_backspace");
        tap("key_backspace");
        QTRY_COMPARE(textOf("searchQuery"), QStringLiteral("医保▏"));

        // 123 and ABC type straight into the field.
        tap("mode_digits");
        typeKeys("12");
        tap("mode_abc");
        typeKeys("ab");
        QTRY_COMPARE(textOf("searchQuery"), QStringLiteral("医保12ab▏"));
        tap("key_clear");
        QTRY_COMPARE(textOf("searchQuery"), placeholder);
    }

    // 手写: strokes drawn with a finger are recognised; the chosen character goes
    // into the field; 重写 empties the pad, 删除 deletes in the field.
    void handwritingIntoSearch_data() { orientations_data(); }
    void handwritingIntoSearch()
    {
        QFETCH(QString, orientation);
        openSearch(orientation);
        tap("mode_handwriting");
        QQuickItem *pad = settled("writingPad");
        QVERIFY(pad);
        QVERIFY(pad->width() >= 6 * 64 - 1 || pad->width() >= find("keyboard")->width() / 3);
        QCOMPARE(pad->width(), pad->height());

        drawStroke(pad, {{0.15, 0.48}, {0.85, 0.47}}); // 一
        QTRY_VERIFY(find("imeCandidate_一"));
        drawStroke(pad, {{0.5, 0.12}, {0.5, 0.9}});    // 丨: 十
        QTRY_VERIFY(find("imeCandidate_十"));
        checkKeys(64);
        shoot("32-ime-handwriting");
        tap("imeCandidate_十");
        QTRY_COMPARE(textOf("searchQuery"), QStringLiteral("十▏"));
        QTRY_VERIFY(!find("imeCandidate_十")); // the pad is ready for the next character

        drawStroke(pad, {{0.15, 0.48}, {0.85, 0.47}});
        QTRY_VERIFY(find("imeCandidate_一"));
        tap("key_rewrite");
        QTRY_VERIFY(!find("imeCandidate_一"));
        tap("key_delete");
        QTRY_VERIFY(textOf("searchQuery") != QStringLiteral("十▏"));
        QVERIFY(!textOf("searchQuery").contains(u'十'));
    }

    // 长辈模式: every key of every mode at least 80 px.
    void elderlyTargets()
    {
        openSearch("portrait");
        AccessibilitySettings::instance()->setElderlyMode(true);
        QTRY_VERIFY(find("key_q")->height() >= 80);
        typeKeys("yb");
        QTRY_COMPARE(textOf("imeComposing"), QStringLiteral("y'b"));
        QTRY_VERIFY(find("imeCandidate_医保"));
        checkKeys(80);
        shoot("33-ime-elderly");
        tap("mode_handwriting");
        QTRY_VERIFY(find("writingPad"));
        checkKeys(80);
        tap("mode_digits");
        checkKeys(80);
        AccessibilitySettings::instance()->setElderlyMode(false);
    }
};

QTEST_MAIN(ImeFlowTest)
#include "tst_imeflow.moc"
