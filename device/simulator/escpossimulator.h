// EscPosSimulator: a receipt printer on a pseudo-terminal. Records every byte
// printed and answers real-time status requests (10 04 n) from its paper and
// cover state, as a printer does even in the middle of a job.
#pragma once

#include "escpos.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <mutex>
#include <thread>

namespace device {

class EscPosSimulator
{
public:
    EscPosSimulator() = default;
    ~EscPosSimulator();
    EscPosSimulator(const EscPosSimulator &) = delete;
    EscPosSimulator &operator=(const EscPosSimulator &) = delete;

    bool start(QString *error = nullptr);
    void stop();
    QString devicePath() const { return m_path; }

    void setPaper(escpos::Paper paper);
    void setOffline(bool offline);
    void setSilent(bool silent); // no status answers (a dead printer)
    // Paper runs out after this many more bytes of print data (-1: never).
    void runOutAfter(qsizetype bytes);

    QByteArray printed() const; // everything received except status requests
    void clearPrinted();

private:
    void run();
    void handle(const QByteArray &bytes);
    quint8 statusByte(quint8 n) const;

    QString m_path;
    int m_master = -1, m_slave = -1;
    std::thread m_thread;
    std::atomic_bool m_stop {false};
    mutable std::mutex m_mutex;
    escpos::Paper m_paper = escpos::Paper::Ok;
    bool m_offline = false, m_silent = false;
    qsizetype m_runOut = -1;
    QByteArray m_printed, m_pending;
};

} // namespace device
