// libFuzzer target: a scanner's byte stream → scans (ScanLineFramer, any suffix
// setting, any chunking) → text (decodeScanBytes) → meaning (KioskLink). No crash,
// bounded memory, and every accepted code is well-formed: item ids pass the id
// rule, tracking codes are canonical and parse back to themselves.
#include "kiosklink.h"
#include "scanline.h"

#include <cstdint>

using namespace device;
using namespace content;

namespace {
const LinkRules &rules()
{
    static const LinkRules r = [] {
        LinkRules x;
        x.pageBaseUrls = {QStringLiteral("https://zwgk.example.gov.cn/kiosk")};
        x.allowedHosts = {QStringLiteral("www.example.gov.cn")};
        x.today = QDate(2026, 11, 22);
        return x;
    }();
    return r;
}

void check(const QString &text)
{
    const KioskLink c = KioskLink::parse(text, rules());
    switch (c.kind) {
    case KioskLink::Kind::Item:
        if (!KioskLink::isItemId(c.itemId) || c.rejection != KioskLink::Rejection::None)
            __builtin_trap();
        break;
    case KioskLink::Kind::Tracking: {
        const KioskLink again = KioskLink::parse(c.trackingCode, rules());
        if (again.kind != KioskLink::Kind::Tracking || again.trackingCode != c.trackingCode ||
            !c.trackingDate.isValid())
            __builtin_trap();
        break;
    }
    case KioskLink::Kind::Rejected:
        if (c.rejection == KioskLink::Rejection::None || c.host.size() > 253)
            __builtin_trap();
        break;
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 64 * 1024)
        return 0;
    constexpr int kMax = 600;
    const ScanLineFramer::Suffix suffixes[] = {ScanLineFramer::Suffix::Any, ScanLineFramer::Suffix::CR,
                                               ScanLineFramer::Suffix::LF, ScanLineFramer::Suffix::CRLF};
    ScanLineFramer framer(suffixes[data[0] & 3], kMax);
    const size_t chunk = size_t(data[0] >> 2) + 1;
    const char *bytes = reinterpret_cast<const char *>(data) + 1;
    const size_t n = size - 1;
    for (size_t at = 0; at < n; at += chunk) {
        framer.feed(QByteArrayView(bytes + at, qsizetype(std::min(chunk, n - at))));
        while (auto line = framer.next()) {
            if (line->overlong ? !line->bytes.isEmpty() : line->bytes.size() > kMax)
                __builtin_trap();
            const ScanText t = decodeScanBytes(line->bytes);
            if (t.encoding != ScanText::Encoding::Invalid)
                check(t.text);
        }
        if (framer.buffered() > kMax + 2)
            __builtin_trap();
    }
    // The whole input as one scan, as a camera decoder would deliver it.
    check(QString::fromUtf8(bytes, qsizetype(n)));
    return 0;
}
