#include "samframe.h"

#include "devicelog.h"


namespace device {

QString sam::statusText(quint8 sw3)
{
    switch (sw3) {
    case Ok: return QStringLiteral("OK");
    case CardFound: return QStringLiteral("card found");
    case NoCard: return QStringLiteral("no card on the reader");
    case SelectFailed: return QStringLiteral("the card could not be selected");
    case ChecksumError: return QStringLiteral("the reader received a damaged command (checksum)");
    case LengthError: return QStringLiteral("the reader received a damaged command (length)");
    case BadCommand: return QStringLiteral("the reader does not know this command");
    case NotPermitted: return QStringLiteral("the reader does not permit this command");
    case UnknownError: return QStringLiteral("the reader reported an unknown error");
    case CardAuthFailed: return QStringLiteral("the card failed authentication");
    case SamAuthFailed: return QStringLiteral("the reader's security module failed authentication");
    case VerifyError: return QStringLiteral("the card data failed verification");
    case WrongCardType: return QStringLiteral("this is not an identity card the reader can read");
    case ReadFailed: return QStringLiteral("reading the card failed");
    case RandomFailed: return QStringLiteral("the card did not answer the security challenge");
    case SamSelfTestFailed: return QStringLiteral("the reader's security module failed its self-test");
    case SamNotAuthorised: return QStringLiteral("the reader's security module is not authorised");
    case NoContent: return QStringLiteral("the card holds no data for this item");
    }
    return QStringLiteral("unexpected reader status %1").arg(sw3, 2, 16, QLatin1Char('0'));
}

quint8 SamFrame::checksum(QByteArrayView bytes)
{
    quint8 x = 0;
    for (char c : bytes)
        x ^= quint8(c);
    return x;
}

QByteArray SamFrame::wrap(QByteArrayView payload)
{
    const qsizetype len = payload.size() + 1;
    if (len > MaxLength)
        return {};
    QByteArray out;
    out.reserve(HeaderSize + len);
    out.append(Preamble, PreambleSize);
    out.append(char(len >> 8)).append(char(len & 0xFF));
    out.append(payload.data(), payload.size());
    out.append(char(checksum(QByteArrayView(out).sliced(PreambleSize))));
    return out;
}

QByteArray SamFrame::command(quint8 cmd, quint8 para, QByteArrayView data)
{
    QByteArray payload;
    payload.append(char(cmd)).append(char(para)).append(data.data(), data.size());
    return wrap(payload);
}

std::optional<SamResponse> SamResponse::fromPayload(QByteArrayView payload)
{
    if (payload.size() < 3)
        return std::nullopt;
    SamResponse r;
    r.sw1 = quint8(payload[0]);
    r.sw2 = quint8(payload[1]);
    r.sw3 = quint8(payload[2]);
    r.data = CardBytes(payload.sliced(3));
    return r;
}

SamFrameParser::SamFrameParser(int minPayload) : m_minPayload(minPayload)
{
    // A whole frame and the next read's worth fit without moving the buffer.
    m_buffer.reserve(SamFrame::HeaderSize + SamFrame::MaxLength + 512);
}

void SamFrameParser::feed(QByteArrayView bytes)
{
    m_buffer.append(bytes);
}

void SamFrameParser::drop(qsizetype n)
{
    m_buffer.removeFront(n); // overwrites what it gives up
}

std::optional<CardBytes> SamFrameParser::next()
{
    const QByteArrayView preamble(SamFrame::Preamble, SamFrame::PreambleSize);
    // Each pass drops at least one byte or returns, so this ends.
    for (;;) {
        const qsizetype at = m_buffer.view().indexOf(preamble);
        if (at < 0) {
            // Keep a tail that could be the start of a preamble split across chunks.
            const qsizetype keep = qMin<qsizetype>(m_buffer.size(), SamFrame::PreambleSize - 1);
            const qsizetype junk = m_buffer.size() - keep;
            if (junk > 0) {
                m_garbage += int(junk);
                drop(junk);
            }
            return std::nullopt;
        }
        if (at > 0) {
            m_garbage += int(at);
            drop(at);
        }
        if (m_buffer.size() < SamFrame::HeaderSize)
            return std::nullopt;
        const int len = (quint8(m_buffer.at(5)) << 8) | quint8(m_buffer.at(6));
        if (len < m_minPayload + 1 || len > SamFrame::MaxLength) {
            ++m_lengthErrors;
            ++m_garbage;
            drop(1);
            continue;
        }
        if (m_buffer.size() < SamFrame::HeaderSize + len)
            return std::nullopt;
        // LEN_H through CHK: 2 + len bytes; the checksum covers all but the last.
        const QByteArrayView checked = m_buffer.view().sliced(5, len + 2);
        if (SamFrame::checksum(checked.first(len + 1)) != quint8(checked.back())) {
            ++m_checksumErrors;
            ++m_garbage;
            drop(1);
            continue;
        }
        CardBytes payload(m_buffer.view().sliced(SamFrame::HeaderSize, len - 1));
        drop(SamFrame::HeaderSize + len);
        return payload;
    }
}

void SamFrameParser::skipStalledFrame()
{
    if (m_buffer.view().startsWith(QByteArrayView(SamFrame::Preamble, SamFrame::PreambleSize))) {
        ++m_garbage;
        drop(1);
    }
}

void SamFrameParser::clear()
{
    m_buffer.clear();
}

} // namespace device
