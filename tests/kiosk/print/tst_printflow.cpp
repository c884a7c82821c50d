// The resident's print flow on a real Qt Quick scene (offscreen), printing through a
// private cupsd with a cups-pdf queue: the print button on a guide, the on-screen
// preview painted by the print renderer, 正在打印… → 已完成 with the PDF read back,
// the per-session page limit from kiosk.conf, and a stopped queue in plain words.
// Screenshots go to build/test-output/screens/print/.
#include "cupsfixture.h"
#include "kioskscene.h"
#include "localization.h"
#include "pdftools.h"
#include "printcontroller.h"
#include "session.h"
#include "testsupport.h"

#include <QAccessible>
#include <QtTest>
#include <unistd.h>

using namespace kiosk;

class PrintFlowTest : public QObject
{
    Q_OBJECT
    CupsFixture m_cups;
    QTemporaryDir m_dir;
    KioskScene m_scene;

    // Every visible control of the print flow has an accessible name and role.
    void checkAccessible(const QString &name, QAccessible::Role role, bool control = true)
    {
        QQuickItem *item = m_scene.find(name);
        QVERIFY2(item, qPrintable(name));
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(item);
        QVERIFY2(a, qPrintable(name + " has no accessible interface"));
        QCOMPARE(a->role(), role);
        QVERIFY2(!a->text(QAccessible::Name).isEmpty(), qPrintable(name + " has no name"));
        if (control)
            QVERIFY2(item->height() >= 64, qPrintable(name + " is too small to touch"));
    }

    QString textOfMessage() { return m_scene.textOf(QStringLiteral("printMessage")); }

