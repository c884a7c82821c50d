#include "escpossimulator.h"

#include <chrono>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace device {

EscPosSimulator::~EscPosSimulator()
{
    stop();
}

bool EscPosSimulator::start(QString *error)
{
    termios raw {};
    ::cfmakeraw(&raw);
    ::cfsetispeed(&raw, B115200);
    ::cfsetospeed(&raw, B115200);
    char name[128] = {};
    if (::openpty(&m_master, &m_slave, name, &raw, nullptr) != 0) {
        if (error)
            *error = QStringLiteral("openpty failed");
        return false;
    }
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    m_path = QString::fromLocal8Bit(name);
    m_stop = false;
    m_thread = std::thread([this] { run(); });
    return true;
}

void EscPosSimulator::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_master >= 0)
        ::close(m_master);
    if (m_slave >= 0)
        ::close(m_slave);
    m_master = m_slave = -1;
}

void EscPosSimulator::setPaper(escpos::Paper paper) { std::lock_guard l(m_mutex); m_paper = paper; }
void EscPosSimulator::setOffline(bool offline) { std::lock_guard l(m_mutex); m_offline = offline; }
void EscPosSimulator::setSilent(bool silent) { std::lock_guard l(m_mutex); m_silent = silent; }
void EscPosSimulator::runOutAfter(qsizetype bytes) { std::lock_guard l(m_mutex); m_runOut = bytes; }
QByteArray EscPosSimulator::printed() const { std::lock_guard l(m_mutex); return m_printed; }
void EscPosSimulator::clearPrinted() { std::lock_guard l(m_mutex); m_printed.clear(); }

quint8 EscPosSimulator::statusByte(quint8 n) const
{
    // Fixed bits 1 and 4 set (0x12), as real printers answer.
    if (n == 1)
        return m_offline ? 0x1A : 0x12;
    switch (m_paper) {
    case escpos::Paper::NearEnd: return 0x1E;
    case escpos::Paper::Out: return 0x72;
    default: return 0x12;
    }
}

void EscPosSimulator::handle(const QByteArray &bytes)
{
    QByteArray answers;
    {
        std::lock_guard lock(m_mutex);
        m_pending += bytes;
        qsizetype i = 0;
        while (i < m_pending.size()) {
            if (m_pending[i] == '\x10') {
                if (m_pending.size() - i < 3)
                    break; // the rest of a status request is still coming
                if (m_pending[i + 1] == '\x04') {
                    if (!m_silent)
                        answers.append(char(statusByte(quint8(m_pending[i + 2]))));
                    i += 3;
                    continue;
                }
            }
            m_printed.append(m_pending[i]);
            if (m_runOut > 0 && --m_runOut == 0)
                m_paper = escpos::Paper::Out;
            ++i;
        }
        m_pending.remove(0, i);
    }
    if (!answers.isEmpty())
        (void)!::write(m_master, answers.constData(), size_t(answers.size()));
}

void EscPosSimulator::run()
{
    char buf[4096];
    while (!m_stop) {
        pollfd p {m_master, POLLIN, 0};
        if (::poll(&p, 1, 20) <= 0 || !(p.revents & POLLIN))
            continue;
        const ssize_t n = ::read(m_master, buf, sizeof buf);
        if (n > 0)
            handle(QByteArray(buf, n));
    }
}

} // namespace device
