// QrSymbol: a QR code as a matrix of modules, encoded with ZXing-cpp. The same
// symbol is drawn on screen ("二维码直通车", 网办地址) and, later, on receipts.
#pragma once

#include <QString>
#include <vector>

namespace device {

class QrSymbol
{
public:
    // Encodes UTF-8 text with error correction level M and a quiet zone of 4
    // modules. An empty or over-long text gives an invalid symbol.
    static QrSymbol encode(const QString &text);

    bool isValid() const { return m_size > 0; }
    int size() const { return m_size; } // modules per side, quiet zone included
    bool isDark(int x, int y) const { return m_modules[size_t(y) * size_t(m_size) + size_t(x)]; }
    QString error() const { return m_error; }

private:
    int m_size = 0;
    std::vector<bool> m_modules;
    QString m_error;
};

} // namespace device
