// Sources that try to stop a kiosk's updates rather than slip content past it: a stick
// with a FIFO, device link or symbolic link where a file belongs, a server or stick
// that delivers a trickle, a stuck network sync a staff member's stick must not wait
// behind, and a blob damaged in the kiosk's own store. Each must end in bounded time
// with plain words, leave the kiosk serving what it served, and let the next sync work.
#include "catalogsynccontroller.h"
#include "catalogservice.h"
#include "session.h"
#include "signedmetadata.h"
#include "synckiosk.h"
#include "truststore.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QtTest>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

using namespace kiosk;

using namespace catalogsync;
using namespace synctest;
using Outcome = SyncReport::Outcome;

namespace {

constexpr int kBoundMs = 20000; // far above what a bounded refusal takes (well under 1 s)

// Runs a sync off the test thread; if it is still blocked after kBoundMs (the old
// behaviour: open() of a FIFO waits for a writer forever), `release` unblocks it so
// that the test can end, and the result says it hung.
SyncReport boundedSync(const std::function<SyncReport()> &sync, const std::function<void()> &release,
                       bool *hung)
{
    auto running = std::async(std::launch::async, sync);
    *hung = running.wait_for(std::chrono::milliseconds(kBoundMs)) != std::future_status::ready;
    if (*hung)
        release();
    return running.get();
}

// Opens and closes the write end of a FIFO: a reader blocked in open() gets EOF.
void releaseFifo(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd >= 0)
        ::close(fd);
}

// How many different blobs a version's manifest names (what a first sync downloads).
int blobCount(const QString &repo, qint64 version)
{
    QString why;
    const auto env = readEnvelope(readAll(repo + QStringLiteral("/%1.manifest.json").arg(version)), &why);
    const auto m = env ? ManifestMetadata::parse(env->signedBytes, &why) : std::nullopt;
    QSet<QString> hashes;
    if (m)
        for (const PinnedFile &p : m->files)
            hashes.insert(p.sha256);
    return int(hashes.size());
}

PinnedFile pinOf(const QString &repo, qint64 version, const QString &source)
{
    QString why;
    const auto env = readEnvelope(readAll(repo + QStringLiteral("/%1.manifest.json").arg(version)), &why);
    const auto m = env ? ManifestMetadata::parse(env->signedBytes, &why) : std::nullopt;
    return m ? m->files.value(source) : PinnedFile{};
}

// A stick that gets slower and slower (a failing flash chip): each chunk takes 50 ms.
class CrawlingStick : public LocalMirror
{
public:
    explicit CrawlingStick(const QString &dir) : LocalMirror(dir, QStringLiteral("USB stick"))
    {
        onBytes = [](qint64) { QThread::msleep(50); };
    }
};

} // namespace

class SyncHostileTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        for (const char *v : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"})
            qunsetenv(v);
    }

    // A stick holding a FIFO (or a link to a device, or a linked folder) where a
    // repository file belongs: refused at once, and the next import is not refused
    // with "another catalog update is already running".
    void nonRegularFilesOnAStick_data()
    {
        QTest::addColumn<QString>("where"); // which file of the v2 stick is replaced
        QTest::addColumn<QString>("what");  // fifo | device-link | linked-folder
        QTest::newRow("fifo as the next root") << "2.root.json" << "fifo";
        QTest::newRow("fifo as the timestamp") << "timestamp.json" << "fifo";
        QTest::newRow("fifo as the manifest") << "2.manifest.json" << "fifo";
        QTest::newRow("fifo as a blob") << "blob" << "fifo";
        QTest::newRow("link to /dev/zero as a blob") << "blob" << "device-link";
        QTest::newRow("blobs folder is a link") << "blobs" << "linked-folder";
    }
    void nonRegularFilesOnAStick()
    {
        QFETCH(QString, where);
        QFETCH(QString, what);
        TestRepository repo;
        TestKiosk kiosk;
        IMPORT_V1(repo, kiosk);
        QVERIFY(repo.editGuide(QStringLiteral("（U盘）")));
        QCOMPARE(repo.publish(2), QString());
        QTemporaryDir sticks;
        const QString stick = sticks.filePath("hostile");
        QVERIFY(repo.snapshot(stick));

        const QString blob = "blobs/" + pinOf(repo.repo(), 2, "guides/g-dibao.md").sha256;
        const QString target = stick + '/' + (where == "blob" ? blob : where);
        QVERIFY(QFile::remove(target) || where == "2.root.json" || where == "blobs");
        if (where == "blobs") {
            QVERIFY(QDir().rename(stick + "/blobs", sticks.filePath("elsewhere")));
            QVERIFY(QFile::link(sticks.filePath("elsewhere"), stick + "/blobs"));
        } else if (what == "fifo") {
            QCOMPARE(::mkfifo(QFile::encodeName(target).constData(), 0644), 0);
        } else {
            QVERIFY(QFile::link("/dev/zero", target));
        }

        bool hung = false;
        const SyncReport r = boundedSync([&] { return kiosk.import(stick); }, [&] { releaseFifo(target); }, &hung);
        QVERIFY2(!hung, "the import blocked on the stick's file");
        QVERIFY2(r.outcome == Outcome::Rejected, describe(r));
        QCOMPARE(r.problem, QStringLiteral("bad_stick"));
        QVERIFY2(r.reason.contains("not a regular file"), describe(r));
        QCOMPARE(kiosk.version(), 1);
        QCOMPARE(kiosk.title(), kDibaoTitle);

        // The publisher's own stick goes in next, and works.
        const SyncReport next = kiosk.import(repo.repo());
        QVERIFY2(next.outcome == Outcome::Updated, describe(next));
        QCOMPARE(kiosk.version(), 2);
    }

    // A stick that crawls is stopped by the sync's deadline; what arrived stays for
    // the next import.
    void crawlingStickIsBoundedInTime()
    {
        TestRepository repo;
        QCOMPARE(repo.create(), QString());
        QCOMPARE(repo.publish(1), QString());
        TestKiosk kiosk;
        QCOMPARE(kiosk.trust(repo.rootFile()), QString());
        CrawlingStick stick(repo.repo());
        stick.setBudget(QDeadlineTimer(1500), nullptr);
        QElapsedTimer took;
        took.start();
        const SyncReport r = CatalogUpdater(kiosk.root()).update(stick, QDateTime::currentDateTimeUtc());
        QVERIFY2(r.outcome == Outcome::Failed && r.problem == QLatin1String("slow"), describe(r));
        QVERIFY2(r.reason.contains("longer than a catalog update may take"), describe(r));
        QVERIFY2(took.elapsed() < 10000, qPrintable(QString::number(took.elapsed())));
        QCOMPARE(kiosk.version(), 0);
        QVERIFY(r.filesDownloaded > 0); // kept: the next import continues from there
        const SyncReport next = kiosk.import(repo.repo());
        QVERIFY2(next.outcome == Outcome::Updated, describe(next));
        QCOMPARE(r.filesDownloaded + next.filesDownloaded, blobCount(repo.repo(), 1));
    }

    // A server sending a byte every 0.4 s never stalls, so a stall timeout never ends
    // it; the per-file budget (declared length at the slowest acceptable rate) does.
    void tricklingServerIsGivenUp_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("bySyncDeadline");
        QTest::newRow("timestamp, per-file bound") << "timestamp.json" << false;
        QTest::newRow("blob, per-file bound") << "blob" << false;
        QTest::newRow("timestamp, the sync's deadline") << "timestamp.json" << true;
    }
    void tricklingServerIsGivenUp()
    {
        QFETCH(QString, file);
        QFETCH(bool, bySyncDeadline);
        Scenario s;
        START_ON_V1(s);
        QVERIFY(s.repo.editGuide(QStringLiteral("（慢）")));
        QCOMPARE(s.repo.publish(2), QString());
        FaultProxy proxy(s.nginx.port());
        const QString suffix = file == "blob" ? pinOf(s.repo.repo(), 2, "guides/g-dibao.md").sha256 : file;
        proxy.setFault(FaultProxy::Fault::Trickle, suffix, 400, 100);

        HttpOptions http;
        http.connectTimeoutSeconds = 5;
        http.stallTimeoutSeconds = 5; // never reached: a byte comes every 0.4 s
        http.graceSeconds = bySyncDeadline ? 600 : 2;
        http.minBytesPerSecond = bySyncDeadline ? 1 : 1024 * 1024;
        QElapsedTimer took;
        took.start();
        bool hung = false;
        const SyncReport r = boundedSync(
            [&] {
                HttpMirror mirror(QUrl(proxy.url()), http);
                if (bySyncDeadline)
                    mirror.setBudget(QDeadlineTimer(3000), nullptr);
                return CatalogUpdater(s.kiosk.root()).update(mirror, QDateTime::currentDateTimeUtc());
            },
            [] {}, &hung);
        QVERIFY2(!hung, "a trickling server held the sync");
        QVERIFY2(r.outcome == Outcome::Failed && r.problem == QLatin1String("slow"), describe(r));
        QVERIFY2(r.reason.contains(bySyncDeadline ? "longer than a catalog update may take" : "too slowly"),
                 describe(r));
        QVERIFY2(took.elapsed() < 12000, qPrintable(QString::number(took.elapsed())));
        QCOMPARE(s.kiosk.version(), 1);
        QCOMPARE(s.kiosk.title(), kDibaoTitle);

        // Once the server behaves, the same kiosk updates.
        const SyncReport next = s.kiosk.sync(s.nginx.url());
        QVERIFY2(next.outcome == Outcome::Updated, describe(next));
        QCOMPARE(s.kiosk.version(), 2);
    }

    // Staff insert a stick while the network sync crawls: the network sync stops and
    // the stick is imported at once, not after hours.
    void stickDoesNotWaitBehindAStuckNetworkSync()
    {
        Scenario s;
        START_ON_V1(s);
        QVERIFY(s.repo.editGuide(QStringLiteral("（U盘优先）")));
        QCOMPARE(s.repo.publish(2), QString());
        FaultProxy proxy(s.nginx.port());
        proxy.setFault(FaultProxy::Fault::Trickle, "timestamp.json", 400, 100);

        CatalogService catalog(nullptr);
        Session session({600, 30, 2});
        CatalogSyncController::Settings settings;
        settings.sync.syncRoot = s.kiosk.root();
        settings.sync.repositoryUrl = QUrl(proxy.url());
        settings.sync.http.stallTimeoutSeconds = 30; // the defaults a kiosk runs with
        CatalogSyncController controller(settings, &catalog, &session);
        QSignalSpy finished(&controller, &CatalogSyncController::importFinished);
        QSignalSpy syncs(controller.engine(), &SyncEngine::syncFinished);
        QVERIFY(controller.syncNow());
        QTRY_VERIFY_WITH_TIMEOUT(proxy.faultsInjected() >= 1, 10000);
        QTest::qWait(1000); // the network sync is now crawling through the timestamp

        QElapsedTimer took;
        took.start();
        controller.importRepository(QStringLiteral("/media/kiosk-usb/sdb1"), s.repo.repo());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kBoundMs);
        QVERIFY2(took.elapsed() < 10000, qPrintable(QString::number(took.elapsed())));
        const auto network = syncs.first().first().value<SyncReport>();
        QVERIFY2(network.problem == QLatin1String("stopped"), describe(network));
        const auto imported = finished.first().at(1).value<SyncReport>();
        QVERIFY2(imported.outcome == Outcome::Updated, describe(imported));
        QCOMPARE(s.kiosk.version(), 2);
    }

    // A stored blob of the wrong length (the kiosk's disk lost data) counts as absent,
    // is downloaded again and replaces the damaged entry; staff are told.
    void damagedStoredBlobIsReplaced()
    {
        Scenario s;
        START_ON_V1(s);
        const PinnedFile unchanged = pinOf(s.repo.repo(), 1, "catalog.yaml");
        QVERIFY(!unchanged.sha256.isEmpty());
        const QString stored = s.kiosk.root() + "/blobs/" + unchanged.sha256;
        QVERIFY(QFile::resize(stored, unchanged.length / 2));
        QVERIFY(s.repo.editGuide(QStringLiteral("（修复）")));
        QCOMPARE(s.repo.publish(2), QString());

        const SyncReport r = s.kiosk.sync(s.nginx.url());
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QCOMPARE(r.problem, QStringLiteral("repaired"));
        QVERIFY2(r.warnings.join(' ').contains("damaged"), qPrintable(r.warnings.join(' ')));
        QCOMPARE(r.filesDownloaded, 2); // the edited guide and the damaged file
        QCOMPARE(QFileInfo(stored).size(), unchanged.length);
        QCOMPARE(s.kiosk.version(), 2);
        QCOMPARE(s.kiosk.title(), kDibaoTitle + QStringLiteral("（修复）"));
        QString why;
        const auto state = TrustStore(s.kiosk.root()).state(&why);
        QVERIFY2(state, qPrintable(why));
        QCOMPARE(state->lastProblem, QStringLiteral("repaired")); // what the staff screen shows
    }
};

QTEST_MAIN(SyncHostileTest)
#include "tst_synchostile.moc"
