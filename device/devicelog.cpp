#include "devicelog.h"

Q_LOGGING_CATEGORY(lcIdCardDevice, "kiosk.device.idcard")
Q_LOGGING_CATEGORY(lcScannerDevice, "kiosk.device.scanner")
Q_LOGGING_CATEGORY(lcPrinterDevice, "kiosk.device.printer")
Q_LOGGING_CATEGORY(lcReceiptDevice, "kiosk.device.receipt")
