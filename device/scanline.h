// ScanLineFramer and decodeScanBytes: turning a scanner's byte stream into the
// texts of single scans. A scanner sends each code in one burst followed by a
// suffix (CR, LF or CRLF, set by the vendor's setup codes); the content is raw
// bytes, UTF-8 on modern scanners and GBK/GB18030 on many Chinese ones.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace device {

class ScanLineFramer
{
public:
    // Any: CR, LF and CRLF all end a scan (a CRLF ends one scan, not two).
    enum class Suffix { Any, CR, LF, CRLF };
    // "auto", "cr", "lf", "crlf" (case-insensitive); nullopt otherwise.
    static std::optional<Suffix> suffixFromName(QStringView name);

    struct Line
    {
        QByteArray bytes;      // without the suffix
        bool overlong = false; // longer than maxBytes: bytes is empty, the scan was dropped
    };

    explicit ScanLineFramer(Suffix suffix = Suffix::Any, int maxBytes = 2048)
        : m_suffix(suffix), m_max(maxBytes) {}

    void feed(QByteArrayView bytes);
    std::optional<Line> next();
    // Drops an unfinished scan (the burst stopped without a suffix). True if
    // anything was dropped.
    bool dropPartial();
    qsizetype buffered() const { return m_buffer.size(); }
    void clear();

private:
    Suffix m_suffix;
    int m_max;
    QByteArray m_buffer;   // bytes not yet split into lines
    bool m_discarding = false; // inside an overlong scan: drop until its suffix
    bool m_afterCr = false;    // Any: the previous line ended with CR (swallow one LF)
};

struct ScanText
{
    enum class Encoding { Utf8, Gb18030, Invalid };
    QString text;
    Encoding encoding = Encoding::Invalid;
};

// Strict UTF-8 first (a UTF-8 BOM is dropped); otherwise GB18030 (a superset of
// GBK); Invalid when neither decodes without errors.
ScanText decodeScanBytes(QByteArrayView bytes);

} // namespace device
