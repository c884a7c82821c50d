// MountWatcher against the kernel's real mount table: filesystems mounted (tmpfs and
// read-only bind mounts, as root may here) under a watched root are reported as they
// appear — with or without the repository folder — and as they go; one already
// mounted when the watcher starts is reported too; mounts elsewhere are not.
// Skips, saying so, where the test may not mount.
#include "mountwatcher.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using catalogsync::MountWatcher;

namespace {
bool run(const QStringList &args)
{
    QProcess p;
    p.start(args.first(), args.mid(1));
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}
} // namespace

class SyncMountTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QStringList m_mounts;

    bool mountAt(const QString &mp, bool withRepository)
    {
        const QString image = mp + "-image";
        QDir().mkpath(image + (withRepository ? QStringLiteral("/") + MountWatcher::kRepositoryFolder : QString()));
        if (withRepository && !QFile(image + '/' + MountWatcher::kRepositoryFolder + "/timestamp.json")
                                   .open(QIODevice::WriteOnly))
            return false;
        QDir().mkpath(mp);
        if (!run({"mount", "--bind", "-o", "ro", image, mp}))
            return false;
        m_mounts.prepend(mp);
        return true;
    }

private slots:
    void cleanupTestCase()
    {
        for (const QString &mp : std::as_const(m_mounts))
            run({"umount", "-l", mp});
    }

    void reportsMountsUnderTheRoots()
    {
        const QString media = m_dir.filePath("media");
        QDir().mkpath(media);
        if (!mountAt(media + "/early", true))
            QSKIP("this machine does not let the test mount filesystems (needs root)");

        MountWatcher watcher({media});
        QSignalSpy repo(&watcher, &MountWatcher::repositoryMounted);
        QSignalSpy other(&watcher, &MountWatcher::otherMounted);
        QSignalSpy gone(&watcher, &MountWatcher::unmounted);
        QString why;
        QVERIFY2(watcher.start(&why), qPrintable(why));
        QTRY_COMPARE(repo.count(), 1); // plugged in before the kiosk started
        QCOMPARE(repo.at(0).at(0).toString(), media + "/early");
        QCOMPARE(repo.at(0).at(1).toString(), media + "/early/" + MountWatcher::kRepositoryFolder);

        QVERIFY(mountAt(m_dir.filePath("elsewhere"), true)); // not under the root
        QVERIFY(mountAt(media + "/plain", false));
        QTRY_COMPARE(other.count(), 1);
        QCOMPARE(other.at(0).at(0).toString(), media + "/plain");
        QVERIFY(mountAt(media + "/stick", true));
        QTRY_COMPARE(repo.count(), 2);
        QCOMPARE(repo.at(1).at(0).toString(), media + "/stick");

        QVERIFY(run({"umount", media + "/stick"}));
        m_mounts.removeAll(media + "/stick");
        QTRY_COMPARE(gone.count(), 1);
        QCOMPARE(gone.at(0).at(0).toString(), media + "/stick");
        QTest::qWait(300);
        QCOMPARE(repo.count(), 2); // nothing reported twice, nothing from elsewhere
        QCOMPARE(other.count(), 1);
        watcher.stop();
    }

    void filesystemTypeFromTheMountTable()
    {
        const QByteArray table =
            "36 35 98:0 / /media/kiosk-usb/sdb1 ro,nosuid,nodev,noexec shared:1 - vfat /dev/sdb1 ro,fmask=0022\n"
            "37 35 7:0 / /media/kiosk-usb/sdc1 ro,relatime - ext4 /dev/loop0 ro\n"
            "38 35 0:40 / /media/with\\040space rw master:2 shared:3 - exfat /dev/sdd1 rw\n";
        QCOMPARE(MountWatcher::filesystemOf(table, "/media/kiosk-usb/sdb1"), QStringLiteral("vfat"));
        QCOMPARE(MountWatcher::filesystemOf(table, "/media/kiosk-usb/sdc1"), QStringLiteral("ext4"));
        QCOMPARE(MountWatcher::filesystemOf(table, "/media/with space"), QStringLiteral("exfat"));
        QCOMPARE(MountWatcher::filesystemOf(table, "/media/none"), QString());
    }

    // A stick formatted as ext4 can carry named pipes and device nodes where catalog
    // files belong; with the kiosk's types (FAT32, exFAT) it is not even looked into.
    void sticksOfOtherFilesystemTypesAreNotRead()
    {
        const QString media = m_dir.filePath("typed");
        QDir().mkpath(media);
        const QString image = m_dir.filePath("ext4.img");
        const QString content = m_dir.filePath("ext4-content/") + MountWatcher::kRepositoryFolder;
        QVERIFY(QDir().mkpath(content));
        QVERIFY(QFile(content + "/timestamp.json").open(QIODevice::WriteOnly));
        QVERIFY(run({"mkfifo", content + "/2.root.json"}));
        // mkfs.ext4 -d copies the folder (the FIFO too) into a new filesystem image.
        if (!run({"mkfs.ext4", "-q", "-d", m_dir.filePath("ext4-content"), image, "8M"}))
            QSKIP("mkfs.ext4 is not available");
        QDir().mkpath(media + "/sdc1");
        if (!run({"mount", "-o", "loop,ro", image, media + "/sdc1"}))
            QSKIP("this machine does not let the test mount a loop device");
        m_mounts.prepend(media + "/sdc1");

        MountWatcher kiosk({media});
        kiosk.setFilesystemTypes({"vfat", "exfat"});
        QSignalSpy refused(&kiosk, &MountWatcher::unsupportedMounted);
        QSignalSpy repo(&kiosk, &MountWatcher::repositoryMounted);
        QVERIFY(kiosk.start());
        QTRY_COMPARE(refused.count(), 1);
        QCOMPARE(refused.at(0).at(0).toString(), media + "/sdc1");
        QCOMPARE(refused.at(0).at(1).toString(), QStringLiteral("ext4"));
        QCOMPARE(repo.count(), 0);
        kiosk.stop();

        MountWatcher anyType({media}); // the same stick where any type is allowed
        QSignalSpy found(&anyType, &MountWatcher::repositoryMounted);
        QVERIFY(anyType.start());
        QTRY_COMPARE(found.count(), 1);
        anyType.stop();
    }
};

QTEST_GUILESS_MAIN(SyncMountTest)
#include "tst_syncmount.moc"
