// The kiosk's disk fills up in the middle of a download (a real, small tmpfs holds
// the sync root; the test fills it once the first catalog file has started to
// arrive from a real nginx). The kiosk stays on the version it had, reports the
// problem as "no_space" (staff read 存储空间不足… from ui/strings.yaml), and the next
// sync after space is freed completes. Needs permission to mount a tmpfs (root in the
// CI container); skips with the reason otherwise.
#include "catalogupdater.h"
#include "httpmirror.h"
#include "repositorymirror.h"
#include "synckiosk.h"
#include "testsupport.h"
#include "truststore.h"

#include <QProcess>
#include <QtTest>
#include <fcntl.h>
#include <unistd.h>

using namespace catalogsync;
using namespace synctest;
using Outcome = SyncReport::Outcome;

namespace {
const QString kTitle = QStringLiteral("最低生活保障申请");

bool run(const QStringList &args, QString *err = nullptr)
{
    QProcess p;
    p.start(args.first(), args.mid(1));
    const bool ok = p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!ok && err)
        *err = QString::fromLocal8Bit(p.readAllStandardError());
    return ok;
}

// Writes zeros until the filesystem refuses (ENOSPC), down to the last block.
qint64 fillUp(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return -1;
    qint64 total = 0;
    for (qint64 chunk = 1 << 20; chunk >= 512; chunk /= 2) {
        const QByteArray zeros(chunk, '\0');
        for (;;) {
            const ssize_t n = ::write(fd, zeros.constData(), size_t(chunk));
            if (n <= 0)
                break;
            total += n;
        }
    }
    ::close(fd);
    return total;
}
// A 64 MB tmpfs of its own, unmounted when the test ends.
struct SmallDisk {
    QTemporaryDir dir;
    QString problem; // why it could not be mounted
    bool mounted = false;
    SmallDisk() { mounted = run({"mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", dir.path()}, &problem); }
    ~SmallDisk()
    {
        if (mounted)
            run({"umount", "-l", dir.path()});
    }
    QString filePath(const QString &name) const { return dir.filePath(name); }
};
} // namespace

class SyncSpaceTest : public QObject
{
    Q_OBJECT

private slots:
    void diskFillsDuringDownload()
    {
        SmallDisk disk;
        if (!disk.mounted)
            QSKIP(qPrintable("cannot mount a small filesystem here (needs root): " + disk.problem));
        const QString root = disk.filePath("sync");

        TestRepository repo;
        QCOMPARE(repo.create(), QString());
        QCOMPARE(repo.publish(1), QString());
        NginxServer nginx;
        QCOMPARE(nginx.start(repo.repo()), QString());
        QCOMPARE(TrustStore(root).installRoot(repo.rootFile()), QString());
        HttpMirror first(QUrl(nginx.url()), {5, 5, {}});
        CatalogUpdater initial(root);
        initial.reserveBytes = 0; // the kiosk's usual 64 MB reserve does not fit this small disk
        SyncReport r = initial.update(first, QDateTime::currentDateTimeUtc());
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        const QString v1 = CatalogUpdater(root).currentCatalog();

        // Version 2 brings one large changed file (several MB, many network chunks).
        QString extra;
        for (int i = 0; i < 40000; ++i)
            extra += QStringLiteral("说明%1；").arg(i * 7919 % 100003);
        QVERIFY(testsupport::writeFile(repo.sources() + "/guides/g-dibao.md",
                                       testsupport::readFile(repo.sources() + "/guides/g-dibao.md") + "\n" + extra + "\n"));
        QVERIFY(repo.editGuide(QStringLiteral("（新）")));
        QCOMPARE(repo.publish(2), QString());

        // Something else on the kiosk fills the disk once the download is under way.
        HttpMirror mirror(QUrl(nginx.url()), {5, 5, {}});
        const QString filler = disk.filePath("filler");
        qint64 partBytesWhenFilled = -1;
        mirror.onBytes = [&](qint64) {
            if (partBytesWhenFilled >= 0)
                return;
            const QFileInfoList parts = QDir(root + "/blobs/partial").entryInfoList(QDir::Files);
            if (!parts.isEmpty() && parts.first().size() > 0) {
                partBytesWhenFilled = parts.first().size();
                fillUp(filler);
            }
        };
        CatalogUpdater updater(root);
        updater.reserveBytes = 0; // let the download start on this small disk
        r = updater.update(mirror, QDateTime::currentDateTimeUtc());
        QVERIFY2(partBytesWhenFilled > 0, "the disk was never filled mid-download");
        QVERIFY2(r.outcome == Outcome::Failed, describe(r));
        QCOMPARE(r.problem, QStringLiteral("no_space"));
        QVERIFY2(r.reason.contains("disk is full"), describe(r));
        // Still on version 1, intact; staff see the problem after a restart too.
        QCOMPARE(CatalogUpdater(root).currentVersion(), 1);
        QCOMPARE(CatalogUpdater(root).currentCatalog(), v1);
        QCOMPARE(guideTitle(v1), kTitle);
        QCOMPARE(integrityCheck(v1), QStringLiteral("ok"));
        // The record on disk cannot take the news while the disk is full (the staff
        // screen shows the engine's report from memory), but it is never damaged.
        QString why;
        QVERIFY2(TrustStore(root).state(&why).has_value(), qPrintable(why));
        // The plain words staff read for it.
        QVERIFY(testsupport::readFile(testsupport::demoSources() + "/ui/strings.yaml")
                    .contains(QStringLiteral("staff.problem.no_space: \"存储空间不足")));

        // Space is freed: the next sync resumes and completes.
        QVERIFY(QFile::remove(filler));
        HttpMirror again(QUrl(nginx.url()), {5, 5, {}});
        CatalogUpdater updater2(root);
        updater2.reserveBytes = 0;
        r = updater2.update(again, QDateTime::currentDateTimeUtc());
        QVERIFY2(r.outcome == Outcome::Updated, describe(r));
        QVERIFY(r.filesDownloaded >= 1);
        QCOMPARE(CatalogUpdater(root).currentVersion(), 2);
        QCOMPARE(guideTitle(CatalogUpdater(root).currentCatalog()), kTitle + QStringLiteral("（新）"));
        QVERIFY(TrustStore(root).state(&why)->lastProblem.isEmpty());
    }

