#include "serialscanner.h"

#include "devicelog.h"

#include <QThread>
#include <QTimer>

namespace device {

SerialScanner::SerialScanner(const SerialScannerConfig &config, QObject *parent)
    : Scanner(parent), m_config(config), m_framer(config.suffix, config.maxScanBytes)
{
    m_link.setCancelFlag(&m_stop);
}

void SerialScanner::start()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(0); // pollOnce itself waits up to 50 ms for bytes
        connect(m_timer, &QTimer::timeout, this, &SerialScanner::pollOnce);
    }
    m_stop = false;
    m_timer->start();
}

void SerialScanner::shutdown()
{
    m_stop = true;
    if (m_timer)
        m_timer->stop();
    m_link.close();
    m_framer.clear();
    qCInfo(lcScannerDevice) << "scanner: shut down";
}

void SerialScanner::lose(Problem problem, const QString &reason)
{
    m_link.close();
    m_framer.clear();
    m_partialDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
    m_nextOpen = QDeadlineTimer(m_config.reopenIntervalMs);
    setState(State::Absent, problem, reason);
}

void SerialScanner::pollOnce()
{
    if (m_stop)
        return;
    if (!m_link.isOpen()) {
        if (!m_nextOpen.hasExpired()) {
            QDeadlineTimer wait(50);
            while (!wait.hasExpired() && !m_nextOpen.hasExpired() && !m_stop)
                QThread::msleep(10);
            return;
        }
        QString error;
        if (!m_link.open(m_config.portPath, m_config.baud, &error)) {
            lose(m_everOpened ? Problem::Disconnected : Problem::NotConnected, error);
            return;
        }
        m_everOpened = true;
        m_link.flushInput(); // bytes from before we listened belong to nobody
        qCInfo(lcScannerDevice) << "scanner: port open";
        setState(State::Ready, Problem::None, {});
    }
    QByteArray bytes;
    switch (m_link.readSome(bytes, 50)) {
    case SerialLink::Io::Ok:
        m_framer.feed(bytes);
        emitLines();
        m_partialDeadline = m_framer.buffered() > 0 ? QDeadlineTimer(m_config.interCharTimeoutMs)
                                                    : QDeadlineTimer(QDeadlineTimer::Forever);
        break;
    case SerialLink::Io::Timeout:
        if (m_partialDeadline.hasExpired()) {
            m_partialDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
            if (m_framer.dropPartial()) {
                qCInfo(lcScannerDevice) << "scanner: incomplete scan dropped";
                emit scanFailed(Problem::Incomplete);
            }
        }
        break;
    case SerialLink::Io::Lost:
        qCInfo(lcScannerDevice) << "scanner: port lost";
        lose(Problem::Disconnected, QStringLiteral("the scanner was disconnected"));
        break;
    case SerialLink::Io::Cancelled:
        break;
    }
}

void SerialScanner::emitLines()
{
    while (auto line = m_framer.next()) {
        if (line->overlong) {
            qCInfo(lcScannerDevice) << "scanner: overlong scan dropped";
            emit scanFailed(Problem::Overlong);
            continue;
        }
        const ScanText decoded = decodeScanBytes(line->bytes);
        if (decoded.encoding == ScanText::Encoding::Invalid) {
            qCInfo(lcScannerDevice) << "scanner: scan of" << line->bytes.size() << "bytes is not text";
            emit scanFailed(Problem::NotText);
            continue;
        }
        qCInfo(lcScannerDevice) << "scanner: scan of" << line->bytes.size() << "bytes,"
                         << (decoded.encoding == ScanText::Encoding::Utf8 ? "UTF-8" : "GB18030");
        emit scanned(decoded.text);
    }
}

} // namespace device
