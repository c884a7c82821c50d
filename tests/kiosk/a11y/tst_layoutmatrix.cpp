// Every screen in every combination a resident can choose — text step × 长辈模式 ×
// high contrast × language — in the orientation of the run, scrolled through page by
// page and audited by LayoutAudit: nothing cut short, nothing running out of its box,
// nothing on top of something else, no control below the mode's minimum, no label
// wrapped inside a word. A failure lists each problem once, with the first combination
// it was seen in, and saves that screen with the problem framed in red to
// build/test-output/screens/layout/<orientation>/. The largest combinations are saved
// too, for people to look at.
#include "accessibilitysettings.h"
#include "kioskscene.h"
#include "layoutaudit.h"
#include "localization.h"
#include "navigator.h"
#include "testsupport.h"

#include <QDir>
#include <QImage>
#include <QMap>
#include <QPainter>
#include <QTemporaryDir>
#include <QtQuickTest/quicktest.h>
#include <QtTest>
#include <functional>

using namespace kiosk;
using testsupport::LayoutAudit;
using testsupport::LayoutProblem;

namespace {

struct Mode {
    QString language;
    bool elderly;
    bool highContrast;
    int step;
    QString name() const
    {
        return QStringLiteral("%1 step %2%3%4")
            .arg(language)
            .arg(step)
            .arg(elderly ? QStringLiteral(" 长辈") : QString())
            .arg(highContrast ? QStringLiteral(" contrast") : QString());
    }
};

struct Seen {
    QString screen;
    QString mode;
    int page;
    LayoutProblem problem;
    int times = 0;
};

} // namespace

class LayoutMatrixTest : public QObject
{
    Q_OBJECT

    KioskScene m_scene;
    QString m_shots;

    // Until the new sizes are laid out: a changed text size polishes the layouts, and
    // one layout's new size can schedule another's polish.
    bool settle()
    {
        QQuickWindow *w = m_scene.window();
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
            if (!QQuickTest::qIsPolishScheduled(w))
                break;
            if (!QQuickTest::qWaitForPolish(w, 2000))
                return false;
        }
        return m_scene.contentReady() || QTest::qWaitFor([&] { return m_scene.contentReady(); }, 10000);
    }

    void apply(const Mode &m)
    {
        AccessibilitySettings *a = m_scene.app()->accessibility();
        m_scene.app()->localization()->setLanguage(m.language);
        a->setElderlyMode(m.elderly);
        a->setHighContrast(m.highContrast);
        a->setTextStep(m.step);
    }

    void save(const QString &name, const QList<QRectF> &frames = {})
    {
        QImage shot = m_scene.window()->grabWindow();
        if (!frames.isEmpty()) {
            QPainter p(&shot);
            p.setPen(QPen(Qt::red, 4));
            for (const QRectF &r : frames)
                p.drawRect(r.adjusted(-3, -3, 3, 3));
        }
        QDir().mkpath(m_shots);
        shot.save(m_shots + u'/' + name + QStringLiteral(".png"));
    }