    QString say(const QString &key) { return m_scene.app()->localization()->text(key); }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the cups-pdf backend runs only as root (CI runs as root)");
        QVERIFY2(m_cups.start(QStringLiteral("KioskPDF")), qPrintable(m_cups.error()));
        // The kiosk reaches CUPS the libcups way: CUPS_SERVER names our scheduler.
        qputenv("CUPS_SERVER", m_cups.server().toUtf8());
        const QString conf = m_dir.filePath(QStringLiteral("kiosk.conf"));
        QVERIFY(testsupport::writeFile(
            conf, QStringLiteral("[print]\ndocument_queue = KioskPDF\nmax_pages_per_session = 6\n"
                                 "max_pages_per_document = 5\n"
                                 "item_link = https://gk.example.gov.cn/item/%1\n")));
        m_scene.setScreenshotFolder(QStringLiteral("print"));
        QVERIFY(m_scene.start(conf));
        QVERIFY(m_scene.app()->settingsIssues().isEmpty());
    }

    void cleanupTestCase()
    {
        m_scene.stop();
        m_cups.stop();
    }

    void guidePrintsFromPreview()
    {
        PrintController *printing = m_scene.app()->printing();
        QVERIFY(m_scene.openItem(QStringLiteral("guide"), QStringLiteral("g-birth-cert")));
        checkAccessible(QStringLiteral("printButton"), QAccessible::Button);
        QVERIFY(!m_scene.find(QStringLiteral("printSheet")));
        QVERIFY(m_scene.shoot(QStringLiteral("01-guide-with-print-button")));

        QVERIFY(m_scene.tap(QStringLiteral("printButton")));
        QTRY_COMPARE_WITH_TIMEOUT(printing->state(), PrintController::State::Preview, 10000);
        QVERIFY(m_scene.find(QStringLiteral("printSheet")));
        const int pages = printing->previewPages();
        QVERIFY(pages >= 2 && pages <= 6);
        QCOMPARE(printing->message(), say("print.pages").arg(pages));
        checkAccessible(QStringLiteral("printConfirmButton"), QAccessible::Button);
        checkAccessible(QStringLiteral("printCloseButton"), QAccessible::Button);
        // The preview pages are real pages: wait until the first has loaded with ink.
        QQuickItem *list = m_scene.find(QStringLiteral("printPreviewPages"));
        QVERIFY(list);
        QTRY_VERIFY_WITH_TIMEOUT(list->property("count").toInt() == pages, 5000);
        QTest::qWait(1500); // asynchronous page images
        const QImage shot = m_scene.window()->grabWindow();
        const QRectF r = list->mapRectToScene(QRectF(0, 0, list->width(), list->height()));
        const QImage area = shot.copy(r.toAlignedRect());
        int dark = 0;
        for (int y = 0; y < area.height(); y += 3)
            for (int x = 0; x < area.width(); x += 3)
                dark += qGray(area.pixel(x, y)) < 100;
        QVERIFY2(dark > 500, "the preview shows no printed content");
        QVERIFY(m_scene.shoot(QStringLiteral("02-preview")));

        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        QSignalSpy finished(printing, &PrintController::finished);
        QVERIFY(m_scene.tap(QStringLiteral("printConfirmButton")));
        QCOMPARE(printing->state(), PrintController::State::Printing);
        QCOMPARE(printing->message(), say("print.printing"));
        QVERIFY(m_scene.shoot(QStringLiteral("03-printing")));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(printing->state(), PrintController::State::Done);
        QCOMPARE(textOfMessage(), say("print.done"));
        QCOMPARE(printing->pagesPrinted(), pages);
        QVERIFY(m_scene.shoot(QStringLiteral("04-done")));

        // What came out of the printer is the guide, with every page.
        const QString pdf = m_cups.latestOutput(started);
        QVERIFY2(!pdf.isEmpty(), "cups-pdf wrote nothing");
        QCOMPARE(pdftools::pageCount(pdf), pages);
        QVERIFY(pdftools::compactText(pdf).contains(
            pdftools::compact(QStringLiteral("出生医学证明签发"))));
        QFile::remove(pdf);

        QVERIFY(m_scene.tap(QStringLiteral("printCloseButton")));
        QTRY_COMPARE(printing->state(), PrintController::State::Idle);
        QVERIFY(!m_scene.find(QStringLiteral("printSheet")));
    }

    void sessionPageLimitStopsTheNextDocument()
    {
        PrintController *printing = m_scene.app()->printing();
        const int used = printing->pagesPrinted();
        QVERIFY(used > 0);
        // The same guide again fits one document's limit but not what is left.
        QVERIFY(m_scene.openItem(QStringLiteral("guide"), QStringLiteral("g-birth-cert")));
        QVERIFY(m_scene.tap(QStringLiteral("printButton")));
        QTRY_COMPARE_WITH_TIMEOUT(printing->state(), PrintController::State::Preview, 10000);
        const int pages = printing->previewPages();
        QVERIFY2(pages <= 5 && used + pages > 6, "the guide must exceed what is left of the limit");
        QVERIFY(!printing->canConfirm());
        QVERIFY(!m_scene.find(QStringLiteral("printConfirmButton"))); // not offered
        QCOMPARE(textOfMessage(), say("print.problem.session_limit").arg(6).arg(used).arg(pages));
        // The words point at a QR code: it is there, leading to the same item.
        checkAccessible(QStringLiteral("printInsteadQr"), QAccessible::Graphic, false);
        QTest::qWait(1500); // asynchronous page images
        QVERIFY(m_scene.shoot(QStringLiteral("05-session-limit")));
        QVERIFY(m_scene.tap(QStringLiteral("printCloseButton")));
        QTRY_COMPARE(printing->state(), PrintController::State::Idle);
    }

    void documentPageLimitOffersTheQrCode()
    {
        PrintController *printing = m_scene.app()->printing();
        QVERIFY(m_scene.openItem(QStringLiteral("policy"), QStringLiteral("p-dibao")));
        QVERIFY(m_scene.tap(QStringLiteral("printButton")));
        QTRY_COMPARE_WITH_TIMEOUT(printing->state(), PrintController::State::Preview, 10000);
        const int pages = printing->previewPages();
        QVERIFY2(pages > 5, "the policy must be longer than max_pages_per_document");
        QVERIFY(!printing->canConfirm());
        QVERIFY(!m_scene.find(QStringLiteral("printConfirmButton")));
        QCOMPARE(textOfMessage(), say("print.problem.too_long").arg(pages).arg(5));
        QVERIFY(m_scene.find(QStringLiteral("printInsteadQr")));
        QVERIFY(m_scene.tap(QStringLiteral("printCloseButton")));
        QTRY_COMPARE(printing->state(), PrintController::State::Idle);
    }

    void stoppedQueueShowsPlainWords()
    {
        PrintController *printing = m_scene.app()->printing();
        // A new resident: the page allowance starts again.
        Session::instance()->endNow();
        QTRY_COMPARE(printing->pagesPrinted(), 0);
        QVERIFY(m_cups.admin(QStringLiteral("cupsdisable"), {m_cups.queue()}));
        QVERIFY(m_scene.openItem(QStringLiteral("qa"), QStringLiteral("qa-001")));
        QVERIFY(m_scene.tap(QStringLiteral("printButton")));
        QTRY_COMPARE_WITH_TIMEOUT(printing->state(), PrintController::State::Preview, 10000);
        QSignalSpy finished(printing, &PrintController::finished);
        QVERIFY(m_scene.tap(QStringLiteral("printConfirmButton")));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(printing->state(), PrintController::State::Problem);
        const QString expected = say("print.failed").arg(say("print.problem.stopped"));
        QCOMPARE(textOfMessage(), expected);
        QVERIFY(expected.startsWith(QStringLiteral("出现问题")));
        checkAccessible(QStringLiteral("printMessage"), QAccessible::AlertMessage, false);
        QCOMPARE(printing->pagesPrinted(), 0); // nothing came out, nothing is counted
        QVERIFY(m_scene.shoot(QStringLiteral("06-problem")));
        QVERIFY(m_cups.admin(QStringLiteral("cupsenable"), {m_cups.queue()}));
        QVERIFY(m_scene.tap(QStringLiteral("printCloseButton")));
        QTRY_COMPARE(printing->state(), PrintController::State::Idle);
    }

    // CUPS goes away while the kiosk runs: the resident is told, the kiosk goes on.
    void schedulerGoneShowsPlainWords()
    {
        PrintController *printing = m_scene.app()->printing();
        m_cups.stop();
        QVERIFY(m_scene.openItem(QStringLiteral("interpretation"), QStringLiteral("i-p-dibao")));
        QVERIFY(m_scene.tap(QStringLiteral("printButton")));
        QTRY_COMPARE_WITH_TIMEOUT(printing->state(), PrintController::State::Preview, 10000);
        QSignalSpy finished(printing, &PrintController::finished);
        QVERIFY(m_scene.tap(QStringLiteral("printConfirmButton")));
        QVERIFY(finished.wait(30000));
        QCOMPARE(printing->state(), PrintController::State::Problem);
        QCOMPARE(textOfMessage(), say("print.failed").arg(say("print.problem.no_service")));
        QVERIFY(m_scene.tap(QStringLiteral("printCloseButton")));
        QTRY_COMPARE(printing->state(), PrintController::State::Idle);
        // Still serving: the screen answers navigation.
        QVERIFY(m_scene.openItem(QStringLiteral("guide"), QStringLiteral("g-birth-cert")));
    }
};

QTEST_MAIN(PrintFlowTest)
#include "tst_printflow.moc"
