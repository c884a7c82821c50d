#include "idcardplugin.h"

#include "devicelog.h"
#include "idcardplugin_abi.h"

#include <QFile>
#include <array>
#include <dlfcn.h>

namespace device {

namespace {
template <size_t N> void wipe(std::array<uint8_t, N> &buffer)
{
    volatile uint8_t *p = buffer.data();
    for (size_t i = 0; i < N; ++i)
        p[i] = 0;
}
} // namespace

IdCardPlugin::~IdCardPlugin()
{
    close();
    if (m_library)
        ::dlclose(m_library);
}

std::unique_ptr<IdCardPlugin> IdCardPlugin::load(const QString &path, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return std::unique_ptr<IdCardPlugin>();
    };
    if (!QFile::exists(path))
        return fail(QStringLiteral("the reader plugin %1 does not exist").arg(path));
    void *lib = ::dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return fail(QStringLiteral("the reader plugin %1 cannot be loaded: %2")
                        .arg(path, QString::fromLocal8Bit(::dlerror())));
    auto entry = reinterpret_cast<kiosk_idcard_plugin_entry>(::dlsym(lib, KIOSK_IDCARD_PLUGIN_ENTRY));
    const kiosk_idcard_plugin_v1 *api = entry ? entry() : nullptr;
    QString why;
    if (!entry)
        why = QStringLiteral("%1 is not an ID card reader plugin (no %2)").arg(path, QLatin1String(KIOSK_IDCARD_PLUGIN_ENTRY));
    else if (!api || api->abi_version != KIOSK_IDCARD_PLUGIN_ABI_VERSION)
        why = QStringLiteral("the reader plugin %1 was built for another kiosk version (ABI %2, expected %3)")
                  .arg(path).arg(api ? api->abi_version : 0).arg(KIOSK_IDCARD_PLUGIN_ABI_VERSION);
    else if (!api->open || !api->close || !api->read_card)
        why = QStringLiteral("the reader plugin %1 is incomplete").arg(path);
    if (!why.isEmpty()) {
        ::dlclose(lib);
        return fail(why);
    }
    std::unique_ptr<IdCardPlugin> plugin(new IdCardPlugin);
    plugin->m_library = lib;
    plugin->m_api = api;
    plugin->m_name = QString::fromLatin1(api->name ? api->name : "unnamed").left(64);
    qCInfo(lcIdCardDevice).noquote() << "idcard: plugin" << plugin->m_name << "loaded";
    return plugin;
}

bool IdCardPlugin::open(const QString &port, QString *error)
{
    close();
    void *handle = nullptr;
    const int rc = m_api->open(&handle, QFile::encodeName(port).constData());
    if (rc < 0) {
        if (error)
            *error = QStringLiteral("the reader at %1 does not answer (plugin %2, code %3)").arg(port, m_name).arg(rc);
        return false;
    }
    m_handle = handle;
    return true;
}

void IdCardPlugin::close()
{
    if (m_handle)
        m_api->close(m_handle);
    m_handle = nullptr;
}

IdCardPlugin::Read IdCardPlugin::read(IdCard *card, QString *error)
{
    if (!m_handle) {
        if (error)
            *error = QStringLiteral("the reader is not open");
        return Read::Failed;
    }
    std::array<uint8_t, IdCard::TextBlockSize> text {};
    std::array<uint8_t, 4096> photo {};
    size_t textLength = 0, photoLength = 0;
    const int rc = m_api->read_card(m_handle, text.data(), text.size(), &textLength, photo.data(),
                                    photo.size(), &photoLength);
    Read result = Read::Failed;
    if (rc == KIOSK_IDCARD_NO_CARD) {
        result = Read::NoCard;
    } else if (rc == KIOSK_IDCARD_OK && textLength == text.size() && photoLength <= photo.size()) {
        if (auto decoded = IdCard::decode(QByteArrayView(reinterpret_cast<const char *>(text.data()), qsizetype(textLength)))) {
            // Moved, not copied: wiping a copy would wipe the shared fields too.
            card->wipe();
            *card = std::move(*decoded);
            card->photoWlt = SharedCardBytes(
                QByteArrayView(reinterpret_cast<const char *>(photo.data()), qsizetype(photoLength)));
            result = Read::Card;
        } else if (error) {
            *error = QStringLiteral("the card's data could not be decoded");
        }
    } else if (error) {
        *error = rc == KIOSK_IDCARD_ERR_CARD ? QStringLiteral("the card could not be read")
               : rc == KIOSK_IDCARD_ERR_PORT ? QStringLiteral("the reader does not answer")
               : rc == KIOSK_IDCARD_OK       ? QStringLiteral("the plugin returned a text block of the wrong size")
                                             : QStringLiteral("the plugin reported error %1").arg(rc);
    }
    wipe(text);
    wipe(photo);
    qCInfo(lcIdCardDevice) << "idcard: plugin read" << int(result);
    return result;
}

bool IdCardPlugin::canDecodePhoto() const
{
    return m_api && m_api->decode_photo;
}

std::optional<IdCardPlugin::Photo> IdCardPlugin::decodePhoto(QByteArrayView wlt) const
{
    if (!canDecodePhoto())
        return std::nullopt;
    constexpr int kMaxSide = 512;
    Photo photo;
    // Whatever the plugin wrote is overwritten with the block, kept or not.
    photo.rgb.appendFrom(kMaxSide * kMaxSide * 3, [&](char *to, qsizetype room) -> qsizetype {
        int w = 0, h = 0;
        const int rc = m_api->decode_photo(reinterpret_cast<const uint8_t *>(wlt.data()), size_t(wlt.size()),
                                           reinterpret_cast<uint8_t *>(to), size_t(room), &w, &h);
        if (rc != KIOSK_IDCARD_OK || w <= 0 || h <= 0 || w > kMaxSide || h > kMaxSide)
            return 0;
        photo.width = w;
        photo.height = h;
        return qsizetype(w) * h * 3;
    });
    if (photo.rgb.isEmpty())
        return std::nullopt;
    return photo;
}

} // namespace device
