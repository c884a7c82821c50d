// The device half of the composition root (KioskApp): scanners and the ID card
// reader on their worker threads, wired to the session through queued signals.
#include "kioskapp.h"

#include "evdevscanner.h"
#ifdef KIOSK_HAVE_MULTIMEDIA
#include "camerascanner.h"
#include <QCameraDevice>
#include <QMediaDevices>
#endif
#include "idcardholder.h"
#include "idcardservice.h"
#include "navigator.h"
#include "scannerservice.h"
#include "scanrouter.h"
#include "serialscanner.h"
#include "session.h"

#include <QDate>
#include <QLoggingCategory>
#include <QUrl>

namespace kiosk {

Q_DECLARE_LOGGING_CATEGORY(lcKiosk)

namespace {
// Stable names the udev rules in deploy/ give known devices ("auto").
const char *kAutoIdCardReader = "/dev/disclosure-kiosk/id-card-reader";
const char *kAutoQrScanner = "/dev/disclosure-kiosk/qr-scanner";
const char *kAutoKeyboardScanner = "/dev/disclosure-kiosk/qr-scanner-kbd";

// config/ has checked both: an http(s) page address, host names as QUrl gives them.
content::LinkRules scanRules(const config::ScanSettings &scan)
{
    content::LinkRules rules;
    if (!scan.pageBaseUrl.isEmpty())
        rules.pageBaseUrls << scan.pageBaseUrl.toString();
    rules.allowedHosts = scan.allowedHosts;
    rules.today = QDate::currentDate();
    return rules;
}

// The device to open: empty when not fitted, the udev link when "auto".
QString devicePath(const config::DeviceLocation &where, const char *autoLink)
{
    switch (where.kind) {
    case config::DeviceLocation::Kind::NotFitted:
        return {};
    case config::DeviceLocation::Kind::Auto:
        return QString::fromLatin1(autoLink);
    case config::DeviceLocation::Kind::Path:
        return where.path;
    }
    return {};
}

device::ScanLineFramer::Suffix framerSuffix(config::ScanSuffix suffix)
{
    switch (suffix) {
    case config::ScanSuffix::Any:
        return device::ScanLineFramer::Suffix::Any;
    case config::ScanSuffix::CR:
        return device::ScanLineFramer::Suffix::CR;
    case config::ScanSuffix::LF:
        return device::ScanLineFramer::Suffix::LF;
    case config::ScanSuffix::CRLF:
        return device::ScanLineFramer::Suffix::CRLF;
    }
    return device::ScanLineFramer::Suffix::Any;
}
} // namespace

device::ScannerService *KioskApp::startScanner(device::Scanner *driver, const QString &path)
{
    auto *service = new device::ScannerService(driver, this);
    connect(service, &device::ScannerService::scanned, m_scan, &ScanRouter::handleScan);
    connect(service, &device::ScannerService::scanFailed, m_scan, &ScanRouter::handleScanFailure);
    auto last = std::make_shared<device::Scanner::State>(device::Scanner::State::Absent);
    connect(service, &device::ScannerService::stateChanged, m_scan,
            [this, last, path](device::Scanner::State s, device::Scanner::Problem, const QString &reason) {
                m_scan->scannerStateChanged(*last, s);
                *last = s;
                if (!reason.isEmpty())
                    qCInfo(lcKiosk).noquote() << "QR scanner" << path << ":" << reason;
            });
    service->start();
    qCInfo(lcKiosk).noquote() << "QR scanner at" << path;
    return service;
}

void KioskApp::startDevices()
{
    const config::ScanSettings scan = m_settings.scan();
    const config::DeviceSettings devices = m_settings.devices();
    m_scan = new ScanRouter(m_catalog, m_navigator, scanRules(scan), m_session, this);
    ScanRouter::setInstance(m_scan);
    connect(m_scan, &ScanRouter::scanHandled, m_session, &Session::touch);

    const QString scannerPath = devicePath(devices.qrScanner, kAutoQrScanner);
    if (!scannerPath.isEmpty()) {
        device::SerialScannerConfig c;
        c.portPath = scannerPath;
        c.suffix = framerSuffix(scan.suffix);
        m_scannerService = startScanner(new device::SerialScanner(c), scannerPath);
    }
    const QString keyboardPath = devicePath(scan.keyboardScanner, kAutoKeyboardScanner);
    if (!keyboardPath.isEmpty())
        m_keyboardScannerService = startScanner(new device::EvdevScanner({keyboardPath, 300, 2000}), keyboardPath);

    startCamera();

    const QString readerPath = devicePath(devices.idCardReader, kAutoIdCardReader);
    m_idCard = new IdCardHolder(!readerPath.isEmpty(), m_session, this);
    IdCardHolder::setInstance(m_idCard);
    if (!readerPath.isEmpty()) {
        device::IdCardReaderConfig c;
        c.portPath = readerPath;
        m_idCardService = new device::IdCardService(c, this);
        connect(m_idCardService, &device::IdCardService::cardRead, m_idCard, &IdCardHolder::accept);
        connect(m_idCardService, &device::IdCardService::cardRead, m_session, &Session::touch);
        connect(m_idCardService, &device::IdCardService::stateChanged, m_idCard,
                [this](device::IdCardReader::State s, device::IdCardReader::Problem p, const QString &reason) {
                    m_idCard->readerStateChanged(s, p);
                    if (!reason.isEmpty())
                        qCInfo(lcKiosk).noquote() << "ID card reader:" << reason;
                });
        m_idCardService->start();
        qCInfo(lcKiosk).noquote() << "ID card reader at" << readerPath;
    }
}

void KioskApp::startCamera()
{
    const config::CameraChoice camera = m_settings.scan().camera;
    if (camera.kind == config::CameraChoice::Kind::None)
        return;
#ifdef KIOSK_HAVE_MULTIMEDIA
    for (const QCameraDevice &d : QMediaDevices::videoInputs())
        qCInfo(lcKiosk).noquote() << "camera available:" << QString::fromUtf8(d.id()) << d.description();
    // An empty id asks CameraScanner for the system's default camera.
    auto *scanner = new CameraScanner(camera.id, this);
    QString error;
    if (!scanner->start(&error)) {
        qCWarning(lcKiosk).noquote() << "camera QR scanning:" << error;
        delete scanner;
        return;
    }
    connect(scanner, &CameraScanner::scanned, m_scan, &ScanRouter::handleScan);
#else
    qCWarning(lcKiosk) << "camera QR scanning: this kiosk was built without Qt Multimedia";
#endif
}

void KioskApp::stopDevices()
{
    // Bounded: the drivers' waits are cancellable; threads are never terminated.
    if (m_scannerService)
        m_scannerService->stop();
    if (m_keyboardScannerService)
        m_keyboardScannerService->stop();
    if (m_idCardService)
        m_idCardService->stop();
    if (m_idCard)
        m_idCard->clear();
}

} // namespace kiosk
