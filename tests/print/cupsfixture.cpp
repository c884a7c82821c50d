#include "cupsfixture.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <pwd.h>
#include <unistd.h>

#ifndef KIOSK_PRIVATE_CUPSD
#error "KIOSK_PRIVATE_CUPSD must name tests/print/private-cupsd.sh"
#endif

bool CupsFixture::start(const QString &queue)
{
    m_queue = queue;
    QProcess p;
    p.start(QStringLiteral(KIOSK_PRIVATE_CUPSD), {"start", m_dir.path(), queue});
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

QString CupsFixture::outputOf(int jobId, qint64 startedMs) const
{
    // cups-pdf writes to ~/PDF of the job's user, naming the file after the title and
    // ending it with "job_<id>.pdf"; older files of earlier runs are ignored by time.
    const passwd *pw = getpwuid(geteuid());
    const QDir out(QString::fromUtf8(pw ? pw->pw_dir : "/root") + QStringLiteral("/PDF"));
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
