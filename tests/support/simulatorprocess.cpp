#include "simulatorprocess.h"

#include <QDeadlineTimer>
#include <QFileInfo>

QByteArray SimulatorProcess::nextLine()
{
    QDeadlineTimer deadline(5000);
    while (!m_process.canReadLine())
        if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime())))
            return {};
    return m_process.readLine().trimmed();
}

bool SimulatorProcess::start(const QString &program, QString *error)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(program, {QStringLiteral("--no-card")});
    if (!m_process.waitForStarted(5000)) {
        *error = program + QStringLiteral(" does not start: ") + m_process.errorString();
        return false;
    }
    // The first line: "<stable link> -> <pty>".
    const QString first = QString::fromLocal8Bit(nextLine());
    m_devicePath = first.section(QStringLiteral(" -> "), 0, 0);
    m_ptyPath = first.section(QStringLiteral(" -> "), 1);
    if (!QFileInfo::exists(m_devicePath) || !QFileInfo::exists(m_ptyPath)) {
        *error = QStringLiteral("the simulator said \"%1\", not its device paths").arg(first);
        return false;
    }
    return true;
}

void SimulatorProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.write("quit\n");
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool SimulatorProcess::command(const QByteArray &line)
{
    m_process.write(line + '\n');
    return nextLine() == "ok";
}
