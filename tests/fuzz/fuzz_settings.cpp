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
    return 0;
}
