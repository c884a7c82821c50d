// Session: one resident's visit. Any touch or key keeps it alive; after the idle
// timeout a warning counts down (shown, and spoken once speech lands) and one tap
// continues; when it runs out every enrolled SessionScoped service forgets the visit
// (where the resident was, language, accessibility choices, card, print allowance…),
// then ended() is emitted. Timeouts lengthen in elderly and voice modes.
#pragma once

#include <QElapsedTimer>
#include "compositionsingleton.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>

namespace kiosk {

class SessionScoped;

class Session : public QObject, public CompositionSingleton<Session>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool warning READ warning NOTIFY warningChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    Q_PROPERTY(int extensionsLeft READ extensionsLeft NOTIFY warningChanged)

public:
    struct Timing {
        int idleSeconds = 120;
        int warningSeconds = 30;
        int maxExtensions = 10;
    };
    explicit Session(Timing timing, QObject *parent = nullptr);

    bool warning() const { return m_warning; }
    int secondsLeft() const { return m_secondsLeft; }
    int extensionsLeft() const { return m_extensionsLeft; }
    // Doubles the idle time while elderly or voice mode is on.
    void setSlowMode(bool slow);
    int idleSeconds() const { return m_timing.idleSeconds * (m_slow ? 2 : 1); }
    // A resident has used the kiosk since the last reset (their visit is in progress).
    bool active() const { return m_active; }

    // Any resident input. During the warning, input continues the session.
    Q_INVOKABLE void touch();
    Q_INVOKABLE void continueSession();
    Q_INVOKABLE void endNow();

    // Session-scoped services (SessionScoped enrols and withdraws itself).
    void enrol(SessionScoped *service);
    void withdraw(SessionScoped *service);
    QList<SessionScoped *> enrolled() const { return m_enrolled; }

signals:
    void warningChanged();
    void secondsLeftChanged();
    // Everything the resident did must be forgotten now.
    void ended();

private:
    void startWarning();
    void tick();
    Timing m_timing;
    bool m_slow = false;
    bool m_warning = false;
    int m_secondsLeft = 0;
    int m_extensionsLeft = 0;
    bool m_active = false; // the resident did something since the last reset
    bool m_ending = false; // inside ended(): the reset's own navigation is not input
    QList<SessionScoped *> m_enrolled;
    QTimer m_idle;
    QTimer m_countdown;
};

} // namespace kiosk
