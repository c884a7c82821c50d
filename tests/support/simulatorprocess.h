// SimulatorProcess: the built idcard-simulator (device/simulator/main.cpp) run as a
// process of its own on a pseudo-terminal, driven through its standard input
// ("place resident", "remove", …). Tests that look for card data in their own
// memory use it so that the card reaches them only through the real driver.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

class SimulatorProcess
{
public:
    ~SimulatorProcess() { stop(); }

    // Starts `program` with no card on the reader; false with a reason on failure.
    bool start(const QString &program, QString *error);
    void stop();
    // The stable link that follows the pty, and the pty itself.
    QString devicePath() const { return m_devicePath; }
    QString ptyPath() const { return m_ptyPath; }
    // One command; true when the simulator answered "ok".
    bool command(const QByteArray &line);

private:
    QByteArray nextLine();
    QProcess m_process;
    QString m_devicePath, m_ptyPath;
};
