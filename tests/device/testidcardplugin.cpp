// A test ID card reader plugin: a shared library speaking idcardplugin_abi.h the
// way a wrapped vendor library would. Its "reader" is the port name: "card"
// (a card on it), "empty" (no card), "broken" (card unreadable); anything else
// does not open. Built twice: once with a wrong ABI version (TEST_WRONG_ABI).
// Deliberately without Qt, as a vendor wrapper would be.
#include "idcardplugin_abi.h"

#include <cstring>
#include <string>

namespace {
struct Reader
{
    std::string port;
};

void put(uint8_t *block, int offset, int bytes, const char16_t *text)
{
    bool ended = false;
    for (int i = 0; i < bytes / 2; ++i) {
        ended = ended || text[i] == 0;
        const char16_t c = ended ? u' ' : text[i]; // space-padded, as on the card
        block[offset + 2 * i] = uint8_t(c & 0xFF);
        block[offset + 2 * i + 1] = uint8_t(c >> 8);
    }
}

int openReader(void **handle, const char *port)
{
    const std::string p = port ? port : "";
    if (p != "card" && p != "empty" && p != "broken")
        return KIOSK_IDCARD_ERR_PORT;
    *handle = new Reader{p};
    return KIOSK_IDCARD_OK;
}

void closeReader(void *handle)
{
    delete static_cast<Reader *>(handle);
}

int readCard(void *handle, uint8_t *text, size_t textCapacity, size_t *textLength, uint8_t *photo,
             size_t photoCapacity, size_t *photoLength)
{
    const Reader *r = static_cast<Reader *>(handle);
    if (r->port == "empty")
        return KIOSK_IDCARD_NO_CARD;
    if (r->port == "broken")
        return KIOSK_IDCARD_ERR_CARD;
    if (textCapacity < 256 || photoCapacity < 1024)
        return KIOSK_IDCARD_ERR_BUFFER;
    std::memset(text, 0, 256);
    put(text, 0, 30, u"李四");
    put(text, 30, 2, u"2");
    put(text, 32, 4, u"03");
    put(text, 36, 16, u"19900307");
    put(text, 52, 70, u"示例省示例市插件路8号");
    put(text, 122, 36, u"110105199003070025");
    put(text, 158, 30, u"示例市公安局");
    put(text, 188, 16, u"20200101");
    put(text, 204, 16, u"长期");
    put(text, 220, 36, u"");
    for (size_t i = 0; i < 1024; ++i)
        photo[i] = uint8_t(i * 7);
    *textLength = 256;
    *photoLength = 1024;
    return KIOSK_IDCARD_OK;
}

// "Decodes" the WLT bytes into a 102x126 gradient keyed by the first byte.
int decodePhoto(const uint8_t *wlt, size_t wltLength, uint8_t *rgb, size_t rgbCapacity, int *width, int *height)
{
    if (wltLength != 1024)
        return KIOSK_IDCARD_ERR_CARD;
    const int w = 102, h = 126;
    if (rgbCapacity < size_t(w * h * 3))
        return KIOSK_IDCARD_ERR_BUFFER;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t *p = rgb + (y * w + x) * 3;
            p[0] = uint8_t(x * 2);
            p[1] = uint8_t(y * 2);
            p[2] = wlt[0];
        }
    *width = w;
    *height = h;
    return KIOSK_IDCARD_OK;
}

const kiosk_idcard_plugin_v1 kPlugin = {
#ifdef TEST_WRONG_ABI
    KIOSK_IDCARD_PLUGIN_ABI_VERSION + 1,
#else
    KIOSK_IDCARD_PLUGIN_ABI_VERSION,
#endif
    "test-reader", openReader, closeReader, readCard, decodePhoto};
} // namespace

extern "C" __attribute__((visibility("default"))) const kiosk_idcard_plugin_v1 *kiosk_idcard_plugin_v1()
{
    return &kPlugin;
}
