#include "scannerservice.h"

#include "devicelog.h"

namespace device {

ScannerService::ScannerService(Scanner *driver, QObject *parent)
    : QObject(parent), m_driver(QStringLiteral("qr-scanner"), driver, lcScannerDevice)
{
    connect(driver, &Scanner::stateChanged, this,
            [this](Scanner::State s, Scanner::Problem p, const QString &reason) {
                m_state = s;
                m_problem = p;
                emit stateChanged(s, p, reason);
            });
    connect(driver, &Scanner::scanned, this, &ScannerService::scanned);
    connect(driver, &Scanner::scanFailed, this, &ScannerService::scanFailed);
}

} // namespace device