private slots:
    void cleanupTestCase() { m_scene.stop(); }

    void everyScreenEveryMode_data() { KioskScene::orientationRows(); }
    void everyScreenEveryMode()
    {
        QFETCH(QString, orientation);
        // Every language, however little translated: Uyghur mirrors the window.
        QVERIFY(m_scene.startWithEveryLanguage(orientation));
        m_shots = testsupport::outputDirectory() + QStringLiteral("/screens/layout/") + orientation;
        QDir(m_shots).removeRecursively();

        const auto entry = [this](const char *entry, const char *screen) {
            return [this, entry, screen] {
                return m_scene.tap("homeButton") && m_scene.waitReady("home") && m_scene.tap(entry) &&
                       m_scene.waitReady(QString::fromLatin1(screen));
            };
        };
        const auto item = [this](const char *kind, const char *id) {
            return [this, kind, id] { return m_scene.openItem(kind, id); };
        };
        const struct {
            const char *name;
            std::function<bool()> open;
        } screens[] = {
            {"home", [this] { return m_scene.tap("homeButton") && m_scene.waitReady("home"); }},
            {"stage", [this] {
                 Navigator::instance()->open(QStringLiteral("stage"), {{"id", "stage-p-birth"}});
                 return m_scene.waitReady("stage");
             }},
            {"guide", item("guide", "g-birth-cert")},
            {"policy", item("policy", "p-medins-resident")},
            {"interpretation", item("interpretation", "i-p-medins-resident")},
            {"qa", item("qa", "qa-001")},
            {"gazette", item("gazette", "gz-2024-01")},
            {"point", item("point", "pt-center")},
            {"scenario", item("scenario", "sc-newborn")},
            {"policies", entry("entry_policies", "policies")},
            {"qa-list", entry("entry_qa", "browse")},
            {"points-list", entry("entry_points", "browse")},
            {"search", [this] {
                 return m_scene.tap("searchButton") && m_scene.waitReady("search") && m_scene.tap("mode_abc") &&
                        m_scene.typeKeys("yibao") &&
                        QTest::qWaitFor([&] { return !m_scene.textOf("searchCount").isEmpty(); }, 10000);
             }},
            {"coming", [this] {
                 return m_scene.tap("homeButton") && m_scene.waitReady("home") && m_scene.tap("entry_apply") &&
                        m_scene.waitReady("coming");
             }},
        };

        QList<Mode> modes;
        for (const char *language : {"zh-Hans", "en", "ug"})
            for (bool elderly : {false, true})
                for (bool contrast : {false, true})
                    for (int step = 0; step < m_scene.app()->accessibility()->textSteps(); ++step)
                        modes.append({QString::fromLatin1(language), elderly, contrast, step});

        QMap<QString, Seen> seen; // one entry per distinct problem
        int audits = 0;
        for (const auto &screen : screens) {
            apply(modes.first());
            QVERIFY2(screen.open(), screen.name);
            for (const Mode &mode : modes) {
                apply(mode);
                QVERIFY2(settle(), qPrintable(QStringLiteral("%1, %2").arg(screen.name, mode.name())));
                m_scene.scrollToTop();
                for (int page = 1; page <= 15; ++page) {
                    QVERIFY(settle());
                    ++audits;
                    const int minimum = m_scene.app()->accessibility()->minimumTarget();
                    QList<QRectF> frames;
                    QStringList fresh;
                    for (const LayoutProblem &p : LayoutAudit::audit(m_scene.window(), minimum, page == 1,
                                                                   mode.language == QLatin1String("ug"))) {
                        const QString key = QStringLiteral("%1|%2|%3").arg(screen.name).arg(p.kind).arg(p.what);
                        Seen &s = seen[key];
                        if (s.times++ == 0) {
                            s = {QString::fromLatin1(screen.name), mode.name(), page, p, 1};
                            frames.append(p.where);
                        }
                    }
                    if (!frames.isEmpty() && seen.size() <= 60)
                        save(QStringLiteral("%1-%2-p%3").arg(screen.name, mode.name()).arg(page).replace(u' ', u'_'),
                             frames);
                    if (!m_scene.pageDown())
                        break;
                }
                const bool largest = mode.step == 3 && mode.elderly && mode.highContrast;
                if (largest && mode.language != QLatin1String("ug")) {
                    m_scene.scrollToTop();
                    QVERIFY(settle());
                    save(QStringLiteral("largest-%1-%2").arg(screen.name, mode.language));
                }
            }
        }
        apply(modes.first());

        QStringList report;
        for (const Seen &s : seen)
            report.append(QStringLiteral("%1 (%2, page %3; %4×): %5")
                              .arg(s.screen, s.mode)
                              .arg(s.page)
                              .arg(s.times)
                              .arg(s.problem.toString()));
        qInfo("%d screens × %lld modes: %d pages audited, %lld distinct problems", int(std::size(screens)),
              modes.size(), audits, seen.size());
        // One line per problem (a test message would be cut), and the list next to the
        // screenshots.
        for (const QString &line : report)
            qWarning().noquote() << line;
        QDir().mkpath(m_shots);
        QVERIFY(testsupport::writeFile(m_shots + QStringLiteral("/problems.txt"), report.join(u'\n')));
        QVERIFY2(report.isEmpty(), qPrintable(QStringLiteral("%1 layout problems; the list is in %2/problems.txt")
                                                  .arg(report.size())
                                                  .arg(m_shots)));
    }
};

QTEST_MAIN(LayoutMatrixTest)
#include "tst_layoutmatrix.moc"
