// KioskScene: the whole kiosk (KioskApp + its QML) on a real offscreen Qt Quick
// scene for tests that drive it end to end: finding items by objectName, scrolling
// them into view, reading a QR code back off the rendered screen with ZXing, and
// collecting every text the scene shows.
#pragma once

#include "kioskapp.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <memory>

class KioskScene
{
public:
    // Starts the kiosk with this settings file on the demo catalog.
    bool start(const QString &configPath, const QString &orientation = QStringLiteral("portrait"));
    void stop();
    KioskApp *app() const { return m_app.get(); }
    QQuickWindow *window() const { return m_window; }

    // Waits until the navigator shows `screen` with its content rendered.
    bool waitReady(const QString &screen, int timeoutMs = 10000);
    QQuickItem *find(const QString &objectName) const; // visible items only
    void reveal(QQuickItem *item);                      // scroll it into view
    QString qrOnScreen(QQuickItem *qr);                 // ZXing off a screenshot; empty if none
    // Every text, Accessible.name and string property value in the scene.
    QStringList sceneTexts() const;
    bool saveScreenshot(const QString &name) const; // build/test-output/screens/scan/

private:
    std::unique_ptr<KioskApp> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};
