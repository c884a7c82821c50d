// KioskApp: the composition root. Reads the settings, opens the catalog, creates
// the services the QML views use (as QML singletons) and loads the main view.
// The executable and the UI tests both start the kiosk through it.
#pragma once

#include "kiosksettings.h"

#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <memory>

class QQmlApplicationEngine;
namespace device { class DocumentPrintService; }
namespace device {
class IdCardService;
class Scanner;
class ScannerService;
}

namespace kiosk {

class SpeechQueue;

class CatalogService;
class Localization;
class AccessibilitySettings;
class Navigator;
class Session;
class UsageLog;
class PrintController;
class ScanRouter;
class IdCardHolder;
class CatalogSyncController;
class StaffViewModel;

class KioskApp : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString configPath;  // empty: the system settings file if present
        QString catalogPath; // empty: from settings, synced catalog, or the demo catalog
        QString orientation; // empty: from settings
    };

    static constexpr int kSpeechStartDelayMs = 1000; // after the first frame

    explicit KioskApp(Options options, QObject *parent = nullptr);
    ~KioskApp() override;

    // Creates the services and loads the main view. Returns false (with the reason
    // logged) only if the QML itself cannot be loaded.
    bool start(QQmlApplicationEngine &engine);

    QQuickWindow *window() const { return m_window; }
    const config::KioskSettings &settings() const { return m_settings; }
    QList<config::SettingsIssue> settingsIssues() const { return m_issues; }
    QString catalogPath() const { return m_catalogPath; }
    CatalogService *catalog() const { return m_catalog; }
    Navigator *navigator() const { return m_navigator; }
    Session *session() const { return m_session; }
    UsageLog *usageLog() const { return m_usage; }
    PrintController *printing() const { return m_printing; }
    Localization *localization() const { return m_localization; }
    AccessibilitySettings *accessibility() const { return m_accessibility; }
    ScanRouter *scanRouter() const { return m_scan; }
    IdCardHolder *idCard() const { return m_idCard; }
    CatalogSyncController *catalogSync() const { return m_sync; }
    StaffViewModel *staff() const { return m_staff; }
    SpeechQueue *speech() const { return m_speech; }

    static QString defaultConfigPath();
    // The catalog to open: explicit, configured, synced (current generation), demo.
    static QString resolveCatalogPath(const QString &explicitPath,
                                      const config::KioskSettings &settings);

protected:
    // Every touch, click or key press anywhere keeps the resident's session alive.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startDevices();
    void startCamera();
    device::ScannerService *startScanner(device::Scanner *driver, const QString &path);
    void stopDevices();

    Options m_options;
    config::KioskSettings m_settings;
    QList<config::SettingsIssue> m_issues;
    QString m_catalogPath;
    CatalogService *m_catalog = nullptr;
    Localization *m_localization = nullptr;
    AccessibilitySettings *m_accessibility = nullptr;
    Navigator *m_navigator = nullptr;
    Session *m_session = nullptr;
    UsageLog *m_usage = nullptr;
    device::DocumentPrintService *m_documentPrinter = nullptr;
    PrintController *m_printing = nullptr;
    CatalogSyncController *m_sync = nullptr;
    StaffViewModel *m_staff = nullptr;
    SpeechQueue *m_speech = nullptr;
    QPointer<QQuickWindow> m_window;
    ScanRouter *m_scan = nullptr;
    IdCardHolder *m_idCard = nullptr;
    device::IdCardService *m_idCardService = nullptr;
    device::ScannerService *m_scannerService = nullptr;
    device::ScannerService *m_keyboardScannerService = nullptr;
};

} // namespace kiosk
