#include "kioskapp.h"
#include "accessibilitysettings.h"
#include "cataloggenerations.h"
#include "catalogservice.h"
#include "itemopener.h"
#include "inputengines.h"
#include "localization.h"
#include "navigator.h"
#include "printcontroller.h"
#include "qrimageprovider.h"
#include "session.h"
#include "usagelog.h"
#include "idcardholder.h"
#include "scanrouter.h"
#include "catalogsynccontroller.h"
#include "staffviewmodel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

namespace kiosk {

Q_LOGGING_CATEGORY(lcKiosk, "kiosk.app")

#ifndef KIOSK_DEMO_CATALOG
#define KIOSK_DEMO_CATALOG ""
#endif

namespace {
const char *kSystemConfig = "/etc/disclosure-kiosk/kiosk.conf";
const char *kSyncRoot = "/var/lib/disclosure-kiosk/sync"; // see sync/README.md
} // namespace

KioskApp::KioskApp(Options options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    const QString configPath =
        m_options.configPath.isEmpty() ? defaultConfigPath() : m_options.configPath;
    m_settings = config::KioskSettings::load(configPath, &m_issues);
    for (const auto &issue : std::as_const(m_issues))
        qCWarning(lcKiosk).noquote() << "settings:" << issue.message;
    if (!m_options.orientation.isEmpty()) {
        const QString problem = m_settings.set("display/orientation", m_options.orientation);
        if (!problem.isEmpty())
            qCWarning(lcKiosk).noquote() << "--orientation:" << problem;
    }
    m_catalogPath = resolveCatalogPath(m_options.catalogPath, m_settings);
}

KioskApp::~KioskApp()
{
    // The services die with this object; QML must not reach them through create().
    CatalogService::setInstance(nullptr);
    Localization::setInstance(nullptr);
    AccessibilitySettings::setInstance(nullptr);
    Navigator::setInstance(nullptr);
    Session::setInstance(nullptr);
    UsageLog::setInstance(nullptr);
    PrintController::setInstance(nullptr);
    if (m_documentPrinter)
        m_documentPrinter->stop();
    stopDevices();
    ScanRouter::setInstance(nullptr);
    IdCardHolder::setInstance(nullptr);
    InputEngines::setInstance(nullptr);
    StaffViewModel::setInstance(nullptr);
}

QString KioskApp::defaultConfigPath()
{
    if (QFileInfo::exists(kSystemConfig))
        return QString::fromUtf8(kSystemConfig);
    const QString local = QCoreApplication::applicationDirPath() + "/../kiosk.conf";
    return QFileInfo::exists(local) ? QFileInfo(local).canonicalFilePath() : QString();
}

QString KioskApp::resolveCatalogPath(const QString &explicitPath,
                                     const config::KioskSettings &settings)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    if (!settings.catalogPath().isEmpty())
        return settings.catalogPath();
    const QString synced = catalogsync::CatalogGenerations(syncRoot(settings)).currentCatalog();
    if (!synced.isEmpty())
        return synced;
    return QString::fromUtf8(KIOSK_DEMO_CATALOG);
}

QString KioskApp::syncRoot(const config::KioskSettings &settings)
{
    const QString configured = settings.value("sync/root").toString();
    return configured.isEmpty() ? QString::fromUtf8(kSyncRoot) : configured;
}

