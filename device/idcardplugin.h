// IdCardPlugin: a vendor ID card reader library behind the C ABI of
// idcardplugin_abi.h, loaded with dlopen. The plugin hands over raw bytes; the card
// is decoded by IdCard::decode like any SAM read, and the kiosk's buffers are
// overwritten after use. Synchronous: call it from a worker thread.
#pragma once

#include "idcard.h"

#include <QString>
#include <memory>
#include <optional>

struct kiosk_idcard_plugin_v1;

namespace device {

class IdCardPlugin
{
public:
    ~IdCardPlugin();
    IdCardPlugin(const IdCardPlugin &) = delete;
    IdCardPlugin &operator=(const IdCardPlugin &) = delete;

    // nullptr with a plain reason when the file is missing, not a plugin, or of
    // another ABI version.
    static std::unique_ptr<IdCardPlugin> load(const QString &path, QString *error);

    QString name() const { return m_name; }
    bool open(const QString &port, QString *error);
    void close();

    enum class Read { Card, NoCard, Failed };
    // Card: *card holds the decoded card (photoWlt included). Failed: *error says why.
    Read read(IdCard *card, QString *error);

    struct Photo
    {
        CardBytes rgb; // 24-bit RGB rows: the holder's face, overwritten when it goes
        int width = 0, height = 0;
    };
    bool canDecodePhoto() const;
    std::optional<Photo> decodePhoto(QByteArrayView wlt) const;

private:
    IdCardPlugin() = default;
    void *m_library = nullptr;
    const kiosk_idcard_plugin_v1 *m_api = nullptr;
    void *m_handle = nullptr;
    QString m_name;
};

} // namespace device
