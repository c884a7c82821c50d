#include "escpos.h"

#include "qrsymbol.h"

#include <QStringEncoder>
#include <iconv.h>

namespace device {

namespace {
QByteArray iconvGb18030(const QString &text)
{
    const QByteArray in = text.toUtf8();
    iconv_t cd = ::iconv_open("GB18030", "UTF-8");
    if (cd == iconv_t(-1))
        return {};
    QByteArray out(in.size() * 4 + 4, '\0');
    char *src = const_cast<char *>(in.constData());
    char *dst = out.data();
    size_t srcLeft = size_t(in.size()), dstLeft = size_t(out.size());
    const size_t r = ::iconv(cd, &src, &srcLeft, &dst, &dstLeft);
    ::iconv_close(cd);
    if (r == size_t(-1))
        return {};
    out.truncate(out.size() - qsizetype(dstLeft));
    return out;
}
} // namespace

QByteArray EscPosReceipt::toGb18030(const QString &text, bool *outsideGbk)
{
    QStringEncoder encoder("GB18030");
    const QByteArray all = encoder.isValid() ? QByteArray(encoder.encode(text)) : iconvGb18030(text);
    // Walk the encoding: 1 byte ASCII, 2 bytes GBK, 4 bytes (digit second byte)
    // for the rest of Unicode, which printer fonts do not hold.
    QByteArray out;
    bool outside = false;
    for (qsizetype i = 0; i < all.size();) {
        const quint8 b = quint8(all[i]);
        if (b < 0x80) {
            out.append(char(b));
            ++i;
        } else if (i + 1 < all.size() && quint8(all[i + 1]) >= 0x30 && quint8(all[i + 1]) <= 0x39) {
            out.append('?');
            outside = true;
            i += 4;
        } else {
            out.append(all.mid(i, 2));
            i += 2;
        }
    }
    if (outsideGbk)
        *outsideGbk = outside;
    return out;
}

EscPosReceipt::EscPosReceipt(int dotsWidth) : m_width(dotsWidth) {}

EscPosReceipt &EscPosReceipt::initialise()
{
    m_bytes.append("\x1B\x40", 2).append("\x1C\x26", 2);
    return *this;
}

EscPosReceipt &EscPosReceipt::text(const QString &line)
{
    bool outside = false;
    m_bytes.append(toGb18030(line, &outside)).append('\n');
    if (outside)
        m_outsideFont << line;
    return *this;
}

EscPosReceipt &EscPosReceipt::feed(int lines)
{
    m_bytes.append("\x1B\x64", 2).append(char(qBound(0, lines, 255)));
    return *this;
}

EscPosReceipt &EscPosReceipt::qr(const QByteArray &data, int moduleSize, int errorLevel)
{
    // Function 180 stores at most 7089 bytes; pL pH = data + 3 (cn fn m).
    if (data.isEmpty() || data.size() > 7089) {
        m_error = QStringLiteral("QR data must be 1..7089 bytes");
        return *this;
    }
    auto fn = [this](const QByteArray &params) {
        const int n = int(params.size());
        m_bytes.append("\x1D\x28\x6B", 3).append(char(n & 0xFF)).append(char(n >> 8)).append(params);
    };
    fn(QByteArray("\x31\x41\x32\x00", 4));                                        // model 2
    fn(QByteArray("\x31\x43", 2).append(char(qBound(1, moduleSize, 16))));        // module size
    fn(QByteArray("\x31\x45", 2).append(char(0x30 + qBound(0, errorLevel, 3)))); // error level
    fn(QByteArray("\x31\x50\x30", 3).append(data));                              // store
    fn(QByteArray("\x31\x51\x30", 3));                                            // print
    return *this;
}

EscPosReceipt &EscPosReceipt::qrRaster(const QString &text, int dotsPerModule)
{
    const QrSymbol symbol = QrSymbol::encode(text);
    if (!symbol.isValid()) {
        m_error = symbol.error();
        return *this;
    }
    const int scale = qMax(1, qMin(dotsPerModule, m_width / symbol.size()));
    const int dots = symbol.size() * scale;
    const int rowBytes = (dots + 7) / 8;
    // Bands of at most 256 dots: many printers cannot buffer a taller image.
    for (int top = 0; top < dots; top += 256) {
        const int rows = qMin(256, dots - top);
        m_bytes.append("\x1D\x76\x30\x00", 4)
            .append(char(rowBytes & 0xFF)).append(char(rowBytes >> 8))
            .append(char(rows & 0xFF)).append(char(rows >> 8));
        for (int y = top; y < top + rows; ++y) {
            QByteArray row(rowBytes, '\0');
            for (int x = 0; x < dots; ++x)
                if (symbol.isDark(x / scale, y / scale))
                    row[x / 8] = char(quint8(row[x / 8]) | (0x80 >> (x % 8))); // MSB = leftmost
            m_bytes.append(row);
        }
    }
    return *this;
}

EscPosReceipt &EscPosReceipt::cut(bool partial, int feedLines)
{
    m_bytes.append("\x1D\x56", 2).append(partial ? '\x42' : '\x41').append(char(qBound(0, feedLines, 255)));
    return *this;
}

namespace escpos {
bool isValidStatus(quint8 byte)
{
    return (byte & 0x93) == 0x12;
}

Paper paperFromStatus(quint8 byte)
{
    if (!isValidStatus(byte))
        return Paper::Unknown;
    if (byte & 0x60)
        return Paper::Out;
    if (byte & 0x0C)
        return Paper::NearEnd;
    return Paper::Ok;
}
} // namespace escpos

} // namespace device
