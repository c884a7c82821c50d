// A private cupsd with a cups-pdf queue for one test run (private-cupsd.sh), and
// fetching what cups-pdf wrote for a job. Needs root: the cups-pdf backend only runs
// as root (CI's container is root).
#pragma once

#include <QString>
#include <QTemporaryDir>

class CupsFixture
{
public:
    ~CupsFixture() { stop(); }
    // Starts cupsd and creates the queue; false with the reason in error().
    bool start(const QString &queue);
    void stop();
    QString server() const { return m_server; } // the scheduler's socket path
    QString queue() const { return m_queue; }
    QString error() const { return m_error; }
    // Runs a CUPS admin command against this scheduler (cupsdisable, cupsreject, ...).
    bool admin(const QString &program, const QStringList &args);
    // The PDF cups-pdf wrote for jobId after startedMs (epoch ms); waits up to 30 s.
    QString outputOf(int jobId, qint64 startedMs) const;
    // The newest PDF of this scheduler's jobs written after startedMs; waits up to 30 s.
    QString latestOutput(qint64 startedMs) const;

private:
    QTemporaryDir m_dir;
    QString m_server, m_queue, m_error;
    bool m_running = false;
    int m_firstJobId = 1;
};
