// Catalog generations: the atomic switch between catalogs.
#include "cataloggenerations.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using catalogsync::CatalogGenerations;

class GenerationsTest : public QObject
{
    Q_OBJECT
private slots:
    void noneInstalled()
    {
        QTemporaryDir dir;
        CatalogGenerations g(dir.path());
        QVERIFY(g.currentCatalog().isEmpty());
        QVERIFY(g.generationNames().isEmpty());
    }

    void activateSwitchesAndKeepsPrevious()
    {
        QTemporaryDir dir;
        CatalogGenerations g(dir.path());
        QVERIFY(testsupport::writeFile(dir.filePath("generations/v1/catalog.db"), "one"));
        QVERIFY(testsupport::writeFile(dir.filePath("generations/v2/catalog.db"), "two"));
        QVERIFY(testsupport::writeFile(dir.filePath("generations/v3/catalog.db"), "three"));

        QCOMPARE(g.activate("v1"), QString());
        QCOMPARE(testsupport::readFile(g.currentCatalog()), QStringLiteral("one"));
        QCOMPARE(g.activate("v2"), QString());
        QCOMPARE(testsupport::readFile(g.currentCatalog()), QStringLiteral("two"));
        QVERIFY(QFileInfo(dir.filePath("current")).isSymLink());
        QVERIFY(!QFileInfo::exists(dir.filePath(".current.new")));

        g.pruneKeepingPrevious("v1");
        QCOMPARE(g.generationNames(), (QStringList{"v1", "v2"}));
    }

    void refusesIncompleteOrBadGenerations()
    {
        QTemporaryDir dir;
        CatalogGenerations g(dir.path());
        QVERIFY(testsupport::writeFile(dir.filePath("generations/good/catalog.db"), "good"));
        QVERIFY(QDir().mkpath(dir.filePath("generations/empty")));
        QCOMPARE(g.activate("good"), QString());
        QVERIFY(!g.activate("empty").isEmpty());
        QVERIFY(!g.activate("../good").isEmpty());
        QVERIFY(!g.activate("").isEmpty());
        // A refused switch leaves the current generation in place.
        QCOMPARE(testsupport::readFile(g.currentCatalog()), QStringLiteral("good"));
    }
};

QTEST_GUILESS_MAIN(GenerationsTest)
#include "tst_generations.moc"
