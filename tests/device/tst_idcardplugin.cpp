// ID card reader plugins loaded with dlopen: a test plugin (a real shared library
// built from testidcardplugin.cpp) hands over raw bytes and the kiosk's own parser
// decodes them; the photo is decoded only through the plugin. Errors in words:
// missing file, not a plugin, wrong ABI version, reader that does not open,
// unreadable card.
#include "idcardplugin.h"

#include <QtTest>

using namespace device;

class IdCardPluginTest : public QObject
{
    Q_OBJECT
private slots:
    void readsThroughOurParser()
    {
        QString error;
        auto plugin = IdCardPlugin::load(QStringLiteral(TEST_PLUGIN), &error);
        QVERIFY2(plugin, qPrintable(error));
        QCOMPARE(plugin->name(), QStringLiteral("test-reader"));
        QVERIFY2(plugin->open(QStringLiteral("card"), &error), qPrintable(error));
        IdCard card;
        QCOMPARE(plugin->read(&card, &error), IdCardPlugin::Read::Card);
        QCOMPARE(card.name.view(), QStringLiteral("李四"));
        QCOMPARE(card.idNumber.view(), QStringLiteral("110105199003070025"));
        QCOMPARE(card.idNumberCheck(), IdNumberCheck::Valid);
        QCOMPARE(card.nation, QStringLiteral("回"));
        QCOMPARE(card.gender, Gender::Female);
        QVERIFY(card.validLongTerm);
        QCOMPARE(card.maskedName(), QStringLiteral("李*"));
        QCOMPARE(card.photoWlt.size(), 1024);

        QVERIFY(plugin->canDecodePhoto());
        const auto photo = plugin->decodePhoto(card.photoWlt);
        QVERIFY(photo);
        QCOMPARE(photo->width, 102);
        QCOMPARE(photo->height, 126);
        QCOMPARE(photo->rgb.size(), 102 * 126 * 3);
        QCOMPARE(quint8(photo->rgb.at(2)), quint8(card.photoWlt.at(0)));
        QVERIFY(!plugin->decodePhoto(QByteArray(10, 'x'))); // the plugin refuses, we report none
        card.wipe();
        QVERIFY(card.name.isEmpty() && card.photoWlt.isEmpty());
    }

    void noCardAndUnreadableCard()
    {
        QString error;
        auto plugin = IdCardPlugin::load(QStringLiteral(TEST_PLUGIN), &error);
        QVERIFY(plugin);
        IdCard card;
        QVERIFY(plugin->open(QStringLiteral("empty"), &error));
        QCOMPARE(plugin->read(&card, &error), IdCardPlugin::Read::NoCard);
        QVERIFY(plugin->open(QStringLiteral("broken"), &error));
        QCOMPARE(plugin->read(&card, &error), IdCardPlugin::Read::Failed);
        QCOMPARE(error, QStringLiteral("the card could not be read"));
        QVERIFY(card.name.isEmpty());
        QVERIFY(!plugin->open(QStringLiteral("/dev/ttyUSB9"), &error));
        QVERIFY(error.contains(QLatin1String("does not answer")));
        QCOMPARE(plugin->read(&card, &error), IdCardPlugin::Read::Failed);
    }

    void badPluginsAreRefusedInWords_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing") << "/nonexistent/libreader.so" << "does not exist";
        QTest::newRow("not a library") << QStringLiteral(TEST_SOURCE) << "cannot be loaded";
        QTest::newRow("not a plugin") << QStringLiteral(NOT_A_PLUGIN) << "not an ID card reader plugin";
        QTest::newRow("wrong abi") << QStringLiteral(WRONG_ABI_PLUGIN) << "another kiosk version";
    }
    void badPluginsAreRefusedInWords()
    {
        QFETCH(QString, path);
        QFETCH(QString, says);
        QString error;
        QVERIFY(!IdCardPlugin::load(path, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(IdCardPluginTest)
#include "tst_idcardplugin.moc"
