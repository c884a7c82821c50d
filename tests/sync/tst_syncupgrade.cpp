// A kiosk whose software was upgraded finds its synced catalog built with another
// schema version: it rebuilds the generation in use from the manifest and blobs it
// holds — with the mirror (a real nginx on 127.0.0.1) stopped or its metadata expired —
// into a new generation switched like an update. A missing or damaged blob fails the
// upgrade with a plain reason and leaves the kiosk as it was; the next sync repairs it.
#include "blobstore.h"
#include "cataloggenerations.h"
#include "catalogschema.h"
#include "catalogservice.h"
#include "catalogstore.h"
#include "catalogsynccontroller.h"
#include "session.h"
#include "signedmetadata.h"
#include "syncengine.h"
#include "synckiosk.h"
#include "syncstatus.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace kiosk;

using namespace catalogsync;
using namespace synctest;
using Outcome = SyncReport::Outcome;

namespace {

constexpr int kOlderSchema = content::kCatalogSchemaVersion - 1;

// The software "moves on": the catalog at path carries an older schema version.
void makeOutdated(const QString &catalogPath)
{
    content::SqliteDb db;
    db.open(catalogPath, content::SqliteDb::Mode::ReadWriteCreate);
    db.prepare("UPDATE catalog_meta SET value=?1 WHERE key='schema_version'").bind(1, kOlderSchema).run();
}

// Version 1 synced from nginx, then outdated: this software cannot open it.
void startOutdated(Scenario &s)
{
    START_ON_V1(s);
    makeOutdated(s.kiosk.catalog());
    QCOMPARE(content::CatalogStore::schemaVersionOf(s.kiosk.catalog()), kOlderSchema);
    QVERIFY_THROWS_EXCEPTION(content::SqliteError, content::CatalogStore().open(s.kiosk.catalog()));
    QVERIFY(CatalogUpdater(s.kiosk.root()).currentNeedsUpgrade());
}

#define START_OUTDATED(s)           \
    startOutdated(s);               \
    if (QTest::currentTestFailed()) \
        return;

// What a resident could find: every item id of a catalog, read as the kiosk reads it.
QStringList itemIds(const QString &catalogPath)
{
    content::SqliteDb db;
    db.open(catalogPath, content::SqliteDb::Mode::ReadOnly);
    QStringList ids;
    content::Statement s = db.prepare("SELECT id FROM items ORDER BY id");
    while (s.step())
        ids.append(s.text(0));
    return ids;
}

QString currentDir(const TestKiosk &kiosk) { return CatalogGenerations(kiosk.root()).currentDirectory(); }
QStringList generations(const TestKiosk &kiosk) { return CatalogGenerations(kiosk.root()).generationNames(); }

// The current catalog opens with this software and holds exactly the given items.
void verifyServes(const TestKiosk &kiosk, const QStringList &items)
{
    content::CatalogStore store;
    store.open(kiosk.catalog()); // throws (fails the test) on another schema version
    QCOMPARE(store.meta().value(QStringLiteral("schema_version")).toInt(), content::kCatalogSchemaVersion);
    QCOMPARE(itemIds(kiosk.catalog()), items);
    QCOMPARE(integrityCheck(kiosk.catalog()), QStringLiteral("ok"));
}

// The blob of guides/g-dibao.md in the manifest kept by the generation in use.
QString guideBlobPath(const TestKiosk &kiosk)
{
    QString why;
    const auto env = readEnvelope(readAll(currentDir(kiosk) + QStringLiteral("/manifest.json")), &why);
    const auto m = env ? ManifestMetadata::parse(env->signedBytes, &why) : std::nullopt;
    return m ? BlobStore(kiosk.root()).pathOf(m->files.value(QStringLiteral("guides/g-dibao.md")).sha256)
             : QString();
}

} // namespace

