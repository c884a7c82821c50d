// libFuzzer target: the settings file staff edit by hand. Any bytes must load as
// valid settings (defaults where needed) with issues reported, never a crash.
#include "kiosksettings.h"

#include <QDir>
#include <QFile>
#include <cstdint>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    static const QString path =
        QDir::tempPath() + QStringLiteral("/fuzz-kiosk-%1.conf").arg(getpid());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 0;
    f.write(reinterpret_cast<const char *>(data), qint64(size));
    f.close();
    QList<config::SettingsIssue> issues;
    const config::KioskSettings s = config::KioskSettings::load(path, &issues);
    // Whatever was read, every value the kiosk uses is within its allowed range.
    if (s.idleTimeoutSeconds() < 30 || s.idleTimeoutSeconds() > 1800 ||
        !s.offeredLanguages().contains(s.defaultLanguage()))
        __builtin_trap();
    // ... and every list item the kiosk receives was checked, never passed through.
    const config::SyncSettings sync = s.sync();
    for (const QString &root : sync.usbMountRoots)
        if (!root.startsWith(QLatin1Char('/')) || root.contains(QLatin1Char(',')))
            __builtin_trap();
    for (const QString &type : sync.usbFilesystemTypes)
        if (type.isEmpty() || type != type.toLower() || type.contains(QLatin1Char(' ')))
            __builtin_trap();
    const config::ScanSettings scan = s.scan();
    for (const QString &host : scan.allowedHosts)
        if (host.isEmpty() || host.contains(QLatin1Char('/')) || host.contains(QLatin1Char(':')))
            __builtin_trap();
    if (!scan.pageBaseUrl.isEmpty() && scan.pageBaseUrl.host().isEmpty())
        __builtin_trap();
    if (!sync.url.isEmpty() && sync.url.host().isEmpty())
        __builtin_trap();
    return 0;
}
