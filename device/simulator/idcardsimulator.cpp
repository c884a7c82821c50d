#include "idcardsimulator.h"
#include "linkedpty.h"

#include "samframe.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <chrono>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace device {

namespace {
constexpr int key(quint8 cmd, quint8 para) { return cmd << 8 | para; }

// Encoded here independently of SamFrame, so a checksum mistake in the driver's
// codec cannot be mirrored by the simulator and go unnoticed.
QByteArray frame(const QByteArray &payload, bool corrupt)
{
    const int len = int(payload.size()) + 1;
    QByteArray f("\xAA\xAA\xAA\x96\x69", 5);
    f.append(char(len >> 8)).append(char(len & 0xFF)).append(payload);
    quint8 chk = 0;
    for (qsizetype i = 5; i < f.size(); ++i)
        chk ^= quint8(f[i]);
    f.append(char(corrupt ? chk ^ 0x5A : chk));
    return f;
}

int baudOf(speed_t s)
{
    switch (s) {
    case B9600: return 9600;
    case B19200: return 19200;
    case B38400: return 38400;
    case B57600: return 57600;
    case B115200: return 115200;
    }
    return 0;
}
} // namespace

IdCardSimulator::IdCardSimulator(const QString &linkPath) : m_linkPath(linkPath) {}

IdCardSimulator::~IdCardSimulator()
{
    stop();
}

bool IdCardSimulator::start(QString *error)
{
    if (m_thread.joinable())
        return true;
    if (m_linkPath.isEmpty()) {
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/idcard-sim-XXXXXX"));
        dir.setAutoRemove(false);
        if (!dir.isValid()) {
            if (error)
                *error = QStringLiteral("cannot create a temporary directory");
            return false;
        }
        m_dir = dir.path();
        m_linkPath = m_dir + QStringLiteral("/idcard-reader");
    }
    if (!openPty(error))
        return false;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
    return true;
}

void IdCardSimulator::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    closePty();
    if (!m_dir.isEmpty())
        QDir(m_dir).removeRecursively();
}

QString IdCardSimulator::ptyPath() const
{
    std::lock_guard lock(m_mutex);
    return m_ptyPath;
}

bool IdCardSimulator::openPty(QString *error)
{
    LinkedPty pty;
    if (!openLinkedPty(m_linkPath, &pty, error))
        return false;
    const int master = pty.master, slave = pty.slave;
    const QString name = pty.ptyPath;
    std::lock_guard lock(m_mutex);
    m_master = master;
    // The simulator keeps the slave open too, so the master does not see a hang-up
    // while no driver has the port open; the driver's own fd still gets EIO when
    // the master closes.
    m_slave = slave;
    m_ptyPath = name;
    return true;
}

void IdCardSimulator::closePty()
{
    std::lock_guard lock(m_mutex);
    if (m_master >= 0)
        ::close(m_master);
    if (m_slave >= 0)
        ::close(m_slave);
    m_master = m_slave = -1;
    m_ptyPath.clear();
}

bool IdCardSimulator::request(Request r)
{
    std::unique_lock lock(m_mutex);
    if (!m_thread.joinable())
        return false;
    m_request = r;
    // Bounded: the protocol thread looks at requests every 20 ms.
    const bool handled = m_done.wait_for(lock, std::chrono::seconds(3),
                                         [this] { return m_request == Request::None; });
    return handled && m_requestOk;
}

bool IdCardSimulator::unplug() { return request(Request::Unplug); }
bool IdCardSimulator::replug() { return request(Request::Replug); }

void IdCardSimulator::placeCard(const QByteArray &textBlock, const QByteArray &photo)
{
    std::lock_guard lock(m_mutex);
    m_text = textBlock;
    m_photo = photo.isEmpty() ? QByteArray(1024, '\0') : photo;
    m_cardPresent = true;
    m_selected = m_latched = false;
}

void IdCardSimulator::removeCard()
{
    std::lock_guard lock(m_mutex);
    m_cardPresent = m_selected = m_latched = false;
}

