#include "idcardreader.h"

#include "devicelog.h"

#include <QScopeGuard>
#include <QTimer>

namespace device {

namespace {
const char *cmdName(quint8 cmd, quint8 para)
{
    switch (cmd) {
    case sam::CmdSamStatus: return "sam-status";
    case sam::CmdCard: return para == sam::ParaFind ? "find" : "select";
    case sam::CmdRead: return "read";
    }
    return "command";
}

QString hex(quint8 b)
{
    return QStringLiteral("%1").arg(b, 2, 16, QLatin1Char('0'));
}
} // namespace

IdCardReader::IdCardReader(const IdCardReaderConfig &config, QObject *parent)
    : QObject(parent), m_config(config)
{
    m_link.setCancelFlag(&m_stop);
}

IdCardReader::~IdCardReader()
{
    m_parser.clear();
}

void IdCardReader::start()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(m_config.pollIntervalMs);
        connect(m_timer, &QTimer::timeout, this, qOverload<>(&IdCardReader::pollOnce));
    }
    m_timer->start();
    pollOnce();
}

void IdCardReader::shutdown()
{
    m_stop = true;
    if (m_timer)
        m_timer->stop();
    m_link.close();
    m_parser.clear();
    qCInfo(lcIdCardDevice) << "idcard: shut down";
}

void IdCardReader::setState(State state, Problem problem, const QString &reason)
{
    if (state == m_state && problem == m_problem && reason == m_reason)
        return;
    m_state = state;
    m_problem = problem;
    m_reason = reason;
    qCInfo(lcIdCardDevice) << "idcard: state" << state << problem;
    emit stateChanged(state, problem, reason);
}

void IdCardReader::lose(State state, Problem problem, const QString &reason)
{
    m_link.close();
    m_parser.clear();
    m_nextOpen = QDeadlineTimer(m_config.reopenIntervalMs);
    setState(state, problem, reason);
}

IdCardReader::Outcome IdCardReader::transact(quint8 cmd, quint8 para, int timeoutMs,
                                             SamResponse *response, int retries)
{
    if (retries < 0)
        retries = m_config.retries;
    const QByteArray frame = SamFrame::command(cmd, para);
    const int asked = timeoutMs;
    for (int attempt = 0; attempt <= retries; ++attempt) {
        if (m_within.hasExpired())
            return Outcome::Cancelled;
        timeoutMs = m_within.isForever() ? asked : int(qMin<qint64>(asked, m_within.remainingTime()));
        // A late answer to an earlier attempt must not be taken for this one.
        m_link.flushInput();
        m_parser.clear();
        SerialLink::Io io = m_link.write(frame, timeoutMs);
        const QDeadlineTimer deadline(timeoutMs);
        const int damagedBefore = m_parser.checksumErrors() + m_parser.lengthErrors();
        bool damaged = false;
        while (io == SerialLink::Io::Ok || io == SerialLink::Io::Timeout) {
            if (std::optional<CardBytes> payload = m_parser.next()) {
                std::optional<SamResponse> r = SamResponse::fromPayload(*payload);
                if (r && (r->sw3 == sam::ChecksumError || r->sw3 == sam::LengthError)) {
                    // The reader got a damaged command: send it again.
                    qCInfo(lcIdCardDevice) << "idcard:" << cmdName(cmd, para) << "rejected by reader sw3"
                                     << hex(r->sw3);
                    break;
                }
                if (r) {
                    *response = std::move(*r);
                    return Outcome::Answered;
                }
                continue;
            }
            if (m_parser.checksumErrors() + m_parser.lengthErrors() > damagedBefore) {
                // The whole answer arrived, damaged on the line: no better one follows,
                // so ask again now instead of waiting out the timeout.
                qCInfo(lcIdCardDevice) << "idcard:" << cmdName(cmd, para)
                                       << "answer damaged on the line (bad checksum or length), "
                                          "asking again; attempt" << attempt + 1;
                damaged = true;
                break;
            }
            if (deadline.hasExpired()) {
                // A false preamble may be waiting for bytes that never come:
                // skip it and see whether a real frame follows in what arrived.
                while (m_parser.buffered() >= SamFrame::PreambleSize) {
                    const qsizetype before = m_parser.buffered();
                    m_parser.skipStalledFrame();
                    if (std::optional<CardBytes> payload = m_parser.next()) {
                        std::optional<SamResponse> r = SamResponse::fromPayload(*payload);
                        if (r && r->sw3 != sam::ChecksumError && r->sw3 != sam::LengthError) {
                            *response = std::move(*r);
                            return Outcome::Answered;
                        }
                    }
                    if (m_parser.buffered() == before)
                        break; // no stalled preamble at the front: nothing to skip
                }
                qCInfo(lcIdCardDevice) << "idcard:" << cmdName(cmd, para) << "timeout attempt" << attempt + 1;
                break;
            }
            CardBytes chunk;
            io = m_link.readSome(chunk, int(qMax<qint64>(1, deadline.remainingTime())));
            m_parser.feed(chunk);
        }
        if (io == SerialLink::Io::Lost)
            return Outcome::Lost;
        if (io == SerialLink::Io::Cancelled)
            return Outcome::Cancelled;
        if (damaged && attempt == retries)
            qCWarning(lcIdCardDevice) << "idcard:" << cmdName(cmd, para) << "every answer arrived damaged";
    }
    return Outcome::NoAnswer;
}

