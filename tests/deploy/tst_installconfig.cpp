// deploy/install-config.sh (run by install.sh): the settings file, which holds the
// staff PIN hash, ends up root:<kiosk group> 0640, whether it is new, was left
// world-readable by an earlier install, or gets its sync URL written.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
// A group that is not root's own, so that the group really has to be set.
const char *kGroup = "nogroup";
}

class InstallConfigTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_root;

    QString conf() const { return m_root.filePath("etc/disclosure-kiosk/kiosk.conf"); }

    bool install(const QStringList &extra = {})
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedChannels);
        p.start(QStringLiteral("bash"), QStringList{QStringLiteral(INSTALL_CONFIG_SCRIPT), "--root",
                                                    m_root.path(), "--group", kGroup} + extra);
        return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    void verifyKioskOnly()
    {
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(conf()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0640));
        QCOMPARE(st.st_uid, uid_t(0));
        QCOMPARE(st.st_gid, ::getgrnam(kGroup)->gr_gid);
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("giving the file to root:<group> needs root");
        QVERIFY(::getgrnam(kGroup));
        QVERIFY(m_root.isValid());
    }

    void newInstallIsReadableByTheKioskOnly()
    {
        QVERIFY(install());
        verifyKioskOnly();
        QCOMPARE(read(conf()), read(QStringLiteral(KIOSK_CONF_FILE)));
    }

    void earlierWorldReadableInstallIsFixedAndKept()
    {
        const QByteArray settings = "[staff]\npin_hash = \"$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\"\n";
        QFile f(conf());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(settings);
        f.close();
        QVERIFY(::chmod(QFile::encodeName(conf()).constData(), 0644) == 0);
        QVERIFY(::chown(QFile::encodeName(conf()).constData(), 0, 0) == 0);
        QVERIFY(install());
        verifyKioskOnly();
        QCOMPARE(read(conf()), settings); // the site's settings are kept
    }

    void syncUrlKeepsTheFileClosedToOthers()
    {
        QFile f(conf());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("[sync]\nurl =\n");
        f.close();
        QVERIFY(install({"--sync-url", "https://catalog.example.gov.cn/repo"}));
        verifyKioskOnly();
        QCOMPARE(read(conf()), QByteArray("[sync]\nurl = https://catalog.example.gov.cn/repo\n"));
    }
};

QTEST_GUILESS_MAIN(InstallConfigTest)
#include "tst_installconfig.moc"
