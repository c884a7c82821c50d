// One logging category per driver, so staff can switch on exactly the device they are
// looking at (deploy/README.md: QT_LOGGING_RULES="kiosk.device.scanner.debug=true").
// Card contents and scanned texts are never logged, at any level.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcIdCardDevice)  // kiosk.device.idcard: SAM reader, plugins
Q_DECLARE_LOGGING_CATEGORY(lcScannerDevice) // kiosk.device.scanner: serial and keyboard-wedge scanners
Q_DECLARE_LOGGING_CATEGORY(lcPrinterDevice) // kiosk.device.printer: CUPS queues and jobs
Q_DECLARE_LOGGING_CATEGORY(lcReceiptDevice) // kiosk.device.receipt: the ESC/POS receipt printer
