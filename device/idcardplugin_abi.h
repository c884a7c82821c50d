/* The C ABI of ID card reader plugins (vendor libraries wrapped in a small shared
 * object, loaded with dlopen). A plugin only moves bytes: it returns the card's raw
 * 256-byte text block and raw WLT photo exactly as the SAM delivers them, and the
 * kiosk decodes the text with its own parser (device/idcard.h). Decoding the WLT
 * photo needs a licensed vendor library, so it is only ever done through a plugin.
 * Plugins must not log, store or keep card data after returning it.
 * Entry point: kiosk_idcard_plugin_v1(), returning a static table. */
#ifndef KIOSK_IDCARDPLUGIN_ABI_H
#define KIOSK_IDCARDPLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KIOSK_IDCARD_PLUGIN_ABI_VERSION 1u
#define KIOSK_IDCARD_PLUGIN_ENTRY "kiosk_idcard_plugin_v1"

/* Return codes of open/read_card/decode_photo. */
enum {
    KIOSK_IDCARD_OK = 1,           /* read_card: a card was read */
    KIOSK_IDCARD_NO_CARD = 0,      /* read_card: no (new) card on the reader */
    KIOSK_IDCARD_ERR_PORT = -1,    /* the reader cannot be reached */
    KIOSK_IDCARD_ERR_CARD = -2,    /* a card is there but could not be read */
    KIOSK_IDCARD_ERR_BUFFER = -3,  /* a buffer given by the kiosk is too small */
    KIOSK_IDCARD_ERR_OTHER = -4
};

struct kiosk_idcard_plugin_v1 {
    uint32_t abi_version;  /* KIOSK_IDCARD_PLUGIN_ABI_VERSION */
    const char *name;      /* reader family, for the log (ASCII) */
    /* Opens the reader at port (a device path or the vendor's port name). */
    int (*open)(void **handle, const char *port);
    void (*close)(void *handle);
    /* Reads the card on the reader: text (256 bytes, UTF-16LE) and photo (WLT, usually
     * 1024 bytes) into the kiosk's buffers. */
    int (*read_card)(void *handle, uint8_t *text, size_t text_capacity, size_t *text_length,
                     uint8_t *photo, size_t photo_capacity, size_t *photo_length);
    /* Optional (NULL if unsupported): a WLT photo to 24-bit RGB rows, top to bottom. */
    int (*decode_photo)(const uint8_t *wlt, size_t wlt_length, uint8_t *rgb, size_t rgb_capacity,
                        int *width, int *height);
};

typedef const struct kiosk_idcard_plugin_v1 *(*kiosk_idcard_plugin_entry)(void);

#ifdef __cplusplus
}
#endif

#endif