class SyncUpgradeTest : public QObject
{
    Q_OBJECT
private slots:
    void upgradesWithTheMirrorStopped()
    {
        Scenario s;
        START_OUTDATED(s);
        const QString oldDir = currentDir(s.kiosk);
        const QStringList items = itemIds(s.kiosk.catalog());
        QVERIFY(items.size() > 10);
        s.nginx.stop(); // nothing may be fetched

        const SyncReport r = CatalogUpdater(s.kiosk.root()).upgradeCurrent();
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QVERIFY(r.switched);
        QCOMPARE(r.catalogVersion, qint64(1));
        QCOMPARE(r.catalogPath, s.kiosk.catalog());
        QVERIFY(currentDir(s.kiosk) != oldDir);
        QCOMPARE(s.kiosk.version(), qint64(1));
        verifyServes(s.kiosk, items);
        QCOMPARE(s.kiosk.title(), kDibaoTitle);
        // Never modified in place: the old generation is kept as it was until the next switch.
        QVERIFY(QFileInfo::exists(oldDir + QStringLiteral("/catalog.db")));
        QCOMPARE(content::CatalogStore::schemaVersionOf(oldDir + QStringLiteral("/catalog.db")), kOlderSchema);
        QVERIFY(QFileInfo::exists(currentDir(s.kiosk) + QStringLiteral("/manifest.json")));
        QCOMPARE(generations(s.kiosk).size(), 2);
        // Done once: the next look finds nothing to upgrade.
        const SyncReport again = CatalogUpdater(s.kiosk.root()).upgradeCurrent();
        QVERIFY2(again.outcome == Outcome::UpToDate && !again.switched, describe(again));

        // The next switch (a new version) lets the outdated generation go.
        QCOMPARE(s.nginx.start(s.repo.repo()), QString());
        QVERIFY(s.repo.editGuide(QStringLiteral("（第二版）")));
        QCOMPARE(s.repo.publish(2), QString());
        const QString upgradedDir = currentDir(s.kiosk);
        const SyncReport v2 = s.kiosk.sync(s.nginx.url());
        QVERIFY2(v2.outcome == Outcome::Updated, describe(v2));
        QCOMPARE(s.kiosk.version(), qint64(2));
        QVERIFY(!QFileInfo::exists(oldDir));
        QVERIFY(QFileInfo::exists(upgradedDir + QStringLiteral("/catalog.db")));
    }

    void syncUpgradesWhenTheMirrorIsDownOrExpired()
    {
        Scenario s;
        START_OUTDATED(s);
        const QString oldDir = currentDir(s.kiosk);
        const QStringList items = itemIds(s.kiosk.catalog());
        const QString url = s.nginx.url();
        s.nginx.stop();

        // The sync itself fails (unreachable), but the catalog was upgraded first.
        const SyncReport down = s.kiosk.sync(url);
        QVERIFY2(down.outcome == Outcome::Failed, describe(down));
        QCOMPARE(down.problem, QStringLiteral("unreachable"));
        QVERIFY(down.switched);
        QVERIFY(currentDir(s.kiosk) != oldDir);
        verifyServes(s.kiosk, items);

        // Again, with the server up but its signed metadata expired (a frozen source):
        // expiry keeps a new version out, never the kiosk's own catalog.
        makeOutdated(s.kiosk.catalog());
        const QString upgradedDir = currentDir(s.kiosk);
        QCOMPARE(s.nginx.start(s.repo.repo()), QString());
        const SyncReport expired = s.kiosk.sync(s.nginx.url(), 5, QDateTime::currentDateTimeUtc().addDays(30));
        QVERIFY2(expired.outcome == Outcome::Expired, describe(expired));
        QVERIFY(expired.switched);
        QVERIFY(currentDir(s.kiosk) != upgradedDir);
        QVERIFY(QFileInfo::exists(upgradedDir + QStringLiteral("/catalog.db"))); // the previous one stays
        verifyServes(s.kiosk, items);

        // With everything in order, the same version is up to date again.
        const SyncReport fine = s.kiosk.sync(s.nginx.url());
        QVERIFY2(fine.outcome == Outcome::UpToDate && !fine.switched, describe(fine));
    }

    void brokenBlobFailsPlainlyThenSyncRepairs_data()
    {
        QTest::addColumn<bool>("deleted");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("missing") << true << QStringLiteral("missing");
        QTest::newRow("damaged") << false << QStringLiteral("damaged");
    }

    void brokenBlobFailsPlainlyThenSyncRepairs()
    {
        QFETCH(bool, deleted);
        QFETCH(QString, reasonPart);
        Scenario s;
        START_OUTDATED(s);
        const QString oldDir = currentDir(s.kiosk);
        const QStringList before = generations(s.kiosk);
        const QStringList items = itemIds(s.kiosk.catalog());
        const QString blob = guideBlobPath(s.kiosk);
        if (deleted) {
            QVERIFY(QFile::remove(blob));
        } else {
            QByteArray bytes = readAll(blob);
            bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01); // same length, wrong hash
            QVERIFY(writeAll(blob, bytes));
        }
        s.nginx.stop();

