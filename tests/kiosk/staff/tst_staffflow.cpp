// The kiosk's catalog sync end to end, on a real Qt Quick scene (offscreen):
//  - a USB stick (a real tmpfs mounted under the configured mount root) carrying a
//    newer signed catalog is noticed by the MountWatcher and imported while a resident
//    reads a guide; the screen keeps the old catalog until the session ends, then
//    shows the new one;
//  - the staff screen opens only after a 3-second press on the corner and the right
//    PIN, and shows the version, the last sync, progress and expiry warnings;
//  - a round of wrong PINs shuts the gate, and a restarted kiosk keeps it shut.
// Screenshots: build/test-output/screens/staff/.
#include "catalogservice.h"
#include "catalogsynccontroller.h"
#include "catalogupdater.h"
#include "kioskscene.h"
#include "speechqueue.h"
#include "localization.h"
#include "mountwatcher.h"
#include "navigator.h"
#include "staffpin.h"
#include "session.h"
#include "staffpingate.h"
#include "staffviewmodel.h"
#include "syncfixture.h"
#include "testsupport.h"
#include "truststore.h"

#include <QProcess>
#include <QtTest>

using namespace kiosk;

using namespace catalogsync;

namespace {
const QString kPin = QStringLiteral("2468013579"); // the shortest kiosk --hash-pin takes
const QString kTitle = QStringLiteral("最低生活保障申请");

bool run(const QString &program, const QStringList &args, QString *err = nullptr)
{
    QProcess p;
    p.start(program, args);
    const bool ok = p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!ok && err)
        *err = QString::fromLocal8Bit(p.readAllStandardError());
    return ok;
}
} // namespace

class StaffFlowTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    synctest::TestRepository m_repo;
    synctest::NginxServer m_nginx;
    KioskScene m_scene;
    QStringList m_mounts;
    bool m_canMount = false;

    QString syncRoot() const { return m_dir.filePath("sync"); }
    QString configFile() const { return m_dir.filePath("kiosk.conf"); }
    QString mediaRoot() const { return m_dir.filePath("media"); }

    bool enterPin(const QString &pin)
    {
        for (const QChar &digit : pin)
            if (!m_scene.tap(QStringLiteral("pinKey_") + digit))
                return false;
        return m_scene.tap(QStringLiteral("pinKey_✓"));
    }

    // A stick as udisks presents it: a filesystem mounted read-only under the kiosk's
    // USB root, with the repository already on it (a bind mount of a prepared folder:
    // the kernel's mount table changes exactly as for a real stick).
    // Without permission to mount, the stick's folder is handed to the controller as
    // the MountWatcher would (the watcher itself is then not covered: said in the log).
    QString plugReadyStick(const QString &name, const QString &repository)
    {
        const QString image = m_dir.filePath(name + "-image");
        QDir().mkpath(image + "/x");
        if (!synctest::copyPreserving(repository, image + "/x/" + MountWatcher::kRepositoryFolder))
            return {};
        if (!m_canMount) {
            qWarning("cannot mount here: the stick is handed over without the MountWatcher");
            m_scene.app()->catalogSync()->importRepository(
                image + "/x", image + "/x/" + MountWatcher::kRepositoryFolder);
            return image + "/x";
        }
        const QString mp = mediaRoot() + '/' + name;
        QDir().mkpath(mp);
        QString err;
        if (!run("mount", {"--bind", "-o", "ro", image + "/x", mp}, &err)) {
            qWarning() << "bind mount failed:" << err;
            return {};
        }
        m_mounts.append(mp);
        return mp;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir().mkpath(mediaRoot());
        QString err;
        QDir().mkpath(m_dir.filePath("probe"));
        m_canMount = run("mount", {"-t", "tmpfs", "-o", "size=1m", "tmpfs", m_dir.filePath("probe")}, &err);
        if (m_canMount)
            run("umount", {m_dir.filePath("probe")});
        else
            qWarning("this machine does not let the test mount filesystems (needs root or "
                     "CAP_SYS_ADMIN); sticks are handed to the controller directly: %s", qPrintable(err));

        // The publisher's side: signed version 1; the kiosk provisioned with its root
        // and synced to version 1 (as deploy/install.sh and a first sync leave it).
        QCOMPARE(m_repo.create(), QString());
        QCOMPARE(m_repo.publish(1), QString());
        QCOMPARE(TrustStore(syncRoot()).installRoot(m_repo.rootFile()), QString());
        LocalMirror first(m_repo.repo());
        const SyncReport r = CatalogUpdater(syncRoot()).update(first, QDateTime::currentDateTimeUtc());
        QVERIFY2(r.outcome == SyncReport::Outcome::Updated, qPrintable(r.reason));

        QCOMPARE(m_nginx.start(m_repo.repo()), QString());
        const QString hash = config::hashPin(kPin);
        QVERIFY(hash.startsWith("$argon2id$"));
        const QString conf = configFile();
        // The kiosk's own storage (usage store, the PIN gate's memory) in this test's folder.
        // The stick is a bind mount, of the type of the folder it shows: any type goes.
        QVERIFY(testsupport::writeFile(conf, QStringLiteral("[sync]\nroot = %1\nusb_mount_roots = %2\n"
                                                           "usb_filesystem_types =\n"
                                                           "expiry_warning_days = 10\nurl = %4\n"
                                                           "[staff]\npin_hash = \"%3\"\n"
                                                           "[storage]\nlocal_database = %5\n")
                                                .arg(syncRoot(), mediaRoot(), hash, m_nginx.url(),
                                                     m_dir.filePath("local/kiosk-local.db"))));
        m_scene.setScreenshotFolder("staff");
        // The catalog is the synced one the settings lead to, not the demo catalog.
        QVERIFY(m_scene.start(KioskApp::Options{conf, QString(), "portrait"}));
        QVERIFY2(m_scene.app()->settingsIssues().isEmpty(),
                 qPrintable(m_scene.app()->settingsIssues().value(0).message));
        QCOMPARE(m_scene.app()->catalogPath(), CatalogUpdater(syncRoot()).currentCatalog());
    }

    void cleanupTestCase()
    {
        m_scene.stop();
        for (const QString &mp : std::as_const(m_mounts))
            run("umount", {"-l", mp});
    }

    // Parsing of the mount table, including the kernel's escapes for spaces.
    void mountTableParsing()
    {
        const QByteArray table =
            "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
            "40 22 8:17 / /media/usb0 ro,nosuid - vfat /dev/sdb1 ro\n"
            "41 22 8:33 / /run/media/kiosk/MY\\040STICK ro - vfat /dev/sdc1 ro\n"
            "42 22 0:5 / /mediax rw - tmpfs tmpfs rw\n"
            "43 22 0:6 / /media rw - tmpfs tmpfs rw\n";
        QCOMPARE(MountWatcher::mountPointsUnder(table, {"/media", "/run/media"}),
                 (QStringList{"/media/usb0", "/run/media/kiosk/MY STICK"}));
    }

    // A resident reads a guide; a stick with version 2 arrives; the guide stays as it
    // was until the visit ends, then the kiosk shows version 2.
    void updateWaitsForTheSessionToEnd()
    {
        CatalogService *catalog = CatalogService::instance();
        const QString v1 = catalog->path();
        QVERIFY(v1.endsWith("/m1/catalog.db"));

        QVERIFY(m_scene.tap("homeButton")); // a resident starts using the kiosk
        QVERIFY(Session::instance()->active());
        Navigator::instance()->openItem("guide", "g-dibao");
        QTRY_COMPARE_WITH_TIMEOUT(m_scene.textOf("guideTitle"), kTitle, 5000);

        QVERIFY(m_repo.editGuide(QStringLiteral("（第二版）")));
        QCOMPARE(m_repo.publish(2), QString());
        QSignalSpy imported(m_scene.app()->catalogSync(), &CatalogSyncController::importFinished);
        QVERIFY(!plugReadyStick("stick2", m_repo.repo()).isEmpty());
        QVERIFY(imported.wait(60000));
        const auto report = imported.first().at(1).value<SyncReport>();
        QVERIFY2(report.outcome == SyncReport::Outcome::Updated, qPrintable(report.reason));
        QVERIFY(!m_scene.app()->catalogSync()->pendingCatalog().isEmpty());

        // Still mid-visit: nothing changes under the resident.
        QTest::qWait(500);
        QCOMPARE(catalog->path(), v1);
        QCOMPARE(m_scene.textOf("guideTitle"), kTitle);
        QVERIFY(QFileInfo::exists(v1)); // the open generation is kept on disk
        QVERIFY(m_scene.shoot("01-guide-during-update"));

        // The visit ends (what the idle timeout does): the new catalog opens.
        Session::instance()->endNow();
        QTRY_VERIFY_WITH_TIMEOUT(catalog->path().endsWith("/m2/catalog.db"), 10000);
        QVERIFY(m_scene.app()->catalogSync()->pendingCatalog().isEmpty());
        Navigator::instance()->openItem("guide", "g-dibao");
        QTRY_COMPARE_WITH_TIMEOUT(m_scene.textOf("guideTitle"),
                                  kTitle + QStringLiteral("（第二版）"), 5000);
        QVERIFY(m_scene.shoot("02-guide-after-session"));
        Session::instance()->endNow();
    }

    // The corner + PIN gate, and the status after the sync above.
    void staffScreenShowsSyncStatus()
    {
        StaffViewModel *staff = StaffViewModel::instance();
        QVERIFY(staff->available());
        QTRY_VERIFY_WITH_TIMEOUT(m_scene.contentReady(), 10000);
        QCOMPARE(staff->stage(), StaffViewModel::Stage::Closed);

        // A short tap on the corner does nothing; neither does a long press elsewhere.
        const QPoint corner(m_scene.window()->width() - 30, 30);
        m_scene.hold(corner, 500);
        QCOMPARE(staff->stage(), StaffViewModel::Stage::Closed);
        m_scene.hold(QPoint(m_scene.window()->width() / 2, m_scene.window()->height() - 40), 3500);
        QCOMPARE(staff->stage(), StaffViewModel::Stage::Closed);
        QVERIFY(!m_scene.find("staffScreen"));

        m_scene.hold(corner, 3500);
        QTRY_COMPARE_WITH_TIMEOUT(staff->stage(), StaffViewModel::Stage::Pin, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(m_scene.find("staffPinPad"), 2000);
        QVERIFY(!m_scene.find("staffStatus"));

        QVERIFY(enterPin("135790"));
        QTRY_COMPARE_WITH_TIMEOUT(staff->pinProblem(), QStringLiteral("staff.pin_wrong"), 10000);
        QCOMPARE(staff->stage(), StaffViewModel::Stage::Pin);
        QVERIFY(!m_scene.find("staffStatus"));
        QVERIFY(m_scene.textOf("pinProblem").contains(QStringLiteral("密码不正确")));
        QVERIFY(m_scene.shoot("03-pin-wrong"));

        QVERIFY(enterPin(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(staff->stage(), StaffViewModel::Stage::Open, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_scene.find("staffStatus"), 2000);
        QTRY_COMPARE_WITH_TIMEOUT(staff->catalogVersion(), 2, 5000);
        QVERIFY2(m_scene.textOf("catalogVersionText").contains(QStringLiteral("版本 2")),
                 qPrintable(m_scene.textOf("catalogVersionText")));
        QVERIFY2(m_scene.textOf("lastSuccessText").contains(QStringLiteral("上次成功同步")),
                 qPrintable(m_scene.textOf("lastSuccessText")));
        QVERIFY(!m_scene.find("problemText"));
        // The voice's output as the speech thread found it (this machine may or may not
        // have one): said in staff's words, with the reason when there is none.
        QTRY_VERIFY_WITH_TIMEOUT(!m_scene.app()->speech()->unavailableReason().contains(u"being opened"), 10000);
        if (staff->soundAvailable()) {
            QCOMPARE(m_scene.textOf("soundText"), QStringLiteral("声音输出：正常"));
            QVERIFY(!m_scene.find("soundDetailText"));
        } else {
            QVERIFY2(m_scene.textOf("soundText").startsWith(QStringLiteral("声音输出：不可用")),
                     qPrintable(m_scene.textOf("soundText")));
            QVERIFY2(m_scene.textOf("soundDetailText").contains(staff->soundProblem())
                         && !staff->soundProblem().isEmpty(),
                     qPrintable(m_scene.textOf("soundDetailText")));
        }
        // The test repository's timestamp expires in 7 days; the kiosk warns 10 days ahead.
        QTRY_VERIFY_WITH_TIMEOUT(m_scene.find("warningText"), 2000);
        QVERIFY2(m_scene.textOf("warningText").contains(QStringLiteral("目录时间戳")),
                 qPrintable(m_scene.textOf("warningText")));
        QVERIFY(m_scene.shoot("04-status"));

        // A stick signed with keys this kiosk does not trust: refused, in plain words.
        synctest::TestRepository other; // different keys: fails verification
        QCOMPARE(other.create(), QString());
        QCOMPARE(other.publish(3), QString());
        QSignalSpy imported(m_scene.app()->catalogSync(), &CatalogSyncController::importFinished);
        QVERIFY(!plugReadyStick("stick-forged", other.repo()).isEmpty());
        QVERIFY(imported.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(m_scene.find("problemText"), 5000);
        QVERIFY2(m_scene.textOf("problemText").contains(QStringLiteral("安全校验")),
                 qPrintable(m_scene.textOf("problemText")));
        // The log's English detail is kept, under its own label, not in the sentence.
        const QString detail = m_scene.textOf("problemDetailText");
        QVERIFY2(detail.startsWith(m_scene.app()->localization()->text("staff.technical_detail")) &&
                     detail.size() > m_scene.app()->localization()->text("staff.technical_detail").size() + 2,
                 qPrintable(detail));
        QVERIFY(!m_scene.textOf("problemText").contains(staff->problemDetail()));
        QCOMPARE(staff->catalogVersion(), 2);
        QVERIFY(m_scene.shoot("05-status-rejected"));

        QVERIFY(m_scene.tap("staffCloseButton"));
        QTRY_COMPARE_WITH_TIMEOUT(staff->stage(), StaffViewModel::Stage::Closed, 2000);
        QVERIFY(!m_scene.find("staffScreen"));
    }

    // Progress is shown while an import runs (a bigger catalog so it takes a moment).
    void staffScreenShowsProgress()
    {
        StaffViewModel *staff = StaffViewModel::instance();
        const QString big = m_repo.sources() + "/guides/g-dibao.md";
        QString body = testsupport::readFile(big);
        QVERIFY(!body.isEmpty());
        // Large, incompressible-ish additions to many items: a few MB of new blobs.
        QDir guides(m_repo.sources() + "/guides");
        int edited = 0;
        for (const QString &f : guides.entryList({"*.md"})) {
            QString text = testsupport::readFile(guides.filePath(f));
            QString extra;
            for (int i = 0; i < 4000; ++i)
                extra += QStringLiteral("补充说明%1。").arg(i * 7919 + edited);
            text += "\n" + extra + "\n";
            QVERIFY(testsupport::writeFile(guides.filePath(f), text));
            ++edited;
        }
        QCOMPARE(m_repo.publish(4), QString());
        m_scene.hold(QPoint(m_scene.window()->width() - 30, 30), 3500);
        QTRY_COMPARE_WITH_TIMEOUT(staff->stage(), StaffViewModel::Stage::Pin, 2000);
        QVERIFY(enterPin(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(staff->stage(), StaffViewModel::Stage::Open, 10000);

        QSignalSpy progress(staff, &StaffViewModel::progressChanged);
        double mostBytesShown = 0;
        int mostFilesShown = 0;
        connect(staff, &StaffViewModel::progressChanged, this, [&] {
            mostBytesShown = std::max(mostBytesShown, staff->bytesDone());
            mostFilesShown = std::max(mostFilesShown, staff->filesTotal());
        });
        QSignalSpy imported(m_scene.app()->catalogSync(), &CatalogSyncController::importFinished);
        QVERIFY(!plugReadyStick("stick4", m_repo.repo()).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(staff->running(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_scene.find("progressCard"), 5000);
        QVERIFY(m_scene.textOf("progressText").contains(QStringLiteral("U盘")));
        QVERIFY(m_scene.textOf("progressText").contains(QStringLiteral("stick4")) || !m_canMount);
        QVERIFY(m_scene.shoot("06-progress"));
        QVERIFY(imported.wait(120000));
        QVERIFY(progress.count() >= 2);
        QVERIFY2(mostBytesShown > 1e6, qPrintable(QString::number(mostBytesShown)));
        QVERIFY(mostFilesShown > 10);
        disconnect(staff, &StaffViewModel::progressChanged, this, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(!staff->running(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(staff->catalogVersion(), 4, 5000);
        // Staff are still in their session: the switch waits, and says so.
        QVERIFY(staff->pendingSwitch());
        QTRY_VERIFY_WITH_TIMEOUT(m_scene.find("pendingText"), 2000);
        QVERIFY(m_scene.shoot("07-after-import"));
        QVERIFY(m_scene.tap("staffCloseButton"));
        QTRY_VERIFY_WITH_TIMEOUT(CatalogService::instance()->path().endsWith("/m4/catalog.db"), 10000);
    }

    // Staff start a network sync (nginx on 127.0.0.1) from the screen.
    void staffSyncNowOverNetwork()
    {
        StaffViewModel *staff = StaffViewModel::instance();
        QVERIFY(staff->networkEnabled());
        QVERIFY(m_repo.editGuide(QStringLiteral("（网络）")));
        QCOMPARE(m_repo.publish(5), QString());
        m_scene.hold(QPoint(m_scene.window()->width() - 30, 30), 3500);
        QTRY_COMPARE_WITH_TIMEOUT(staff->stage(), StaffViewModel::Stage::Pin, 2000);
        QVERIFY(enterPin(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(staff->stage(), StaffViewModel::Stage::Open, 10000);
        QSignalSpy finished(m_scene.app()->catalogSync()->engine(), &SyncEngine::syncFinished);
        m_nginx.clearAccessLog();
        QVERIFY(m_scene.tap("syncNowButton"));
        QVERIFY(finished.wait(120000));
        QVERIFY(!m_nginx.accessLog().isEmpty()); // it really went over the network
        QTRY_COMPARE_WITH_TIMEOUT(staff->catalogVersion(), 5, 5000);
        QVERIFY(!m_scene.find("problemText"));
        QVERIFY(m_scene.textOf("sourceText").contains(QStringLiteral("已开启")));
        QVERIFY(m_scene.shoot("08-network-sync"));
        QVERIFY(m_scene.tap("staffCloseButton"));
        QTRY_VERIFY_WITH_TIMEOUT(CatalogService::instance()->path().endsWith("/m5/catalog.db"), 10000);
        Navigator::instance()->openItem("guide", "g-dibao");
        QTRY_VERIFY_WITH_TIMEOUT(m_scene.textOf("guideTitle").contains(QStringLiteral("（网络）")),
                                 5000);
    }

    // Five wrong PINs shut the gate; restarting the kiosk (what a power cut does)
    // does not open it, not even for the right PIN. Last: the gate stays shut.
    void lockoutSurvivesARestart()
    {
        StaffViewModel *staff = StaffViewModel::instance();
        m_scene.hold(QPoint(m_scene.window()->width() - 30, 30), 3500);
        QTRY_COMPARE_WITH_TIMEOUT(staff->stage(), StaffViewModel::Stage::Pin, 2000);
        for (int i = 0; i < StaffPinGate::kWrongPinsPerRound; ++i) {
            QVERIFY(enterPin(QStringLiteral("1111111111")));
            QTRY_COMPARE_WITH_TIMEOUT(staff->stage(), StaffViewModel::Stage::Pin, 10000);
        }
        QCOMPARE(staff->pinProblem(), QStringLiteral("staff.pin_locked"));
        QCOMPARE(staff->pinLockedMinutes(), int(StaffPinGate::kFirstLockoutSeconds / 60));
        QVERIFY2(m_scene.textOf("pinProblem").contains(QStringLiteral("请5分钟后再试")),
                 qPrintable(m_scene.textOf("pinProblem")));
        QVERIFY(m_scene.shoot("09-pin-locked"));

        QVERIFY(m_scene.start(KioskApp::Options{configFile(), QString(), "portrait"}));
        staff = StaffViewModel::instance();
        QCOMPARE(staff->stage(), StaffViewModel::Stage::Closed);
        m_scene.hold(QPoint(m_scene.window()->width() - 30, 30), 3500);
        QTRY_COMPARE_WITH_TIMEOUT(staff->stage(), StaffViewModel::Stage::Pin, 2000);
        QVERIFY(enterPin(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(staff->pinProblem(), QStringLiteral("staff.pin_locked"), 10000);
        QCOMPARE(staff->stage(), StaffViewModel::Stage::Pin);
        QVERIFY(!m_scene.find("staffStatus"));
        QVERIFY(m_scene.shoot("10-pin-locked-after-restart"));
    }
};

QTEST_MAIN(StaffFlowTest)
#include "tst_staffflow.moc"
