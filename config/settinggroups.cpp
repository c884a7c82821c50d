// KioskSettings' typed groups (settinggroups.h), read from the values the schema has
// checked: the conversions below cannot meet a value the schema would refuse.
#include "kiosksettings.h"

namespace config {

namespace {

DeviceLocation deviceAt(const QString &checked)
{
    if (checked == QLatin1String("auto"))
        return {DeviceLocation::Kind::Auto, {}};
    if (checked == QLatin1String("none"))
        return {DeviceLocation::Kind::NotFitted, {}};
    return {DeviceLocation::Kind::Path, checked};
}

ScanSuffix suffixNamed(const QString &checked)
{
    if (checked == QLatin1String("cr"))
        return ScanSuffix::CR;
    if (checked == QLatin1String("lf"))
        return ScanSuffix::LF;
    if (checked == QLatin1String("crlf"))
        return ScanSuffix::CRLF;
    return ScanSuffix::Any;
}

// An empty scan/camera is taken as none: the key written without a value.
CameraChoice cameraNamed(const QString &checked)
{
    if (checked.isEmpty() || checked == QLatin1String("none"))
        return {CameraChoice::Kind::None, {}};
    if (checked == QLatin1String("default"))
        return {CameraChoice::Kind::SystemDefault, {}};
    return {CameraChoice::Kind::Id, checked};
}

} // namespace

DisplaySettings KioskSettings::display() const
{
    return {orientation() == QLatin1String("landscape") ? Orientation::Landscape
                                                        : Orientation::Portrait};
}

SessionSettings KioskSettings::session() const
{
    return {idleTimeoutSeconds(), warningSeconds(), value("session/max_extensions").toInt()};
}

LanguageSettings KioskSettings::languages() const
{
    return {offeredLanguages(), defaultLanguage(), value("language/min_coverage_percent").toInt()};
}

AccessibilityDefaults KioskSettings::accessibilityDefaults() const
{
    return {value("accessibility/elderly_mode").toBool(),
            value("accessibility/high_contrast").toBool(), value("accessibility/voice").toBool(),
            textScale()};
}

SpeechSettings KioskSettings::speech() const
{
    return {value("speech/output_device").toString(), value("speech/voice_zh").toString(),
            value("speech/voice_en").toString(), value("speech/voice_ug").toString(),
            value("speech/words_per_minute").toInt(), value("speech/default_volume_step").toInt()};
}

StorageSettings KioskSettings::storage() const
{
    return {value("storage/local_database").toString()};
}

DeviceSettings KioskSettings::devices() const
{
    return {deviceAt(value("devices/id_card_reader").toString()),
            deviceAt(value("devices/qr_scanner").toString()),
            deviceAt(value("devices/receipt_printer").toString())};
}

ScanSettings KioskSettings::scan() const
{
    ScanSettings s;
    const QString base = value("scan/page_base_url").toString();
    if (!base.isEmpty())
        s.pageBaseUrl = QUrl(base, QUrl::StrictMode);
    s.allowedHosts = value("scan/allowed_hosts").toStringList();
    s.suffix = suffixNamed(value("scan/suffix").toString());
    s.keyboardScanner = deviceAt(value("scan/keyboard_scanner").toString());
    s.camera = cameraNamed(value("scan/camera").toString());
    return s;
}

PrintSettings KioskSettings::print() const
{
    return {value("print/document_queue").toString(), maxPagesPerSession(),
            value("print/max_pages_per_document").toInt(), value("print/item_link").toString()};
}

SyncSettings KioskSettings::sync() const
{
    SyncSettings s;
    const QString url = value("sync/url").toString();
    if (!url.isEmpty())
        s.url = QUrl(url, QUrl::StrictMode);
    s.root = value("sync/root").toString();
    if (s.root.isEmpty())
        s.root = QString::fromLatin1(kBuiltInSyncRoot);
    s.pollIntervalMinutes = value("sync/poll_interval_minutes").toInt();
    s.transferDeadlineMinutes = value("sync/transfer_deadline_minutes").toInt();
    s.minRateKibPerSecond = value("sync/min_rate_kib_per_second").toInt();
    s.usbMountRoots = value("sync/usb_mount_roots").toStringList();
    s.usbFilesystemTypes = value("sync/usb_filesystem_types").toStringList();
    s.expiryWarningDays = value("sync/expiry_warning_days").toInt();
    return s;
}

StaffSettings KioskSettings::staff() const
{
    return {value("staff/pin_hash").toString()};
}

} // namespace config
