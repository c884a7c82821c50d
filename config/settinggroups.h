// The settings as the kiosk uses them: one struct per part of the kiosk, produced by
// KioskSettings from values the schema has checked. Lists arrive split and checked item
// by item, "auto"/"none" and choices as enums, addresses as QUrl, built-in locations
// filled in where config/ knows them. kiosk/ reads these fields and never a key, so a
// renamed or retyped setting breaks the build, not a kiosk in a service hall.
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace config {

// Where synced catalogs, trust state and downloads live when sync/root is empty.
inline constexpr const char *kBuiltInSyncRoot = "/var/lib/disclosure-kiosk/sync";

enum class Orientation { Portrait, Landscape };

struct DisplaySettings
{
    Orientation orientation = Orientation::Portrait;
};

struct SessionSettings
{
    int idleTimeoutSeconds = 0;
    int warningSeconds = 0;
    int maxExtensions = 0;
};

struct LanguageSettings
{
    QStringList offered;     // at least one, in the order of the language button
    QString defaultLanguage; // always one of offered
    // Another offered language shows only when the catalog translates this share of
    // the screen texts (content/ui-keys.txt).
    int minCoveragePercent = 0;
};

// Each session starts with these; residents change them for their own visit only.
struct AccessibilityDefaults
{
    bool elderlyMode = false;
    bool highContrast = false;
    bool voice = false;
    double textScale = 1.0; // display/text_scale
};

// The kiosk's voice (kiosk/speech). Volume steps are fixed (SpeechQueue::kVolumeDb);
// each visit starts at defaultVolumeStep and normal rate (Section 508 402.3).
struct SpeechSettings
{
    QString outputDevice = QStringLiteral("default"); // or part of a device's name
    QString voiceChinese = QStringLiteral("cmn-latn-pinyin"); // 1.51's cmn reads 你好 as English
    QString voiceEnglish = QStringLiteral("en-us");
    QString voiceUyghur = QStringLiteral("ug");
    int wordsPerMinute = 175; // normal rate; residents step it from 0.6× to 1.8×
    int defaultVolumeStep = 3;
};

struct StorageSettings
{
    QString localDatabase; // empty: the kiosk's built-in location (installed or per user)
};

// A serial or input device: the stable name the udev rules give it (Auto), not fitted,
// or a path staff configured.
struct DeviceLocation
{
    enum class Kind { Auto, NotFitted, Path };
    Kind kind = Kind::Auto;
    QString path; // Kind::Path: an absolute path under /dev
};

struct DeviceSettings
{
    DeviceLocation idCardReader;
    DeviceLocation qrScanner;
    DeviceLocation receiptPrinter;
};

// What ends one scan on a serial QR scanner.
enum class ScanSuffix { Any, CR, LF, CRLF };

struct CameraChoice
{
    enum class Kind { None, SystemDefault, Id };
    Kind kind = Kind::None;
    QString id; // Kind::Id: a Qt Multimedia camera id
};

struct ScanSettings
{
    QUrl pageBaseUrl;         // empty: no page QR codes; else http(s), no query or fragment
    QStringList allowedHosts; // host names as QUrl::host() gives them, lower case
    ScanSuffix suffix = ScanSuffix::Any;
    DeviceLocation keyboardScanner;
    CameraChoice camera;
};

struct PrintSettings
{
    QString documentQueue; // empty: the CUPS default queue
    int maxPagesPerSession = 0;
    int maxPagesPerDocument = 0;
    QString itemLink; // empty, or an http(s) address with %1 for the item id
};

struct SyncSettings
{
    QUrl url;     // empty: no network sync; else http(s) with a host
    QString root; // sync/root, or kBuiltInSyncRoot
    int pollIntervalMinutes = 0;
    int transferDeadlineMinutes = 0;
    int minRateKibPerSecond = 0;
    QStringList usbMountRoots;      // absolute, cleaned; empty: no USB import
    QStringList usbFilesystemTypes; // kernel names, lower case; empty: any type
    int expiryWarningDays = 0;
};

struct StaffSettings
{
    QString pinHash; // empty: the staff screen stays closed; never logged
};

} // namespace config
