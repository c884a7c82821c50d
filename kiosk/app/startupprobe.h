// StartupProbe: measures how long the process took to show its first frame and
// its peak memory, for the start-up benchmark (--report-startup). Time counts from
// the kernel's record of the process start, so library loading is included.
#pragma once

#include <QString>

namespace kiosk {

namespace startupprobe {

// Milliseconds since this process was started by the kernel.
double millisecondsSinceProcessStart();
// Peak resident memory of this process in KiB.
long peakResidentKiB();
// One JSON line with both figures and the given phase times.
QString report(double firstFrameMs, double contentFrameMs);

} // namespace startupprobe

} // namespace kiosk