    // The disk fills while the new catalog database is written (after every download
    // succeeded): a space problem of this kiosk, not a catalog that fails its checks.
    void diskFillsWhileBuilding()
    {
        SmallDisk disk;
        if (!disk.mounted)
            QSKIP(qPrintable("cannot mount a small filesystem here (needs root): " + disk.problem));
        const QString root = disk.filePath("sync");
        TestRepository repo;
        QCOMPARE(repo.create(), QString());
        QCOMPARE(repo.publish(1), QString());
        QCOMPARE(TrustStore(root).installRoot(repo.rootFile()), QString());
        LocalMirror stick(repo.repo());
        CatalogUpdater updater(root);
        updater.reserveBytes = 0;
        QVERIFY(updater.update(stick, QDateTime::currentDateTimeUtc()).outcome == Outcome::Updated);
        QVERIFY(repo.editGuide(QStringLiteral("（新）")));
        QCOMPARE(repo.publish(2), QString());

        const QString filler = disk.filePath("filler");
        bool filled = false;
        LocalMirror stick2(repo.repo());
        const SyncReport r = updater.update(stick2, QDateTime::currentDateTimeUtc(), [&](const SyncProgress &p) {
            if (p.phase == SyncProgress::Phase::Building && !filled) {
                filled = true;
                fillUp(filler);
            }
        });
        QVERIFY(filled);
        QVERIFY2(r.outcome == Outcome::Failed, describe(r));
        QCOMPARE(r.problem, QStringLiteral("no_space"));
        QCOMPARE(CatalogUpdater(root).currentVersion(), 1);
        QCOMPARE(guideTitle(CatalogUpdater(root).currentCatalog()), kTitle);
        QVERIFY(QFile::remove(filler));
        LocalMirror stick3(repo.repo());
        const SyncReport again = updater.update(stick3, QDateTime::currentDateTimeUtc());
        QVERIFY2(again.outcome == Outcome::Updated, describe(again));
        QCOMPARE(guideTitle(CatalogUpdater(root).currentCatalog()), kTitle + QStringLiteral("（新）"));
    }
};

QTEST_GUILESS_MAIN(SyncSpaceTest)
#include "tst_syncspace.moc"
