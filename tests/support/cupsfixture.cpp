#include "cupsfixture.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <pwd.h>
#include <unistd.h>

#ifndef KIOSK_PRIVATE_CUPSD
#error "KIOSK_PRIVATE_CUPSD must name tests/print/private-cupsd.sh"
#endif

bool CupsFixture::start(const QString &queue)
{
    m_queue = queue;
    // Ids of their own for each test process (see private-cupsd.sh).
    m_firstJobId = 1000 + int(getpid() % 20000) * 1000;
    QProcess p;
    p.start(
        QStringLiteral(KIOSK_PRIVATE_CUPSD),
        {"start", m_dir.path(), queue, QString::number(m_firstJobId), QString::number(getpid())});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        m_error = QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    m_running = true;
    m_server = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    return !m_server.isEmpty();
}

void CupsFixture::stop()
{
    if (!m_running)
        return;
    QProcess::execute(QStringLiteral(KIOSK_PRIVATE_CUPSD), {"stop", m_dir.path()});
    m_running = false;
}

bool CupsFixture::admin(const QString &program, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CUPS_SERVER"), m_server);
    p.setProcessEnvironment(env);
    p.start(program, args);
    return p.waitForFinished(15000) && p.exitCode() == 0;
}

static QDir pdfOutputDir()
{
    const passwd *pw = getpwuid(geteuid());
    return QDir(QString::fromUtf8(pw ? pw->pw_dir : "/root") + QStringLiteral("/PDF"));
}

QString CupsFixture::latestOutput(qint64 startedMs) const
{
    static const QRegularExpression jobOf(QStringLiteral("job_(\\d+)\\.pdf$"));
    for (int i = 0; i < 300; ++i) {
        const auto files =
            pdfOutputDir().entryInfoList({QStringLiteral("*job_*.pdf")}, QDir::Files, QDir::Time);
        for (const QFileInfo &f : files) {
            const int id = jobOf.match(f.fileName()).captured(1).toInt();
            if (id >= m_firstJobId && id < m_firstJobId + 1000 && f.size() > 0 &&
                f.lastModified().toMSecsSinceEpoch() >= startedMs - 1000)
                return f.absoluteFilePath();
        }
        QThread::msleep(100);
    }
    return {};
}

QString CupsFixture::outputOf(int jobId, qint64 startedMs) const
{
    // cups-pdf writes to ~/PDF of the job's user, naming the file after the title and
    // ending it with "job_<id>.pdf"; older files of earlier runs are ignored by time.
    const QDir out = pdfOutputDir();
    const QString suffix = QStringLiteral("job_%1.pdf").arg(jobId);
    for (int i = 0; i < 300; ++i) {
        const auto files = out.entryInfoList({QStringLiteral("*") + suffix}, QDir::Files);
        for (const QFileInfo &f : files)
            if (f.lastModified().toMSecsSinceEpoch() >= startedMs - 1000 && f.size() > 0)
                return f.absoluteFilePath();
        QThread::msleep(100);
    }
    return {};
}
