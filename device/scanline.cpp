#include "scanline.h"

#include <QStringDecoder>

namespace device {

std::optional<ScanLineFramer::Suffix> ScanLineFramer::suffixFromName(QStringView name)
{
    const QString n = name.trimmed().toString().toLower();
    if (n == QLatin1String("auto"))
        return Suffix::Any;
    if (n == QLatin1String("cr"))
        return Suffix::CR;
    if (n == QLatin1String("lf"))
        return Suffix::LF;
    if (n == QLatin1String("crlf"))
        return Suffix::CRLF;
    return std::nullopt;
}

void ScanLineFramer::feed(QByteArrayView bytes)
{
    m_buffer.append(bytes);
}

void ScanLineFramer::clear()
{
    m_buffer.clear();
    m_discarding = false;
    m_afterCr = false;
}

bool ScanLineFramer::dropPartial()
{
    const bool had = !m_buffer.isEmpty() || m_discarding;
    m_buffer.clear();
    m_discarding = false;
    return had;
}

std::optional<ScanLineFramer::Line> ScanLineFramer::next()
{
    for (;;) {
        if (m_suffix == Suffix::Any && m_afterCr && !m_buffer.isEmpty()) {
            if (m_buffer.front() == '\n')
                m_buffer.remove(0, 1);
            m_afterCr = false;
        }
        qsizetype end = -1;
        qsizetype suffixLength = 1;
        switch (m_suffix) {
        case Suffix::Any: {
            const qsizetype cr = m_buffer.indexOf('\r');
            const qsizetype lf = m_buffer.indexOf('\n');
            end = cr < 0 ? lf : lf < 0 ? cr : std::min(cr, lf);
            break;
        }
        case Suffix::CR: end = m_buffer.indexOf('\r'); break;
        case Suffix::LF: end = m_buffer.indexOf('\n'); break;
        case Suffix::CRLF:
            end = m_buffer.indexOf("\r\n");
            suffixLength = 2;
            break;
        }
        if (end < 0) {
            // No suffix yet. Keep at most m_max bytes (plus a possible CR of a CRLF);
            // past that the scan is overlong and dropped up to its suffix.
            if (m_buffer.size() > m_max + 1) {
                const bool keepCr = m_suffix == Suffix::CRLF && m_buffer.endsWith('\r');
                m_buffer = keepCr ? QByteArray("\r") : QByteArray();
                m_discarding = true;
            }
            return std::nullopt;
        }
        const bool endedWithCr = m_buffer.at(end) == '\r';
        Line line;
        line.bytes = m_buffer.left(end);
        m_buffer.remove(0, end + suffixLength);
        if (m_suffix == Suffix::Any)
            m_afterCr = endedWithCr;
        if (m_discarding || line.bytes.size() > m_max) {
            m_discarding = false;
            line.bytes.clear();
            line.overlong = true;
            return line;
        }
        if (line.bytes.isEmpty())
            continue; // a bare suffix (a scanner's keep-alive or a double suffix)
        return line;
    }
}

ScanText decodeScanBytes(QByteArrayView bytes)
{
    ScanText out;
    QByteArrayView b = bytes;
    if (b.startsWith("\xEF\xBB\xBF"))
        b = b.sliced(3);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(b);
    if (!utf8.hasError()) {
        out.text = text;
        out.encoding = ScanText::Encoding::Utf8;
        return out;
    }
    QStringDecoder gb("GB18030", QStringDecoder::Flag::Stateless);
    if (gb.isValid()) {
        text = gb.decode(b);
        if (!gb.hasError() && !text.contains(QChar::ReplacementCharacter)) {
            out.text = text;
            out.encoding = ScanText::Encoding::Gb18030;
            return out;
        }
    }
    return out;
}

} // namespace device
