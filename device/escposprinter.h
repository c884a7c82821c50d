// EscPosPrinter: a receipt printer on a serial line (or pty). Synchronous and
// bounded: run it on a worker thread. It asks the printer's real-time status
// before a job and refuses to print into an empty or offline printer, so the
// resident is told plainly instead of getting a blank receipt.
#pragma once

#include "escpos.h"
#include "seriallink.h"

namespace device {

class EscPosPrinter
{
public:
    struct Status
    {
        bool reachable = false;
        bool offline = false;
        escpos::Paper paper = escpos::Paper::Unknown;
        QString reason; // plain words when something is wrong
        bool canPrint() const { return reachable && !offline && paper != escpos::Paper::Out; }
    };

    explicit EscPosPrinter(const QString &portPath, int baud = 115200, int timeoutMs = 500)
        : m_path(portPath), m_baud(baud), m_timeoutMs(timeoutMs) {}

    Status status();
    // Sends the job if the printer can print; false with a reason otherwise.
    bool print(const QByteArray &job, QString *reason);
    void close() { m_link.close(); }

private:
    bool ensureOpen(QString *reason);
    int ask(quint8 n); // one real-time status byte, -1 when none came

    QString m_path;
    int m_baud;
    int m_timeoutMs;
    SerialLink m_link;
};

} // namespace device
