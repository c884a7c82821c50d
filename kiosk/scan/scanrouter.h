// ScanRouter: what the kiosk does with a scanned code, whichever scanner read it
// (serial, keyboard-wedge, camera). It asks content::KioskLink what the text means,
// checks items against the catalog, and then navigates (an item's screen, the
// tracking status screen) or shows a notice in plain words. Decisions live here;
// the notice's wording comes from the catalog's strings (key + argument), so it
// follows the session's language. Scanned texts are never logged.
#pragma once

#include "compositionsingleton.h"
#include "sessionscoped.h"
#include "kiosklink.h"
#include "scanner.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>

namespace kiosk {

class CatalogService;
class Navigator;

class ScanRouter : public QObject, public CompositionSingleton<ScanRouter>, public SessionScoped
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Scanning)
    QML_SINGLETON
    // A notice for the resident: strings key and its %1 argument (empty key: none).
    Q_PROPERTY(QString noticeKey READ noticeKey NOTIFY noticeChanged)
    Q_PROPERTY(QString noticeArgument READ noticeArgument NOTIFY noticeChanged)
    // Whether any scanner is connected now (for the home screen's "扫码" hint).
    Q_PROPERTY(bool scannerReady READ scannerReady NOTIFY scannerChanged)

public:
    ScanRouter(CatalogService *catalog, Navigator *navigator, content::LinkRules rules,
               Session *session = nullptr, QObject *parent = nullptr);

    // A scan's notice belongs to the resident who scanned.
    void forgetVisit() override { dismissNotice(); }
    bool holdsVisitData() const override { return !m_noticeKey.isEmpty(); }

    QString noticeKey() const { return m_noticeKey; }
    QString noticeArgument() const { return m_noticeArgument; }
    bool scannerReady() const { return m_readyScanners > 0; }
    const content::LinkRules &rules() const { return m_rules; }

    // A scan from any scanner (also the camera decoder).
    Q_INVOKABLE void handleScan(const QString &text);
    Q_INVOKABLE void dismissNotice();
    // 二维码直通车: the public address of an item's page and the Image.source of its
    // QR code; empty when scan/page_base_url is not set (the panel then hides).
    Q_INVOKABLE QString pageUrl(const QString &itemId) const;
    Q_INVOKABLE QString pageQrSource(const QString &itemId) const;
    void handleScanFailure(device::Scanner::Problem problem);
    void scannerStateChanged(device::Scanner::State before, device::Scanner::State now);

    // The key a rejected code's notice uses (tests and docs list them).
    static QString noticeKeyFor(content::KioskLink::Rejection why);

signals:
    void noticeChanged();
    void scannerChanged();
    // Emitted for every scan handled, after its outcome is decided (tests, session).
    void scanHandled(content::KioskLink::Kind kind);

private:
    void showNotice(const QString &key, const QString &argument = {});

    CatalogService *m_catalog;
    Navigator *m_navigator;
    content::LinkRules m_rules;
    QString m_noticeKey;
    QString m_noticeArgument;
    int m_readyScanners = 0;
    QTimer m_noticeTimer;
};

} // namespace kiosk
