// KioskScene: the whole kiosk (kiosk::KioskApp + its QML, both QML plugins imported) on a
// real offscreen Qt Quick scene, for the tests that drive it end to end the way a
// resident does: finding items by objectName, scrolling them into view, tapping with
// a synthetic finger, typing on the on-screen keyboard, reading texts and QR codes
// back off the rendered screen, and saving screenshots for people to look at.
//
// Steps that can go wrong return false (or nullptr) and say why in a warning, so a
// test writes QVERIFY(scene.tap("homeButton")) and stops at the first step that fails.
#pragma once

#include "kioskapp.h"

#include <QList>
#include <QPoint>
#include <QPointF>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

class KioskScene
{
public:
    KioskScene() = default;
    ~KioskScene();
    KioskScene(const KioskScene &) = delete;
    KioskScene &operator=(const KioskScene &) = delete;

    // Starts the kiosk (stopping one already running) and waits for the home screen
    // with its content rendered.
    bool start(const kiosk::KioskApp::Options &options);
    // The same on the demo catalog; an empty settings path: no settings file.
    bool start(const QString &configPath = QString(),
               const QString &orientation = QStringLiteral("portrait"));
    // The same with every configured language offered, however little the catalog
    // translates it (the demo's Uyghur), from a settings file of its own.
    bool startWithEveryLanguage(const QString &orientation);
    // The data of a test run in both orientations: a column "orientation" with the
    // rows portrait and landscape.
    static void orientationRows();
    void stop();
    kiosk::KioskApp *app() const { return m_app.get(); }
    QQuickWindow *window() const { return m_window; }
    bool contentReady() const; // the current screen shows catalog content

    // Waits until the navigator shows `screen` (up to timeoutMs) and then until its
    // content is ready (up to timeoutMs again), and lets that frame render.
    bool waitReady(const QString &screen, int timeoutMs = 10000);
    // Opens an item the way a link does and waits for its screen (named like the kind).
    bool openItem(const QString &kind, const QString &id);

    // The first visible item with this objectName under `within` (default: the whole
    // window), as the scene is now: nothing is scrolled. Rows of a list that was just
    // refilled are deleted later; they are dropped first.
    QQuickItem *find(const QString &objectName, QQuickItem *within = nullptr) const;
    // Like find, but lists create their rows lazily: scrolls the current screen down,
    // as a resident would, until the item shows up.
    QQuickItem *seek(const QString &objectName);
    // The item once it has stopped moving (rows just created are laid out in the
    // next polish; a list refilled by a filter moves its rows): like a finger
    // waiting for the screen. nullptr if it is not there or vanishes meanwhile.
    QQuickItem *settled(const QString &objectName);
    // The `text` property of the visible item with this objectName; empty if none.
    QString textOf(const QString &objectName) const;
    static QPoint centre(QQuickItem *item); // in scene coordinates
    // Every text, Accessible.name and string property value in the scene.
    QStringList sceneTexts() const;

    // Brings an item into view in every Flickable it is in, like a resident
    // scrolling (never past the ends of the content); does nothing if it is in view.
    void reveal(QQuickItem *item);
    void scrollToTop(); // the current screen
    // Scrolls the current screen down by most of a screenful, keeping a strip of what
    // was shown; false when it was already at its end (or does not scroll).
    bool pageDown();

    // Taps the item with this objectName with a finger: waits (up to timeoutMs) for
    // it to be there and enabled, scrolls it into view, waits until it has stopped
    // moving and, if its centre came to rest out of view (a Flickable moved it after the
    // reveal), reveals it again right before tapping it.
    bool tap(const QString &objectName, int timeoutMs = 10000);
    // Taps the on-screen keyboard's key_<letter> for every letter.
    bool typeKeys(const QString &letters);
    // A finger held on one spot for `ms` milliseconds.
    void hold(const QPoint &at, int ms);
    // A finger drawing one stroke through these points (in 0..1 of the item's size).
    void stroke(QQuickItem *item, const QList<QPointF> &through);

    // Reads a QR code off the rendered screen, as a phone camera would; empty if none.
    QString qrOnScreen(QQuickItem *qr) const;
    // Screenshots go to build/test-output/screens/<folder>/<name>.png; the folder is
    // the orientation the kiosk was started in unless set here.
    void setScreenshotFolder(const QString &folder) { m_shotFolder = folder; }
    bool shoot(const QString &name) const;

private:
    QQuickItem *mainFlickable() const; // the current screen, if it scrolls
    void scrollBy(qreal dy);
    bool flickableMoving(QQuickItem *item) const;

    std::unique_ptr<kiosk::KioskApp> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QString m_orientation;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    QString m_shotFolder;
};
