// libFuzzer target: the SAM response parser and the card decoder behind it.
// Any bytes in any chunking (the first input byte picks the chunk size, as a
// serial port delivers arbitrary pieces): no crash, every frame yielded is within
// the protocol's bounds, and a yielded payload framed again parses back unchanged.
#include "idcard.h"
#include "samframe.h"

#include <QDate>
#include <cstdint>

using namespace device;

namespace {
void check(const CardBytes &payload)
{
    if (payload.size() < 3 || payload.size() > SamFrame::MaxLength - 1)
        __builtin_trap();
    const auto r = SamResponse::fromPayload(payload);
    if (!r)
        __builtin_trap();
    SamFrameParser again;
    again.feed(SamFrame::wrap(payload));
    const auto back = again.next();
    if (!back || back->view() != payload.view())
        __builtin_trap();
    // A read-base answer: text length · photo length · text → the card decoder.
    const QByteArrayView d = r->data;
    if (d.size() >= 4 + IdCard::TextBlockSize) {
        if (auto card = IdCard::decode(d.sliced(4, IdCard::TextBlockSize))) {
            (void)card->maskedName();
            (void)card->maskedIdNumber();
            (void)card->idNumberCheck();
            (void)card->isExpired(QDate(2030, 1, 1));
            card->wipe();
            if (!card->name.isEmpty() || !card->idNumber.isEmpty())
                __builtin_trap();
        }
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 16 * 1024)
        return 0;
    const size_t chunk = size_t(data[0] % 64) + 1;
    SamFrameParser parser;
    for (size_t at = 1; at < size; at += chunk) {
        parser.feed(QByteArrayView(reinterpret_cast<const char *>(data) + at,
                                   qsizetype(std::min(chunk, size - at))));
        while (auto payload = parser.next())
            check(*payload);
    }
    // What a driver does after a timeout: give up on stalled headers one by one.
    for (int i = 0; i < 64 && parser.buffered() > 0; ++i) {
        parser.skipStalledFrame();
        while (auto payload = parser.next())
            check(*payload);
    }
    if (parser.buffered() > SamFrame::HeaderSize + SamFrame::MaxLength)
        __builtin_trap();
    return 0;
}
