// The on-screen keyboard on a real Qt Quick scene (offscreen, software rendering):
// pinyin typed key by key into the search field through the candidate bar, a
// character drawn on the writing pad with a finger, and what a screen reader and an
// elderly resident get from every key. Screenshots go to
// build/test-output/screens/<orientation>/3x-*.png.
#include "accessibilitysettings.h"
#include "kioskscene.h"
#include "navigator.h"

#include <QAccessible>
#include <QtTest>

class ImeFlowTest : public QObject
{
    Q_OBJECT

    KioskScene m_scene;

    void openSearch(const QString &orientation)
    {
        QVERIFY(m_scene.start(QString(), orientation));
        Navigator::instance()->open("search", {});
        QVERIFY(m_scene.waitReady("search"));
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
        QQuickItem *keyboard = m_scene.find("keyboard");
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
    void cleanupTestCase() { m_scene.stop(); }

    // 拼音: letters compose in the candidate bar, not in the field; the chosen word
    // goes into the search field and the results follow.
    void pinyinIntoSearch_data() { KioskScene::orientationRows(); }
    void pinyinIntoSearch()
    {
        QFETCH(QString, orientation);
        openSearch(orientation);
        QVERIFY(m_scene.find("mode_pinyin")->property("selected").toBool());
        const QString placeholder = m_scene.textOf("searchQuery");

        QVERIFY(m_scene.typeKeys("yb"));
        QTRY_COMPARE(m_scene.textOf("imeComposing"), QStringLiteral("y'b"));
        QTRY_VERIFY(m_scene.find("imeCandidate_医保"));
        QCOMPARE(m_scene.textOf("searchQuery"), placeholder); // still composing
        // Catalog words first: the first candidate names something the kiosk has.
        QQuickItem *first = m_scene.find("imeCandidate_医保");
        QVERIFY(first->property("primary").toBool());
        checkKeys(64);
        QVERIFY(m_scene.shoot("30-ime-pinyin-initials"));

        // Paging shows other candidates and comes back.
        QVERIFY(m_scene.tap("imeNext"));
        QTRY_VERIFY(!m_scene.find("imeCandidate_医保"));
        QVERIFY(m_scene.find("imePrevious")->isEnabled());
        QVERIFY(m_scene.tap("imePrevious"));
        QTRY_VERIFY(m_scene.find("imeCandidate_医保"));

        // Delete takes back a letter of the pinyin before anything in the field.
        QVERIFY(m_scene.tap("key_backspace"));
        QTRY_COMPARE(m_scene.textOf("imeComposing"), QStringLiteral("y"));
        QVERIFY(m_scene.typeKeys("ibao"));
        QTRY_COMPARE(m_scene.textOf("imeComposing"), QStringLiteral("yi'bao"));
        QTRY_VERIFY(m_scene.find("imeCandidate_医保"));
        QVERIFY(m_scene.tap("imeCandidate_医保"));
        QTRY_COMPARE(m_scene.textOf("searchQuery"), QStringLiteral("医保▏"));
        QTRY_COMPARE(m_scene.textOf("imeComposing"), QString());
        QTRY_VERIFY(m_scene.find("hit_g-medins-transfer"));
        QVERIFY(m_scene.textOf("searchCount").contains(QRegularExpression("\\d")));
        QVERIFY(m_scene.shoot("31-ime-pinyin-committed"));

        // Space takes the first candidate; Delete then works in the field.
        QVERIFY(m_scene.typeKeys("shebao"));
        QTRY_VERIFY(m_scene.find("imeCandidate_社保"));
        QVERIFY(m_scene.tap("key_space"));
        QTRY_COMPARE(m_scene.textOf("searchQuery"), QStringLiteral("医保社保▏"));
        QVERIFY(m_scene.tap("key_backspace"));
        QVERIFY(m_scene.tap("key_backspace"));
        QTRY_COMPARE(m_scene.textOf("searchQuery"), QStringLiteral("医保▏"));

        // 123 and ABC type straight into the field.
        QVERIFY(m_scene.tap("mode_digits"));
        QVERIFY(m_scene.typeKeys("12"));
        QVERIFY(m_scene.tap("mode_abc"));
        QVERIFY(m_scene.typeKeys("ab"));
        QTRY_COMPARE(m_scene.textOf("searchQuery"), QStringLiteral("医保12ab▏"));
        QVERIFY(m_scene.tap("key_clear"));
        QTRY_COMPARE(m_scene.textOf("searchQuery"), placeholder);
    }

    // 手写: strokes drawn with a finger are recognised; the chosen character goes
    // into the field; 重写 empties the pad, 删除 deletes in the field.
    void handwritingIntoSearch_data() { KioskScene::orientationRows(); }
    void handwritingIntoSearch()
    {
        QFETCH(QString, orientation);
        openSearch(orientation);
        QVERIFY(m_scene.tap("mode_handwriting"));
        QQuickItem *pad = m_scene.settled("writingPad");
        QVERIFY(pad);
        QVERIFY(pad->width() >= 6 * 64 - 1 ||
                pad->width() >= m_scene.find("keyboard")->width() / 3);
        QCOMPARE(pad->width(), pad->height());

        m_scene.stroke(pad, {{0.15, 0.48}, {0.85, 0.47}}); // 一
        QTRY_VERIFY(m_scene.find("imeCandidate_一"));
        m_scene.stroke(pad, {{0.5, 0.12}, {0.5, 0.9}}); // 丨: 十
        QTRY_VERIFY(m_scene.find("imeCandidate_十"));
        checkKeys(64);
        QVERIFY(m_scene.shoot("32-ime-handwriting"));
        QVERIFY(m_scene.tap("imeCandidate_十"));
        QTRY_COMPARE(m_scene.textOf("searchQuery"), QStringLiteral("十▏"));
        QTRY_VERIFY(!m_scene.find("imeCandidate_十")); // the pad is ready for the next character

        m_scene.stroke(pad, {{0.15, 0.48}, {0.85, 0.47}});
        QTRY_VERIFY(m_scene.find("imeCandidate_一"));
        QVERIFY(m_scene.tap("key_rewrite"));
        QTRY_VERIFY(!m_scene.find("imeCandidate_一"));
        QVERIFY(m_scene.tap("key_delete"));
        QTRY_VERIFY(m_scene.textOf("searchQuery") != QStringLiteral("十▏"));
        QVERIFY(!m_scene.textOf("searchQuery").contains(u'十'));
    }

    // 长辈模式: every key of every mode at least 80 px.
    void elderlyTargets()
    {
        openSearch("portrait");
        AccessibilitySettings::instance()->setElderlyMode(true);
        QTRY_VERIFY(m_scene.find("key_q")->height() >= 80);
        QVERIFY(m_scene.typeKeys("yb"));
        QTRY_COMPARE(m_scene.textOf("imeComposing"), QStringLiteral("y'b"));
        QTRY_VERIFY(m_scene.find("imeCandidate_医保"));
        checkKeys(80);
        QVERIFY(m_scene.shoot("33-ime-elderly"));
        QVERIFY(m_scene.tap("mode_handwriting"));
        QTRY_VERIFY(m_scene.find("writingPad"));
        checkKeys(80);
        QVERIFY(m_scene.tap("mode_digits"));
        checkKeys(80);
        AccessibilitySettings::instance()->setElderlyMode(false);
    }
};

QTEST_MAIN(ImeFlowTest)
#include "tst_imeflow.moc"
