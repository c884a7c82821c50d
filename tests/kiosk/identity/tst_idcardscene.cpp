// Privacy of the ID card in a real kiosk scene. A card is read from the
// idcard-simulator (a process of its own, so the test's memory receives the card
// only through the real driver on its worker thread); the scene shows it masked
// only; a session end and the 清除 button wipe it. Afterwards nothing in the whole
// of the kiosk's writable memory (memoryscan), no file the kiosk wrote (XDG
// data/config/cache, the usage database), no log line of the whole run (every
// category and level) and no text of the QML scene holds the name, the number, the
// address or the issuing authority, in UTF-16, UTF-8 or GB18030 (cardneedles.h).
#include "cardneedles.h"
#include "idcardholder.h"
#include "kioskscene.h"
#include "memoryscan.h"
#include "session.h"
#include "simulatorprocess.h"
#include "testsupport.h"
#include "usagelog.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiosk;

namespace {

bool found(const QList<memoryscan::Hit> &hits, const memoryscan::Needle &n)
{
    for (const memoryscan::Hit &h : hits)
        if (h.label == n.label)
            return true;
    return false;
}
} // namespace

class IdCardSceneTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    SimulatorProcess m_sim;
    KioskScene m_scene;

    void verifySceneHasNoSecrets()
    {
        const QStringList texts = m_scene.sceneTexts();
        QVERIFY(texts.size() > 20); // the walk really saw the scene
        for (const QString &t : texts)
            QVERIFY2(!cardneedles::heldIn(t), qPrintable("scene shows card data: " + t));
    }

    // The held card is in memory (so the scan can fail), in its fields' encoding.
    void verifyScanFindsHeldCard()
    {
        const QList<memoryscan::Hit> hits = memoryscan::scanWritableMemory(cardneedles::asOnCard());
        for (const memoryscan::Needle &n : cardneedles::asOnCard())
            QVERIFY2(found(hits, n), n.label);
    }

    void verifyMemoryHasNoSecrets(const char *when)
    {
        const QList<memoryscan::Hit> hits = memoryscan::scanWritableMemory(cardneedles::all());
        QVERIFY2(hits.isEmpty(), qPrintable(QString::fromLatin1(when) + ": " + memoryscan::describe(hits)));
    }

    IdCardHolder *holder() const { return IdCardHolder::instance(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        // Everything the kiosk may write lands under m_root.
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_root.filePath("xdg-data")));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_root.filePath("xdg-config")));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_root.filePath("xdg-cache")));
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        testsupport::LogCapture::start();

        QString error;
        QVERIFY2(m_sim.start(QStringLiteral(IDCARD_SIMULATOR_BIN), &error), qPrintable(error));
        QVERIFY(m_sim.command("place resident"));
        QDir().mkpath(m_root.filePath("etc"));
        const QString config = m_root.filePath("etc/kiosk.conf");
        QVERIFY(testsupport::writeFile(config, QStringLiteral("[devices]\nid_card_reader = %1\nqr_scanner = none\n")
                                                   .arg(m_sim.ptyPath())));
        m_scene.setScreenshotFolder(QStringLiteral("scan"));
        QVERIFY(m_scene.start(config));
    }

    void cleanupTestCase()
    {
        m_scene.stop();
        testsupport::LogCapture::stop();
    }

    void cardShownMaskedThenWipedAtSessionEnd()
    {
        QTRY_VERIFY_WITH_TIMEOUT(holder()->hasCard(), 15000);
        QVERIFY(memoryscan::equals(holder()->card()->name, cardneedles::name));
        QVERIFY(memoryscan::equals(holder()->card()->idNumber, cardneedles::number));
        QQuickItem *text = m_scene.find(QStringLiteral("idCardText"));
        QVERIFY(text);
        const QString shown = text->property("text").toString();
        QVERIFY2(shown.contains(QStringLiteral("已读取居民身份证")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("张*丰")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("1101**********002X")), qPrintable(shown));
        QVERIFY(m_scene.shoot(QStringLiteral("idcard-read")));
        verifySceneHasNoSecrets();

        // The resident browses with the card held (the usage log writes).
        QVERIFY(m_scene.openItem(QStringLiteral("guide"), QStringLiteral("g-birth-cert")));
        QVERIFY(m_scene.find(QStringLiteral("idCardStrip")));
        m_scene.app()->usageLog()->recordSearch(QStringLiteral("出生证明"), 3, true);
        m_scene.app()->usageLog()->flush();
        verifySceneHasNoSecrets();
        verifyScanFindsHeldCard();

        // A copy sharing the held card's storage, as a queued signal's copy would.
        const device::IdCard shared = *holder()->card();
        QVERIFY(memoryscan::equals(shared.name, cardneedles::name));

        Session::instance()->endNow();
        QVERIFY(m_scene.waitReady(QStringLiteral("home")));
        QVERIFY(!holder()->hasCard());
        QVERIFY(holder()->card() == nullptr);
        QVERIFY(holder()->maskedName().isEmpty());
        // Wiped in place: the shared copy holds none of it any more either.
        QVERIFY(!memoryscan::equals(shared.name, cardneedles::name));
        QVERIFY(!memoryscan::equals(shared.idNumber, cardneedles::number));
        QTRY_VERIFY(!m_scene.find(QStringLiteral("idCardText")));
        verifySceneHasNoSecrets();
        // The kiosk runs on, the reader polling: nothing of the card anywhere in memory.
        QTest::qWait(500);
        verifyMemoryHasNoSecrets("after the session ended");
    }

    void clearButtonWipes()
    {
        // The same card still on the reader is not read again (by design).
        QTest::qWait(800);
        QVERIFY(!holder()->hasCard());
        QVERIFY(m_sim.command("remove"));
        QTest::qWait(700);
        QVERIFY(m_sim.command("place resident"));
        QTRY_VERIFY_WITH_TIMEOUT(holder()->hasCard(), 15000);
        const device::IdCard shared = *holder()->card();
        QVERIFY(m_scene.tap(QStringLiteral("idCardClear")));
        QTRY_VERIFY(!holder()->hasCard());
        QVERIFY(!memoryscan::equals(shared.idNumber, cardneedles::number));
        QVERIFY(m_sim.command("remove"));
        QTest::qWait(500);
        verifyMemoryHasNoSecrets("after 清除");
    }

    // A card that is not a resident ID card is named by its kind, never as 身份证.
    void otherCardsAreNamedByKind()
    {
        QVERIFY(m_sim.command("place J"));
        QTRY_VERIFY_WITH_TIMEOUT(holder()->hasCard(), 15000);
        QTRY_VERIFY(m_scene.find(QStringLiteral("idCardText")));
        const QString shown = m_scene.textOf(QStringLiteral("idCardText"));
        QVERIFY2(shown.contains(QStringLiteral("已读取港澳台居民居住证")), qPrintable(shown));
        QVERIFY2(!shown.contains(QStringLiteral("身份证")), qPrintable(shown));
        QVERIFY(m_scene.tap(QStringLiteral("idCardClear")));
        QTRY_VERIFY(!holder()->hasCard());
        QVERIFY(m_sim.command("remove"));
        QTest::qWait(500);
    }

    void nothingWrittenOrLogged()
    {
        m_scene.stop(); // closes the database and the reader: everything is flushed
        verifyMemoryHasNoSecrets("after the kiosk stopped");
        int files = 0;
        bool sawDatabase = false;
        QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            ++files;
            sawDatabase = sawDatabase || path.endsWith(QLatin1String(".db"));
            QVERIFY2(!cardneedles::heldIn(QByteArrayView(f.readAll())), qPrintable(path + " contains card data"));
        }
        QVERIFY2(sawDatabase, "the kiosk wrote no usage database: the search proved nothing");
        QVERIFY(files >= 2);

        const QStringList log = testsupport::LogCapture::lines();
        QVERIFY(log.size() > 10);
        QVERIFY(log.join('\n').contains(QLatin1String("card accepted")));
        for (const QString &line : log)
            QVERIFY2(!cardneedles::heldIn(line), qPrintable("log line contains card data: " + line));
    }
};

QTEST_MAIN(IdCardSceneTest)
#include "tst_idcardscene.moc"