bool KioskApp::start(QQmlApplicationEngine &engine)
{
    m_catalog = new CatalogService(this);
    CatalogService::setInstance(m_catalog);
    m_session = new Session({m_settings.idleTimeoutSeconds(), m_settings.warningSeconds(),
                             m_settings.value("session/max_extensions").toInt()},
                            this);
    Session::setInstance(m_session);
    m_localization = new Localization(m_catalog, m_settings.offeredLanguages(),
                                      m_settings.defaultLanguage(), m_session, this);
    Localization::setInstance(m_localization);
    AccessibilitySettings::Defaults defaults;
    defaults.elderlyMode = m_settings.value("accessibility/elderly_mode").toBool();
    defaults.voice = m_settings.value("accessibility/voice").toBool();
    defaults.highContrast = m_settings.value("accessibility/high_contrast").toBool();
    defaults.baseScale = m_settings.textScale();
    m_accessibility = new AccessibilitySettings(defaults, m_session, this);
    AccessibilitySettings::setInstance(m_accessibility);
    m_navigator = new Navigator(m_session, this);
    Navigator::setInstance(m_navigator);
    m_usage = new UsageLog(m_settings.value("storage/local_database").toString().isEmpty()
                               ? UsageLog::defaultPath()
                               : m_settings.value("storage/local_database").toString(),
                           this);
    UsageLog::setInstance(m_usage);
    InputEngines::setInstance(new InputEngines(this)); // on-screen keyboard: pinyin, handwriting

    // Printing: CUPS on its own thread; a missing CUPS or printer only shows as a problem.
    device::DocumentPrinterConfig printerConfig;
    printerConfig.queue = m_settings.value("print/document_queue").toString();
    m_documentPrinter = new device::DocumentPrintService(printerConfig, this);
    m_documentPrinter->start();
    PrintController::Limits printLimits;
    printLimits.sessionPages = m_settings.value("print/max_pages_per_session").toInt();
    printLimits.documentPages = m_settings.value("print/max_pages_per_document").toInt();
    printLimits.itemLinkFormat = m_settings.value("print/item_link").toString();
    m_printing = new PrintController(m_catalog, m_localization, m_documentPrinter, printLimits, m_session, this);
    PrintController::setInstance(m_printing);

    startDevices(); // kioskdevices.cpp: scanners, ID card reader
    connect(m_accessibility, &AccessibilitySettings::changed, this, [this] {
        m_session->setSlowMode(m_accessibility->elderlyMode() || m_accessibility->voice());
    });
    connect(m_navigator, &Navigator::itemLinkActivated, this,
            [this](const QString &id) { openItemById(m_catalog, m_navigator, this, id); });
    connect(m_navigator, &Navigator::currentChanged, m_session, &Session::touch);

    qCInfo(lcKiosk).noquote() << "catalog:" << m_catalogPath;
    m_catalog->openCatalog(m_catalogPath);

    // Catalog sync: network polling and USB import; new catalogs open between sessions.
    CatalogSyncController::Settings sync;
    sync.sync.syncRoot = syncRoot(m_settings);
    sync.sync.repositoryUrl = QUrl(m_settings.value("sync/url").toString().trimmed());
    sync.sync.pollIntervalSeconds = m_settings.value("sync/poll_interval_minutes").toInt() * 60;
    sync.sync.transferDeadlineSeconds = m_settings.value("sync/transfer_deadline_minutes").toInt() * 60;
    sync.sync.http.minBytesPerSecond = m_settings.value("sync/min_rate_kib_per_second").toLongLong() * 1024;
    sync.usbMountRoots = m_settings.value("sync/usb_mount_roots").toStringList();
    sync.usbFilesystemTypes = m_settings.value("sync/usb_filesystem_types").toStringList();
    m_sync = new CatalogSyncController(sync, m_catalog, m_session, this);
    // The gate's wrong PINs live beside the usage store: the kiosk's own writable storage.
    const QString pinGateFile = QFileInfo(m_usage->path()).absolutePath() + "/staff-pin-gate";
    m_staff = new StaffViewModel(m_sync, m_session, m_settings.value("staff/pin_hash").toString(),
                                 pinGateFile, m_settings.value("sync/expiry_warning_days").toInt(), this);
    StaffViewModel::setInstance(m_staff);
    m_sync->start();

    engine.addImageProvider(QrImageProvider::kProviderId, new QrImageProvider);
    engine.addImageProvider(PrintPreviewProvider::kProviderId,
                            new PrintPreviewProvider(m_printing->previewState()));
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    const bool landscape = m_settings.orientation() == QLatin1String("landscape");
    engine.setInitialProperties({{"landscape", landscape}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Kiosk/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        qCCritical(lcKiosk) << "the kiosk's main view could not be loaded";
        return false;
    }
    m_window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!m_window)
        return false;
    m_window->installEventFilter(this);
    return true;
}

bool KioskApp::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::TouchBegin:
    case QEvent::MouseButtonPress:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        m_session->touch();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}



} // namespace kiosk
