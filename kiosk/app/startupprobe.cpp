#include "startupprobe.h"

#include <QFile>
#include <QStringList>
#include <ctime>
#include <sys/resource.h>
#include <unistd.h>

namespace kiosk {

namespace startupprobe {

double millisecondsSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QString line = QString::fromLatin1(stat.readAll());
    // Fields after the command name (which may contain spaces) start after ')'.
    const QStringList fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields.at(19).toDouble(); // field 22: starttime
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

long peakResidentKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

QString report(double firstFrameMs, double contentFrameMs)
{
    return QStringLiteral("{\"first_frame_ms\": %1, \"content_frame_ms\": %2, \"peak_rss_kib\": %3}")
        .arg(firstFrameMs, 0, 'f', 1)
        .arg(contentFrameMs, 0, 'f', 1)
        .arg(peakResidentKiB());
}

} // namespace startupprobe

} // namespace kiosk
