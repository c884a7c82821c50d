// ESC/POS receipts for 58/80 mm thermal printers (docs: /shared/spec/devices.md §3):
// the byte stream of a receipt, and the printer's real-time status answers.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace device {

class EscPosReceipt
{
public:
    // dotsWidth: 384 for 58 mm paper, 576 for 80 mm.
    explicit EscPosReceipt(int dotsWidth = 384);

    EscPosReceipt &initialise();              // 1B 40, then Chinese mode 1C 26
    EscPosReceipt &text(const QString &line); // GB18030 + LF
    EscPosReceipt &feed(int lines);           // 1B 64 n
    // Native QR (1D 28 6B …): model 2, module size 1..16, error level L M Q H = 0..3.
    EscPosReceipt &qr(const QByteArray &data, int moduleSize = 6, int errorLevel = 1);
    // The same symbol as a raster image (1D 76 30), for printers without native QR.
    EscPosReceipt &qrRaster(const QString &text, int dotsPerModule = 6);
    EscPosReceipt &cut(bool partial = true, int feedLines = 3); // 1D 56 41/42 n

    QByteArray bytes() const { return m_bytes; }
    // Lines holding characters outside the printer's 2-byte GBK font (encoded
    // as 4-byte GB18030); printed as '?' here: they need an image line instead.
    QStringList linesOutsideFont() const { return m_outsideFont; }
    QString error() const { return m_error; }

    // Text in GB18030 (QStringEncoder with ICU, else glibc iconv).
    static QByteArray toGb18030(const QString &text, bool *outsideGbk = nullptr);

private:
    int m_width;
    QByteArray m_bytes;
    QStringList m_outsideFont;
    QString m_error;
};

// Real-time status (10 04 n) answers.
namespace escpos {
enum class Paper { Ok, NearEnd, Out, Unknown };
// n = 4, paper sensor: 0x12 OK, 0x1E near end, 0x72/0x7E out. Bits 1 and 4 are
// always 1 and bits 0 and 7 always 0; anything else is not a status byte.
Paper paperFromStatus(quint8 byte);
// n = 1, printer status: bit 3 = offline. nullopt-like: false if not a status byte.
bool isValidStatus(quint8 byte);
inline bool isOffline(quint8 byte) { return byte & 0x08; }
} // namespace escpos

} // namespace device
