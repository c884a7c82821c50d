#include "scannerservice.h"

#include "devicelog.h"

namespace device {

ScannerService::ScannerService(Scanner *driver, QObject *parent)
    : QObject(parent), m_thread(new QThread), m_driver(driver)
{
    m_thread->setObjectName(QStringLiteral("qr-scanner"));
    m_driver->moveToThread(m_thread);
    connect(m_driver, &Scanner::stateChanged, this,
            [this](Scanner::State s, Scanner::Problem p, const QString &reason) {
                m_state = s;
                m_problem = p;
                emit stateChanged(s, p, reason);
            });
    connect(m_driver, &Scanner::scanned, this, &ScannerService::scanned);
    connect(m_driver, &Scanner::scanFailed, this, &ScannerService::scanFailed);
}

ScannerService::~ScannerService()
{
    stop();
}

void ScannerService::start()
{
    if (!m_driver || m_thread->isRunning())
        return;
    m_thread->start();
    QMetaObject::invokeMethod(m_driver, &Scanner::start, Qt::QueuedConnection);
}

bool ScannerService::stop(int timeoutMs)
{
    if (!m_driver)
        return true;
    if (m_thread->isRunning()) {
        m_driver->requestStop();
        QMetaObject::invokeMethod(m_driver, &Scanner::shutdown, Qt::QueuedConnection);
        if (!m_thread->wait(QDeadlineTimer(timeoutMs))) {
            qCWarning(lcScannerDevice) << "scanner: worker did not stop within" << timeoutMs << "ms";
            m_driver->disconnect(this);
            m_driver = nullptr;
            m_thread = nullptr;
            return false;
        }
    }
    delete m_driver;
    delete m_thread;
    m_driver = nullptr;
    m_thread = nullptr;
    return true;
}

} // namespace device