bool IdCardReader::probe(int timeoutMs, int retries)
{
    SamResponse r;
    const Outcome o = transact(sam::CmdSamStatus, sam::ParaAny, timeoutMs, &r, retries);
    if (o == Outcome::Lost) {
        lose(State::Absent, Problem::Disconnected, QStringLiteral("the ID card reader was disconnected"));
        return false;
    }
    if (o != Outcome::Answered)
        return false;
    if (r.sw3 != sam::Ok) {
        qCWarning(lcIdCardDevice) << "idcard: sam-status sw3" << hex(r.sw3);
        lose(State::Error, Problem::ReaderFault,
             QStringLiteral("the ID card reader is faulty: %1").arg(sam::statusText(r.sw3)));
        return false;
    }
    return true;
}

bool IdCardReader::openAndProbe()
{
    QString error;
    if (!m_link.open(m_config.portPath, m_config.baud, &error)) {
        lose(State::Absent, Problem::NotConnected, error);
        return false;
    }
    // The configured rate first, then the others a reader can be set to (60 00..04).
    QList<int> rates {m_config.baud};
    if (m_config.scanBaudRates)
        for (int b : {115200, 57600, 38400, 19200, 9600})
            if (b != m_config.baud)
                rates << b;
    const int oneTry = m_config.responseTimeoutMs;
    for (int baud : rates) {
        if (m_stop || (baud != m_link.baud() && !m_link.setBaud(baud)))
            break;
        // The configured rate is asked with resends; the others once each (a reader
        // set to one of them answers the first time), so a silent port is known to
        // be silent in 1.5 + 4 × 0.5 s rather than 7.5 s.
        if (probe(oneTry, baud == m_config.baud ? -1 : 0)) {
            qCInfo(lcIdCardDevice) << "idcard: probe ok baud" << baud;
            setState(State::Ready);
            return true;
        }
        if (!m_link.isOpen())
            return false; // lost or faulty: probe() already said why
        if (m_within.hasExpired()) {
            // Cut short by the caller's deadline: not a verdict on the reader.
            m_link.close();
            m_parser.clear();
            m_nextOpen = QDeadlineTimer(0);
            return false;
        }
    }
    if (!m_stop)
        lose(State::Error, Problem::NoAnswer,
             QStringLiteral("the ID card reader does not answer (check its cable and power)"));
    return false;
}

