// Privacy of the ID card in a real kiosk scene. A card is read from the SAM
// simulator over a pseudo-terminal by the real driver on its worker thread; the
// scene shows it masked only; a session end wipes the memory it was held in (the
// shared string buffers are overwritten, not just released). Afterwards no file
// the kiosk wrote (XDG data/config/cache, the usage database), no log line of the
// whole run (every category and level) and no text of the QML scene contains the
// name, the number or the address, in UTF-8, UTF-16 or GB18030.
#include "idcardholder.h"
#include "idcardsimulator.h"
#include "kioskscene.h"
#include "session.h"
#include "simcards.h"
#include "testsupport.h"
#include "usagelog.h"

#include <QDirIterator>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>
#include <mutex>

namespace {
std::mutex g_logMutex;
QStringList g_log;
void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    std::lock_guard lock(g_logMutex);
    g_log << QString::fromUtf8(context.category ? context.category : "") + QLatin1Char(' ') + message;
}

const device::simcards::Resident kPerson;

QList<QByteArray> encodings(const QString &s)
{
    QStringEncoder gb("GB18030");
    return {s.toUtf8(), QByteArray(reinterpret_cast<const char *>(s.utf16()), s.size() * 2), gb.encode(s)};
}
} // namespace

class IdCardSceneTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    device::IdCardSimulator m_sim;
    KioskScene m_scene;
    QtMessageHandler m_previous = nullptr;

    QStringList secrets() const { return {kPerson.name, kPerson.idNumber, kPerson.address}; }

    void verifySceneHasNoSecrets()
    {
        const QStringList texts = m_scene.sceneTexts();
        QVERIFY(texts.size() > 20); // the walk really saw the scene
        for (const QString &t : texts)
            for (const QString &secret : secrets())
                QVERIFY2(!t.contains(secret), qPrintable("scene shows card data: " + t));
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
        m_previous = qInstallMessageHandler(capture);

        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        m_sim.placeCard(device::simcards::resident(kPerson), device::simcards::photo());
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
        qInstallMessageHandler(m_previous);
    }

    void cardShownMaskedThenWipedAtSessionEnd()
    {
        QTRY_VERIFY_WITH_TIMEOUT(holder()->hasCard(), 15000);
        QQuickItem *text = m_scene.find(QStringLiteral("idCardText"));
        QVERIFY(text);
        const QString shown = text->property("text").toString();
        QVERIFY2(shown.contains(QStringLiteral("已读取身份证")), qPrintable(shown));
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

        // A copy sharing the held card's buffers, as a queued signal's copy would.
        const device::IdCard shared = *holder()->card();
        QCOMPARE(shared.name, kPerson.name);
        QCOMPARE(shared.idNumber, kPerson.idNumber);

        Session::instance()->endNow();
        QVERIFY(m_scene.waitReady(QStringLiteral("home")));
        QVERIFY(!holder()->hasCard());
        QVERIFY(holder()->card() == nullptr);
        QVERIFY(holder()->maskedName().isEmpty());
        // Overwritten in place: the shared copy no longer holds the data.
        QVERIFY(!shared.name.contains(kPerson.name.left(1)));
        QVERIFY(!shared.idNumber.contains(QStringLiteral("1101")));
        QVERIFY(!shared.address.contains(QStringLiteral("示例路")));
        QTRY_VERIFY(!m_scene.find(QStringLiteral("idCardText")));
        verifySceneHasNoSecrets();
    }

    void clearButtonWipes()
    {
        // The same card still on the reader is not read again (by design).
        QTest::qWait(800);
        QVERIFY(!holder()->hasCard());
        m_sim.removeCard();
        QTest::qWait(700);
        m_sim.placeCard(device::simcards::resident(kPerson), device::simcards::photo());
        QTRY_VERIFY_WITH_TIMEOUT(holder()->hasCard(), 15000);
        const device::IdCard shared = *holder()->card();
        QVERIFY(m_scene.tap(QStringLiteral("idCardClear")));
        QTRY_VERIFY(!holder()->hasCard());
        QVERIFY(!shared.idNumber.contains(QStringLiteral("1101")));
    }

    void nothingWrittenOrLogged()
    {
        m_scene.stop(); // closes the database and the reader: everything is flushed
        int files = 0;
        bool sawDatabase = false;
        QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray bytes = f.readAll();
            ++files;
            sawDatabase = sawDatabase || path.endsWith(QLatin1String(".db"));
            for (const QString &secret : secrets())
                for (const QByteArray &needle : encodings(secret))
                    QVERIFY2(!bytes.contains(needle), qPrintable(path + " contains card data"));
        }
        QVERIFY2(sawDatabase, "the kiosk wrote no usage database: the search proved nothing");
        QVERIFY(files >= 2);

        std::lock_guard lock(g_logMutex);
        QVERIFY(g_log.size() > 10);
        QVERIFY(g_log.join('\n').contains(QLatin1String("card accepted")));
        for (const QString &line : std::as_const(g_log))
            for (const QString &secret : secrets())
                QVERIFY2(!line.contains(secret), qPrintable("log line contains card data: " + line));
    }
};

QTEST_MAIN(IdCardSceneTest)
#include "tst_idcardscene.moc"