void IdCardSimulator::failNext(quint8 cmd, quint8 para, quint8 sw3, int times)
{
    std::lock_guard lock(m_mutex);
    m_failures.insert(key(cmd, para), {sw3, times});
}

void IdCardSimulator::corruptNextChecksums(int count) { std::lock_guard l(m_mutex); m_corrupt = count; }
void IdCardSimulator::injectGarbage(const QByteArray &bytes) { std::lock_guard l(m_mutex); m_garbage += bytes; }
void IdCardSimulator::setReplyDelay(int ms) { std::lock_guard l(m_mutex); m_delayMs = ms; }
void IdCardSimulator::ignoreNext(int commands) { std::lock_guard l(m_mutex); m_ignore = commands; }
void IdCardSimulator::setBaud(int baud) { std::lock_guard l(m_mutex); m_baud = baud; }

void IdCardSimulator::setChunking(int bytes, int gapMs)
{
    std::lock_guard lock(m_mutex);
    m_chunk = bytes;
    m_gapMs = gapMs;
}

int IdCardSimulator::commandsReceived(quint8 cmd, quint8 para) const
{
    std::lock_guard lock(m_mutex);
    return m_received.value(key(cmd, para));
}

int IdCardSimulator::damagedCommands() const
{
    std::lock_guard lock(m_mutex);
    return m_damaged;
}

int IdCardSimulator::ptyBaud() const
{
    // Pty master and slave share one termios: this is what the driver set.
    termios tio {};
    if (m_master < 0 || ::tcgetattr(m_master, &tio) != 0)
        return 0;
    return baudOf(::cfgetospeed(&tio));
}

bool IdCardSimulator::sleepFor(int ms)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < end) {
        if (m_stop)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(qMin(ms, 10)));
    }
    return true;
}

bool IdCardSimulator::writeAll(const QByteArray &bytes)
{
    int chunk, gap;
    {
        std::lock_guard lock(m_mutex);
        chunk = m_chunk > 0 ? m_chunk : int(bytes.size());
        gap = m_gapMs;
    }
    qsizetype done = 0;
    int idle = 0;
    while (done < bytes.size() && !m_stop) {
        const qsizetype piece = qMin<qsizetype>(chunk, bytes.size() - done);
        const ssize_t n = ::write(m_master, bytes.constData() + done, size_t(piece));
        if (n > 0) {
            done += n;
            idle = 0;
            if (gap > 0 && done < bytes.size() && !sleepFor(gap))
                return false;
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR)
            return false;
        pollfd p {m_master, POLLOUT, 0};
        ::poll(&p, 1, 20);
        if (++idle > 100) // 2 s without progress: the driver is not reading
            return false;
    }
    return done == bytes.size();
}

void IdCardSimulator::send(QByteArray payload)
{
    bool corrupt;
    QByteArray garbage;
    int delay;
    {
        std::lock_guard lock(m_mutex);
        corrupt = m_corrupt > 0;
        if (corrupt)
            --m_corrupt;
        garbage.swap(m_garbage);
        delay = m_delayMs;
    }
    if (delay > 0 && !sleepFor(delay))
        return;
    writeAll(garbage + frame(payload, corrupt));
}

