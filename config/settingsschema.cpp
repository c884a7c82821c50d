#include "settingsschema.h"
#include "settingformats.h"
#include "staffpin.h"

#include <functional>

namespace config {

const std::vector<SettingSpec> &settingsSchema()
{
    static const std::vector<SettingSpec> schema = {
        {"display/orientation", SettingType::Choice, "portrait", 0, 0,
         {"portrait", "landscape"}},
        {"display/text_scale", SettingType::Real, 1.0, 1.0, 2.0, {}},
        {"session/idle_timeout_seconds", SettingType::Integer, 120, 30, 1800, {}},
        {"session/warning_seconds", SettingType::Integer, 30, 20, 120, {}},
        {"session/max_extensions", SettingType::Integer, 10, 10, 100, {}},
        {"language/offered", SettingType::ChoiceList, QStringList{"zh-Hans", "en", "ug"}, 0, 0,
         {"zh-Hans", "en", "ug"}},
        {"language/default", SettingType::Choice, "zh-Hans", 0, 0, {"zh-Hans", "en", "ug"}},
        {"language/min_coverage_percent", SettingType::Integer, 80, 0, 100, {}},
        {"catalog/path", SettingType::FilePath, QString(), 0, 0, {}},
        {"storage/local_database", SettingType::FilePath, QString(), 0, 0, {}},
        {"devices/id_card_reader", SettingType::DevicePath, "auto", 0, 0, {}},
        {"devices/qr_scanner", SettingType::DevicePath, "auto", 0, 0, {}},
        {"devices/receipt_printer", SettingType::DevicePath, "auto", 0, 0, {}},
        {"print/document_queue", SettingType::PrintQueue, QString(), 0, 0, {}},
        {"print/max_pages_per_session", SettingType::Integer, 30, 1, 500, {}},
        {"print/max_pages_per_document", SettingType::Integer, 20, 1, 200, {}},
        {"print/item_link", SettingType::ItemLink, QString(), 0, 0, {}},
        {"accessibility/elderly_mode", SettingType::Boolean, false, 0, 0, {}},
        {"accessibility/high_contrast", SettingType::Boolean, false, 0, 0, {}},
        {"accessibility/voice", SettingType::Boolean, false, 0, 0, {}},
        {"speech/output_device", SettingType::Text, "default", 0, 0, {}},
        {"speech/voice_zh", SettingType::Text, "cmn-latn-pinyin", 0, 0, {}},
        {"speech/voice_en", SettingType::Text, "en-us", 0, 0, {}},
        {"speech/voice_ug", SettingType::Text, "ug", 0, 0, {}},
        {"speech/words_per_minute", SettingType::Integer, 175, 80, 300, {}},
        {"speech/default_volume_step", SettingType::Integer, 3, 0, 4, {}},
        {"scan/page_base_url", SettingType::PageAddress, QString(), 0, 0, {}},
        {"scan/allowed_hosts", SettingType::HostList, QStringList(), 0, 0, {}},
        {"scan/suffix", SettingType::Choice, "auto", 0, 0, {"auto", "cr", "lf", "crlf"}},
        {"scan/keyboard_scanner", SettingType::DevicePath, "auto", 0, 0, {}},
        {"scan/camera", SettingType::Text, "none", 0, 0, {}},
        {"sync/url", SettingType::WebAddress, QString(), 0, 0, {}},
        {"sync/root", SettingType::FilePath, QString(), 0, 0, {}},
        {"sync/poll_interval_minutes", SettingType::Integer, 60, 5, 1440, {}},
        {"sync/transfer_deadline_minutes", SettingType::Integer, 30, 1, 720, {}},
        {"sync/min_rate_kib_per_second", SettingType::Integer, 8, 1, 10240, {}},
        {"sync/usb_mount_roots", SettingType::FolderList, QStringList{"/media", "/run/media"}, 0,
         0, {}},
        {"sync/usb_filesystem_types", SettingType::FilesystemTypeList,
         QStringList{"vfat", "exfat"}, 0, 0, {}},
        {"sync/expiry_warning_days", SettingType::Integer, 3, 1, 30, {}},
        {"staff/pin_hash", SettingType::PinHash, QString(), 0, 0, {}},
    };
    return schema;
}

const SettingSpec *findSetting(const QString &key)
{
    for (const auto &spec : settingsSchema())
        if (spec.key == key)
            return &spec;
    return nullptr;
}

QString describeAllowed(const SettingSpec &spec)
{
    switch (spec.type) {
    case SettingType::Integer:
        return QStringLiteral("a whole number from %1 to %2").arg(spec.min).arg(spec.max);
    case SettingType::Real:
        return QStringLiteral("a number from %1 to %2").arg(spec.min).arg(spec.max);
    case SettingType::Boolean:
        return QStringLiteral("true or false");
    case SettingType::Choice:
        return QStringLiteral("one of: %1").arg(spec.choices.join(", "));
    case SettingType::ChoiceList:
        return QStringLiteral("a comma-separated list of: %1").arg(spec.choices.join(", "));
    case SettingType::DevicePath:
        return QStringLiteral("auto, none, or a device path such as /dev/ttyUSB0");
    case SettingType::FilePath:
        return QStringLiteral("an absolute file path, or empty for the built-in location");
    case SettingType::Text:
        return QStringLiteral("a single line of text");
    case SettingType::WebAddress:
        return QStringLiteral("empty, or an http:// or https:// address with a host name, such as "
                              "https://catalog.example.gov.cn/zone1");
    case SettingType::PageAddress:
        return QStringLiteral("empty, or an http:// or https:// address with a host name and "
                              "no ?query, #part or user name, such as "
                              "https://zwgk.example.gov.cn/kiosk");
    case SettingType::ItemLink:
        return QStringLiteral("empty, or an http:// or https:// address with a host name and %1 "
                              "where the item id goes, such as "
                              "https://www.example.gov.cn/gk/item/%1");
    case SettingType::PrintQueue:
        return QStringLiteral("empty, or a CUPS queue name: up to 127 characters without "
                              "spaces, /, \\, #, ? or quotes");
    case SettingType::FolderList:
        return QStringLiteral("a comma-separated list of absolute folder paths, such as "
                              "/media,/run/media, or empty");
    case SettingType::FilesystemTypeList:
        return QStringLiteral("a comma-separated list of filesystem types as the kernel names "
                              "them (%1), or empty")
            .arg(removableFilesystemTypes().join(", "));
    case SettingType::HostList:
        return QStringLiteral("a comma-separated list of host names without http:// or a path, "
                              "such as www.example.gov.cn,zwfw.example.gov.cn, or empty");
    case SettingType::PinHash:
        return QStringLiteral("empty, or an Argon2id hash made by kiosk --hash-pin "
                              "($argon2id$v=19$m=…,t=…,p=…$salt$hash, in quotes)");
    }
    return {};
}

QString describeDefault(const SettingSpec &spec)
{
    const QString text = spec.defaultValue.typeId() == QMetaType::QStringList
                             ? spec.defaultValue.toStringList().join(',')
                             : spec.defaultValue.toString();
    return text.isEmpty() ? QStringLiteral("(empty)") : QStringLiteral("'%1'").arg(text);
}

bool mayLogValue(const SettingSpec &spec) { return spec.type != SettingType::PinHash; }

static CheckedValue rejected(const SettingSpec &spec)
{
    return {std::nullopt, QStringLiteral("must be %1").arg(describeAllowed(spec))};
}

// A comma-separated list checked item by item: the first bad item is named with what
// is wrong with it, and the whole setting falls back to its default, as any bad value
// does (half a list of USB roots would hide a mistake rather than show it).
static CheckedValue checkList(const SettingSpec &spec, const QString &v, const QString &whatItIsNot,
                              const std::function<std::optional<QString>(const QString &)> &item)
{
    QStringList out;
    for (const QString &raw : splitList(v)) {
        const std::optional<QString> checked = item(raw);
        if (!checked)
            return {std::nullopt, QStringLiteral("has '%1', which is not %2; must be %3")
                                      .arg(raw.left(80), whatItIsNot, describeAllowed(spec))};
        if (!out.contains(*checked))
            out << *checked;
    }
    return {out, {}};
}

CheckedValue checkValue(const SettingSpec &spec, const QString &raw)
{
    const QString v = raw.trimmed();
    switch (spec.type) {
    case SettingType::Integer: {
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok || n < spec.min || n > spec.max)
            return rejected(spec);
        return {n, {}};
    }
    case SettingType::Real: {
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!ok || d < spec.min || d > spec.max)
            return rejected(spec);
        return {d, {}};
    }
    case SettingType::Boolean: {
        const QString l = v.toLower();
        if (l == "true" || l == "yes" || l == "on" || l == "1")
            return {true, {}};
        if (l == "false" || l == "no" || l == "off" || l == "0")
            return {false, {}};
        return rejected(spec);
    }
    case SettingType::Choice:
        if (!spec.choices.contains(v))
            return rejected(spec);
        return {v, {}};
    case SettingType::ChoiceList: {
        CheckedValue checked = checkList(spec, v, QStringLiteral("allowed"),
                                         [&spec](const QString &item) -> std::optional<QString> {
                                             if (!spec.choices.contains(item))
                                                 return std::nullopt;
                                             return item;
                                         });
        if (checked.value && checked.value->toStringList().isEmpty())
            return rejected(spec);
        return checked;
    }
    case SettingType::FolderList:
        return checkList(spec, v, QStringLiteral("an absolute folder path"), absoluteFolder);
    case SettingType::FilesystemTypeList:
        return checkList(spec, v, QStringLiteral("a filesystem type of a stick or disc"),
                         removableFilesystemType);
    case SettingType::HostList:
        return checkList(spec, v, QStringLiteral("a host name"), hostName);
    case SettingType::DevicePath:
        if (v == "auto" || v == "none")
            return {v, {}};
        if (v.startsWith("/dev/") && !v.contains("..") && v.size() > 5)
            return {v, {}};
        return rejected(spec);
    case SettingType::FilePath:
        if (v.isEmpty() || isAbsolutePath(v))
            return {v, {}};
        return rejected(spec);
    case SettingType::Text:
        if (v.contains('\n') || v.contains('\r'))
            return rejected(spec);
        return {v, {}};
    case SettingType::WebAddress:
        if (v.isEmpty() || isWebAddress(v))
            return {v, {}};
        return rejected(spec);
    case SettingType::PageAddress:
        if (v.isEmpty() || isPageBaseAddress(v))
            return {v, {}};
        return rejected(spec);
    case SettingType::ItemLink:
        if (v.isEmpty() || isItemLinkTemplate(v))
            return {v, {}};
        return rejected(spec);
    case SettingType::PrintQueue:
        if (v.isEmpty() || isPrintQueueName(v))
            return {v, {}};
        return rejected(spec);
    case SettingType::PinHash: // empty keeps its meaning: the staff screen stays closed
        if (v.isEmpty() || isArgon2idPinHash(v))
            return {v, {}};
        return rejected(spec);
    }
    return rejected(spec);
}

} // namespace config