void IdCardReader::pollOnce(QDeadlineTimer within)
{
    m_within = within;
    const auto forget = qScopeGuard([this] { m_within = QDeadlineTimer(QDeadlineTimer::Forever); });
    if (m_stop)
        return;
    if (!m_link.isOpen()) {
        if (m_nextOpen.hasExpired())
            openAndProbe();
        return;
    }
    SamResponse r;
    const Outcome o = transact(sam::CmdCard, sam::ParaFind, m_config.responseTimeoutMs, &r);
    if (o == Outcome::Lost)
        return lose(State::Absent, Problem::Disconnected, QStringLiteral("the ID card reader was disconnected"));
    if (o == Outcome::NoAnswer)
        return lose(State::Error, Problem::NoAnswer,
                    QStringLiteral("the ID card reader stopped answering"));
    if (o == Outcome::Cancelled)
        return;
    if (r.sw3 == sam::NoCard) {
        // Also what a reader answers while a card it has just read stays on it:
        // "same card still present" is deliberately no new read.
        setState(State::Ready);
        return;
    }
    if (r.sw3 != sam::CardFound) {
        qCWarning(lcIdCardDevice) << "idcard: find sw3" << hex(r.sw3);
        setState(State::Error, Problem::ReaderFault,
                 QStringLiteral("the ID card reader reports a fault: %1").arg(sam::statusText(r.sw3)));
        return;
    }
    readCard();
}

void IdCardReader::readCard()
{
    setState(State::Reading);
    SamResponse r;
    Outcome o = transact(sam::CmdCard, sam::ParaSelect, m_config.responseTimeoutMs, &r);
    if (o == Outcome::Answered && r.sw3 != sam::Ok) {
        // Usually the card moved off the antenna between find and select: the
        // sequence is "select until 90", so only repeated failures are a problem.
        qCInfo(lcIdCardDevice) << "idcard: select sw3" << hex(r.sw3);
        if (++m_selectFailures >= MaxSelectFailures)
            setState(State::Error, Problem::CardUnreadable,
                     QStringLiteral("the card could not be read: please place it flat on the reader again"));
        else
            setState(State::Ready);
        return;
    }
    m_selectFailures = 0;
    if (o == Outcome::Answered)
        o = transact(sam::CmdRead, sam::ParaReadBase, m_config.readTimeoutMs, &r);
    if (o == Outcome::Lost)
        return lose(State::Absent, Problem::Disconnected, QStringLiteral("the ID card reader was disconnected"));
    if (o == Outcome::NoAnswer)
        return lose(State::Error, Problem::NoAnswer, QStringLiteral("the ID card reader stopped answering"));
    if (o == Outcome::Cancelled)
        return;
    if (r.sw3 != sam::Ok) {
        qCWarning(lcIdCardDevice) << "idcard: read sw3" << hex(r.sw3);
        const bool unsupported = r.sw3 == sam::WrongCardType;
        const bool readerFault = r.sw3 == sam::SamAuthFailed || r.sw3 == sam::SamSelfTestFailed ||
                                 r.sw3 == sam::SamNotAuthorised;
        setState(State::Error,
                 unsupported ? Problem::CardNotSupported
                             : readerFault ? Problem::ReaderFault : Problem::CardUnreadable,
                 unsupported ? QStringLiteral("this card is not an identity card the reader can read")
                 : readerFault ? QStringLiteral("the ID card reader is faulty: %1").arg(sam::statusText(r.sw3))
                               : QStringLiteral("the card could not be read (%1): please place it on the reader again")
                                     .arg(sam::statusText(r.sw3)));
        return;
    }
    // text length (2, BE) · photo length (2, BE) · text · photo
    const QByteArrayView d = r.data;
    const int textLen = d.size() >= 4 ? (quint8(d[0]) << 8 | quint8(d[1])) : -1;
    const int photoLen = d.size() >= 4 ? (quint8(d[2]) << 8 | quint8(d[3])) : -1;
    std::optional<IdCard> card;
    if (textLen == IdCard::TextBlockSize && photoLen >= 0 && d.size() >= 4 + textLen + photoLen)
        card = IdCard::decode(d.sliced(4, textLen));
    if (!card) {
        qCWarning(lcIdCardDevice) << "idcard: read data malformed, bytes" << d.size();
        setState(State::Error, Problem::CardDataInvalid,
                 QStringLiteral("the card's data could not be understood: please try again"));
        return;
    }
    card->photoWlt = SharedCardBytes(d.sliced(4 + textLen, photoLen));
    qCInfo(lcIdCardDevice) << "idcard: card read, type" << int(card->type) << "id check"
                     << int(card->idNumberCheck());
    setState(State::Ready);
    emit cardRead(*card);
    // The receivers hold copies sharing these fields: this one only lets go of them
    // (wiping here would wipe theirs too); the last copy overwrites them. r.data,
    // the whole frame's copy, overwrites itself as it goes.
}

} // namespace device