QByteArray IdCardSimulator::answer(quint8 cmd, quint8 para, QByteArrayView data)
{
    std::lock_guard lock(m_mutex);
    auto status = [](quint8 sw3, const QByteArray &extra = {}) {
        return QByteArray("\x00\x00", 2).append(char(sw3)).append(extra);
    };
    const auto failure = m_failures.find(key(cmd, para));
    if (failure != m_failures.end() && failure->second != 0) {
        const quint8 sw3 = failure->first;
        if (failure->second > 0)
            --failure->second;
        return status(sw3);
    }
    switch (key(cmd, para)) {
    case key(sam::CmdReset, sam::ParaAny):
    case key(sam::CmdSamStatus, sam::ParaAny):
        return status(sam::Ok);
    case key(sam::CmdSamId, sam::ParaAny):
        return status(sam::Ok, QByteArray("\x05\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\x0C\x0D\x0E", 16));
    case key(sam::CmdCard, sam::ParaFind):
        // After a read the card stays "not found" until it leaves the field.
        if (m_cardPresent && !m_latched)
            return status(sam::CardFound, QByteArray(4, '\0'));
        return status(sam::NoCard);
    case key(sam::CmdCard, sam::ParaSelect):
        if (m_cardPresent && !m_latched) {
            m_selected = true;
            return status(sam::Ok, QByteArray(8, '\0'));
        }
        return status(sam::SelectFailed);
    case key(sam::CmdRead, sam::ParaReadBase):
    case key(sam::CmdRead, sam::ParaReadFingerprint): {
        if (!m_cardPresent || !m_selected)
            return status(sam::ReadFailed);
        QByteArray d;
        d.append(char(m_text.size() >> 8)).append(char(m_text.size() & 0xFF));
        d.append(char(m_photo.size() >> 8)).append(char(m_photo.size() & 0xFF));
        if (para == sam::ParaReadFingerprint)
            d.append('\0').append('\0'); // no fingerprint
        d.append(m_text).append(m_photo);
        m_selected = false;
        m_latched = true;
        return status(sam::Ok, d);
    }
    case key(sam::CmdRead, sam::ParaReadAddress):
        return status(m_cardPresent ? sam::NoContent : sam::ReadFailed);
    case key(sam::CmdRfFrame, sam::ParaAny):
        return status(data.size() == 1 ? sam::Ok : sam::LengthError);
    }
    if (cmd == sam::CmdBaud && para <= 4)
        return status(sam::Ok);
    return status(sam::BadCommand);
}

void IdCardSimulator::handle(SamFrameParser &parser)
{
    char buf[512];
    const ssize_t n = ::read(m_master, buf, sizeof buf);
    if (n <= 0)
        return;
    const int speaking = [this] { std::lock_guard l(m_mutex); return m_baud; }();
    if (ptyBaud() != speaking) {
        // Wrong baud rate: the reader hears noise and the host hears noise back.
        writeAll(QByteArray("\xF8\x00\xFE\x80", 4));
        return;
    }
    const int damagedBefore = parser.checksumErrors() + parser.lengthErrors();
    parser.feed(QByteArrayView(buf, n));
    while (std::optional<CardBytes> payload = parser.next()) {
        const quint8 cmd = quint8(payload->at(0)), para = quint8(payload->at(1));
        bool ignore;
        {
            std::lock_guard lock(m_mutex);
            ++m_received[key(cmd, para)];
            ignore = m_ignore != 0;
            if (m_ignore > 0)
                --m_ignore;
        }
        if (ignore)
            continue;
        send(answer(cmd, para, payload->view().sliced(2)));
        if (cmd == sam::CmdBaud && para <= 4) {
            static constexpr int rates[] = {115200, 57600, 38400, 19200, 9600};
            setBaud(rates[para]); // after the answer, as a real reader switches
        }
    }
    const int damaged = parser.checksumErrors() + parser.lengthErrors() - damagedBefore;
    if (damaged > 0) {
        {
            std::lock_guard lock(m_mutex);
            m_damaged += damaged;
        }
        send(QByteArray("\x00\x00", 2).append(char(sam::ChecksumError)));
    }
}

void IdCardSimulator::run()
{
    SamFrameParser parser(2); // commands: CMD PARA
    while (!m_stop) {
        Request r;
        {
            std::lock_guard lock(m_mutex);
            r = m_request;
        }
        if (r != Request::None) {
            bool ok = true;
            if (r == Request::Unplug) {
                closePty();
                QFile::remove(m_linkPath);
            } else if (m_master < 0) {
                ok = openPty(nullptr);
                // A power-cycled reader has forgotten the card it last read.
                std::lock_guard lock(m_mutex);
                m_selected = m_latched = false;
            }
            parser.clear();
            std::lock_guard lock(m_mutex);
            m_requestOk = ok;
            m_request = Request::None;
            m_done.notify_all();
            continue;
        }
        if (m_master < 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
        }
        pollfd p {m_master, POLLIN, 0};
        if (::poll(&p, 1, 20) > 0 && (p.revents & POLLIN))
            handle(parser);
    }
}

} // namespace device
