// Navigator: where the resident is. A stack of screens with their parameters; the
// bar's home and back buttons act on it, and the view shows its top. Everything is
// always one tap from home.
#pragma once

#include "compositionsingleton.h"
#include "sessionscoped.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

namespace kiosk {

class Navigator : public QObject, public CompositionSingleton<Navigator>, public SessionScoped
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString screen READ screen NOTIFY currentChanged)
    // The QML file that draws the current screen, relative to the Kiosk.Ui module.
    Q_PROPERTY(QString screenFile READ screenFile NOTIFY currentChanged)
    Q_PROPERTY(QVariantMap params READ params NOTIFY currentChanged)
    Q_PROPERTY(int depth READ depth NOTIFY currentChanged)
    Q_PROPERTY(bool canGoBack READ canGoBack NOTIFY currentChanged)

public:
    // session: a visit's end takes the kiosk home (nullptr: no session, for tests).
    explicit Navigator(Session *session, QObject *parent = nullptr);

    void forgetVisit() override { home(); }
    bool holdsVisitData() const override { return m_stack.size() > 1 || !m_stack.first().params.isEmpty(); }

    QString screen() const { return m_stack.last().screen; }
    QString screenFile() const;
    QVariantMap params() const { return m_stack.last().params; }
    int depth() const { return int(m_stack.size()); }
    bool canGoBack() const { return m_stack.size() > 1; }

    Q_INVOKABLE void open(const QString &screen, const QVariantMap &params = {});
    // Opens the screen that shows an item of this kind.
    Q_INVOKABLE void openItem(const QString &kind, const QString &id);
    // Opens an "item:ID" link from a body text, or ignores any other link.
    Q_INVOKABLE bool openLink(const QString &url, const QString &kindHint = {});
    Q_INVOKABLE void back();
    Q_INVOKABLE void home();

signals:
    void currentChanged();
    // A body link names an item by id only; the kiosk core resolves its kind.
    void itemLinkActivated(const QString &id);

private:
    struct Entry {
        QString screen;
        QVariantMap params;
    };
    QList<Entry> m_stack;
};

} // namespace kiosk
