// The on-screen keyboard on a real Qt Quick scene (offscreen, software rendering):
// pinyin typed key by key into the search field through the candidate bar, a
// character drawn on the writing pad with a finger, and what a screen reader and an
// elderly resident get from every key. Screenshots go to
// build/test-output/screens/<orientation>/3x-*.png.
#include "accessibilitysettings.h"
#include "kioskscene.h"
#include "localization.h"
#include "navigator.h"

#include <QAccessible>
#include <functional>
#include <QtTest>

using namespace kiosk;

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
        // The fewest: handwriting with no candidates (4 modes, pad, 重写, 清空, 空格, 删除).
        QVERIFY2(keys.size() >= 9, qPrintable(QString::number(keys.size())));
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

    struct Candidate
    {
        QString word;
        bool fits = false;     // shown on the bar (not held over for the next page)
        bool catalog = false;  // carries the catalog-word mark
    };
    // The candidate buttons on the bar, left to right.
    QList<Candidate> candidateButtons()
    {
        QList<Candidate> out;
        std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
            for (QQuickItem *child : item->childItems()) {
                if (child->objectName().startsWith("imeCandidate_")) {
                    auto *mark = child->findChild<QQuickItem *>("imeCatalogMark");
                    out.append({child->objectName().mid(13), child->property("fits").toBool(),
                                mark && mark->isVisible()});
                } else {
                    walk(child);
                }
            }
        };
        if (QQuickItem *bar = m_scene.find("imeCandidates"))
            walk(bar);
        return out;
    }

private slots:
    void cleanupTestCase() { m_scene.stop(); }

    // Catalog words twelve characters long (示例市…区政务服务中心) do not all fit on the
    // bar: the first that does not is held over and leads the next page, never lost.
    // Catalog words carry their mark, the engine's own words do not.
    void longCandidatesLeadTheNextPage_data() { KioskScene::orientationRows(); }
    void longCandidatesLeadTheNextPage()
    {
        QFETCH(QString, orientation);
        openSearch(orientation);
        QVERIFY(m_scene.typeKeys("sls"));
        QTRY_VERIFY(candidateButtons().value(0).word.startsWith(QStringLiteral("示例市")));
        QVERIFY(candidateButtons().value(0).catalog);
        bool heldOver = false, engineWord = false;
        for (int page = 0; page < 12 && !engineWord; ++page) {
            const QList<Candidate> shown = candidateButtons();
            QVERIFY(!shown.isEmpty() && shown.first().fits);
            for (const Candidate &c : shown)
                engineWord = engineWord || (c.fits && !c.catalog);
            qsizetype firstHidden = -1;
            for (qsizetype i = 0; i < shown.size() && firstHidden < 0; ++i)
                if (!shown[i].fits)
                    firstHidden = i;
            if (!m_scene.find("imeNext") || !m_scene.find("imeNext")->isEnabled())
                break;
            QVERIFY(m_scene.tap("imeNext"));
            if (firstHidden >= 0) {
                heldOver = true;
                QTRY_COMPARE(candidateButtons().value(0).word, shown[firstHidden].word);
            } else {
                QTRY_VERIFY(candidateButtons().value(0).word != shown.first().word);
            }
        }
        QVERIFY2(heldOver, "no candidate was too long for the bar: the test did not test");
        QVERIFY2(engineWord, "no candidate of the pinyin engine came after the catalog's");
    }

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
        // One 删除 key, the same in every mode (there were two in handwriting).
        QCOMPARE(m_scene.sceneTexts().count(m_scene.app()->localization()->text("search.backspace")), 1);
        QVERIFY(m_scene.tap("key_backspace"));
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
