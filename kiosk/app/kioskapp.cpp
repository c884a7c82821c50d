#include "kioskapp.h"
#include "accessibilitysettings.h"
#include "cataloggenerations.h"
#include "catalogservice.h"
#include "catalogsynccontroller.h"
#include "idcardholder.h"
#include "inputengines.h"
#include "itemopener.h"
#include "localization.h"
#include "navigator.h"
#include "printcontroller.h"
#include "qrimageprovider.h"
#include "scanrouter.h"
#include "session.h"
#include "speechqueue.h"
#include "spokenvisit.h"
#include "staffviewmodel.h"
#include "usagelog.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

namespace kiosk {

Q_LOGGING_CATEGORY(lcKiosk, "kiosk.app")

#ifndef KIOSK_DEMO_CATALOG
#define KIOSK_DEMO_CATALOG ""
#endif

namespace {
const char *kSystemConfig = "/etc/disclosure-kiosk/kiosk.conf";
} // namespace

KioskApp::KioskApp(Options options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    const QString configPath =
        m_options.configPath.isEmpty() ? defaultConfigPath() : m_options.configPath;
    m_settings = config::KioskSettings::load(configPath, &m_issues);
    for (const auto &issue : std::as_const(m_issues))
        qCWarning(lcKiosk).noquote() << "settings:" << issue.message;
    if (!m_options.orientation.isEmpty()) {
        const QString problem = m_settings.setOrientation(m_options.orientation);
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
    const QString synced = catalogsync::CatalogGenerations(settings.sync().root).currentCatalog();
    if (!synced.isEmpty())
        return synced;
    return QString::fromUtf8(KIOSK_DEMO_CATALOG);
}

bool KioskApp::start(QQmlApplicationEngine &engine)
{
    m_catalog = new CatalogService(this);
    CatalogService::setInstance(m_catalog);
    const config::SessionSettings session = m_settings.session();
    m_session = new Session({session.idleTimeoutSeconds, session.warningSeconds,
                             session.maxExtensions},
                            this);
    Session::setInstance(m_session);
    const config::LanguageSettings languages = m_settings.languages();
    m_localization = new Localization(m_catalog, languages.offered, languages.defaultLanguage,
                                      m_session, this);
    m_localization->setMinimumCoverage(languages.minCoveragePercent);
    Localization::setInstance(m_localization);
    const config::AccessibilityDefaults startWith = m_settings.accessibilityDefaults();
    AccessibilitySettings::Defaults defaults;
    defaults.elderlyMode = startWith.elderlyMode;
    defaults.voice = startWith.voice;
    defaults.highContrast = startWith.highContrast;
    defaults.baseScale = startWith.textScale;
    m_accessibility = new AccessibilitySettings(defaults, m_session, this);
    // The voice: its own thread and synthesiser process, ready before anyone asks.
    // Started a second after the first screen is up (below): probing the sound devices and starting
    // the synthesiser would otherwise compete with the first frame for two cores.
    m_speech = new SpeechQueue(m_settings.speech(), SpeechQueue::defaultEngineProgram(), nullptr,
                               this, false);
    new SpokenVisit(m_speech, m_session, this);
    // The catalog's recorded prompts go to the voice once for each catalog opened (its
    // state also changes for other reasons; the PCM is read again only for a new one).
    connect(m_catalog, &CatalogService::stateChanged, m_speech, [this, loaded = -1]() mutable {
        if (m_catalog->ready() && std::exchange(loaded, m_catalog->generation()) != m_catalog->generation())
            m_catalog->query(
                m_speech, [](const content::CatalogStore &s) { return s.prompts(); },
                [this](const QHash<QPair<QString, QString>, QByteArray> &prompts, const QString &) {
                    m_speech->setPrompts(prompts);
                });
    });
    AccessibilitySettings::setInstance(m_accessibility);
    m_navigator = new Navigator(m_session, this);
    Navigator::setInstance(m_navigator);
    const QString localDatabase = m_settings.storage().localDatabase;
    m_usage = new UsageLog(localDatabase.isEmpty() ? UsageLog::defaultPath() : localDatabase, this);
    UsageLog::setInstance(m_usage);
    InputEngines::setInstance(new InputEngines(this)); // on-screen keyboard: pinyin, handwriting

    // Printing: CUPS on its own thread; a missing CUPS or printer only shows as a problem.
    const config::PrintSettings print = m_settings.print();
    device::DocumentPrinterConfig printerConfig;
    printerConfig.queue = print.documentQueue;
    m_documentPrinter = new device::DocumentPrintService(printerConfig, this);
    m_documentPrinter->start();
    PrintController::Limits printLimits;
    printLimits.sessionPages = print.maxPagesPerSession;
    printLimits.documentPages = print.maxPagesPerDocument;
    printLimits.itemLinkFormat = print.itemLink;
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
    const config::SyncSettings configured = m_settings.sync();
    CatalogSyncController::Settings sync;
    sync.sync.syncRoot = configured.root;
    sync.sync.repositoryUrl = configured.url;
    sync.sync.pollIntervalSeconds = configured.pollIntervalMinutes * 60;
    sync.sync.transferDeadlineSeconds = configured.transferDeadlineMinutes * 60;
    sync.sync.http.minBytesPerSecond = qint64(configured.minRateKibPerSecond) * 1024;
    sync.usbMountRoots = configured.usbMountRoots;
    sync.usbFilesystemTypes = configured.usbFilesystemTypes;
    m_sync = new CatalogSyncController(sync, m_catalog, m_session, this);
    // The gate's wrong PINs live beside the usage store: the kiosk's own writable storage.
    const QString pinGateFile = QFileInfo(m_usage->path()).absolutePath() + "/staff-pin-gate";
    m_staff = new StaffViewModel(m_sync, m_session, m_settings.staff().pinHash, pinGateFile,
                                 configured.expiryWarningDays, this);
    StaffViewModel::setInstance(m_staff);
    m_staff->setSpeech(m_speech);
    m_sync->start();

    engine.addImageProvider(QrImageProvider::kProviderId, new QrImageProvider);
    engine.addImageProvider(PrintPreviewProvider::kProviderId,
                            new PrintPreviewProvider(m_printing->previewState()));
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    const bool landscape = m_settings.display().orientation == config::Orientation::Landscape;
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
    connect(
        m_window, &QQuickWindow::frameSwapped, m_speech,
        [speech = m_speech] { QTimer::singleShot(kSpeechStartDelayMs, speech, &SpeechQueue::start); },
        Qt::SingleShotConnection);
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
