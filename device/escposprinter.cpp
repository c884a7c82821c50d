#include "escposprinter.h"

#include "devicelog.h"

#include <QDeadlineTimer>

namespace device {

bool EscPosPrinter::ensureOpen(QString *reason)
{
    if (m_link.isOpen())
        return true;
    return m_link.open(m_path, m_baud, reason);
}

int EscPosPrinter::ask(quint8 n)
{
    m_link.flushInput();
    if (m_link.write(QByteArray("\x10\x04", 2).append(char(n)), m_timeoutMs) != SerialLink::Io::Ok)
        return -1;
    const QDeadlineTimer deadline(m_timeoutMs);
    QByteArray got;
    while (got.isEmpty() && !deadline.hasExpired()) {
        const SerialLink::Io io = m_link.readSome(got, int(qMax<qint64>(1, deadline.remainingTime())));
        if (io == SerialLink::Io::Lost || io == SerialLink::Io::Cancelled)
            return -1;
    }
    return got.isEmpty() ? -1 : quint8(got.back());
}

EscPosPrinter::Status EscPosPrinter::status()
{
    Status s;
    if (!ensureOpen(&s.reason))
        return s;
    const int printer = ask(1);
    const int paper = printer >= 0 ? ask(4) : -1;
    if (printer < 0 || paper < 0 || !escpos::isValidStatus(quint8(printer))) {
        m_link.close(); // reopened next time: the printer may have been replugged
        s.reason = QStringLiteral("the receipt printer does not answer (check its cable and power)");
        qCWarning(lcReceiptDevice) << "escpos: no status answer";
        return s;
    }
    s.reachable = true;
    s.offline = escpos::isOffline(quint8(printer));
    s.paper = escpos::paperFromStatus(quint8(paper));
    if (s.offline)
        s.reason = QStringLiteral("the receipt printer is offline (cover open or paper out)");
    else if (s.paper == escpos::Paper::Out)
        s.reason = QStringLiteral("the receipt printer is out of paper");
    else if (s.paper == escpos::Paper::NearEnd)
        s.reason = QStringLiteral("the receipt paper is running low");
    qCInfo(lcReceiptDevice) << "escpos: status" << Qt::hex << printer << paper;
    return s;
}

bool EscPosPrinter::print(const QByteArray &job, QString *reason)
{
    const Status before = status();
    if (!before.canPrint()) {
        if (reason)
            *reason = before.reason;
        return false;
    }
    // Thermal printers take ~10 KB/s at most; allow a generous, bounded time.
    const int sendMs = m_timeoutMs + int(job.size() / 4);
    if (m_link.write(job, sendMs) != SerialLink::Io::Ok) {
        m_link.close();
        if (reason)
            *reason = QStringLiteral("the receipt printer stopped accepting data");
        return false;
    }
    const Status after = status();
    if (after.paper == escpos::Paper::Out || after.offline || !after.reachable) {
        if (reason)
            *reason = QStringLiteral("the receipt may be incomplete: %1").arg(after.reason);
        return false;
    }
    if (reason)
        *reason = after.reason; // e.g. paper running low: printed, but tell staff
    return true;
}

} // namespace device