        const SyncReport r = CatalogUpdater(s.kiosk.root()).upgradeCurrent();
        QVERIFY2(r.outcome == Outcome::Failed && !r.switched, describe(r));
        QCOMPARE(r.problem, QStringLiteral("upgrade"));
        QVERIFY2(r.reason.contains(reasonPart), describe(r));
        QVERIFY2(r.reason.contains(QLatin1String("next sync")), describe(r));
        QCOMPARE(currentDir(s.kiosk), oldDir); // as it was
        QCOMPARE(generations(s.kiosk), before); // no half-built generation left behind
        QCOMPARE(content::CatalogStore::schemaVersionOf(s.kiosk.catalog()), kOlderSchema);
        // Staff see it, also after a restart.
        const SyncStatusSnapshot status = readSyncStatus(s.kiosk.root(), QDateTime::currentDateTimeUtc(), 0);
        QCOMPARE(status.lastProblem, QStringLiteral("upgrade"));
        QCOMPARE(status.lastError, r.reason);

        // A normal sync with the server up fetches the blob again and rebuilds.
        QCOMPARE(s.nginx.start(s.repo.repo()), QString());
        const SyncReport repaired = s.kiosk.sync(s.nginx.url());
        QVERIFY2(repaired.outcome == Outcome::Updated && repaired.switched, describe(repaired));
        QCOMPARE(repaired.filesDownloaded, 1);
        QVERIFY(QFileInfo::exists(blob));
        QVERIFY(currentDir(s.kiosk) != oldDir);
        QCOMPARE(s.kiosk.version(), qint64(1));
        verifyServes(s.kiosk, items);
        QVERIFY(readSyncStatus(s.kiosk.root(), QDateTime::currentDateTimeUtc(), 0).lastProblem.isEmpty());
    }

    void engineUpgradesOnItsWorkerThread()
    {
        Scenario s;
        START_OUTDATED(s);
        s.nginx.stop();
        SyncEngine engine({s.kiosk.root(), {}, {}, 3600, 21600});
        QThread *progressThread = nullptr;
        bool upgradingSeen = false;
        connect(&engine, &SyncEngine::progressChanged, this, [&](const SyncProgress &p) {
            progressThread = QThread::currentThread();
            upgradingSeen = upgradingSeen || p.phase == SyncProgress::Phase::Upgrading;
        }, Qt::DirectConnection);
        QSignalSpy finished(&engine, &SyncEngine::syncFinished);
        QSignalSpy updated(&engine, &SyncEngine::catalogUpdated);
        QVERIFY(engine.upgradeCatalog());
        QVERIFY(!engine.upgradeCatalog()); // one job at a time
        QVERIFY(finished.wait(120000));
        QVERIFY(progressThread != nullptr && progressThread != QThread::currentThread());
        QVERIFY(upgradingSeen);
        const auto report = finished.first().first().value<SyncReport>();
        QVERIFY2(report.outcome == Outcome::Updated, describe(report));
        QCOMPARE(updated.size(), 1);
        QCOMPARE(updated.first().first().toString(), s.kiosk.catalog());
    }

    // At kiosk start: the catalog does not open, the controller has it rebuilt and the
    // kiosk opens the new one — even while a resident is at the screen, as nothing of
    // the catalog was shown.
    void kioskRebuildsAnOutdatedCatalogAtStart()
    {
        Scenario s;
        START_OUTDATED(s);
        s.nginx.stop();
        const QString outdated = s.kiosk.catalog();
        CatalogService catalog(nullptr);
        Session session({600, 30, 2});
        CatalogSyncController::Settings settings;
        settings.sync.syncRoot = s.kiosk.root();
        CatalogSyncController controller(settings, &catalog, &session);
        controller.start();
        session.touch();
        QVERIFY(session.active());
        QSignalSpy outdatedSeen(&catalog, &CatalogService::catalogOutdated);
        catalog.openCatalog(outdated);
        QTRY_COMPARE_WITH_TIMEOUT(outdatedSeen.size(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(catalog.ready(), 60000); // a rebuild takes seconds
        QCOMPARE(catalog.path(), s.kiosk.catalog());
        QVERIFY(catalog.path() != outdated);
        QCOMPARE(catalog.meta().value(QStringLiteral("schema_version")).toInt(), content::kCatalogSchemaVersion);
        QVERIFY(catalog.problem().isEmpty());
    }
};

QTEST_MAIN(SyncUpgradeTest)
#include "tst_syncupgrade.moc"
