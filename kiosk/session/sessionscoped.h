// SessionScoped: a service that holds something of one resident's visit — a card,
// a language, a print allowance, where they are. It enrols with the Session when it
// is made; when a session ends the Session tells every enrolled service to forget the
// visit, so a new session-scoped service (speech, a form draft) touches only itself
// and the composition root lists no resets. holdsVisitData() lets the privacy test ask
// every enrolled service whether anything is left.
#pragma once

#include <QPointer>

namespace kiosk {

class Session;

class SessionScoped
{
public:
    // Enrols with session; nullptr leaves the object outside any session (unit tests).
    // visitData names what is held, for the log and tests ("the ID card").
    SessionScoped(Session *session, const char *visitData);
    virtual ~SessionScoped(); // withdraws
    SessionScoped(const SessionScoped &) = delete;
    SessionScoped &operator=(const SessionScoped &) = delete;

    const char *visitData() const { return m_visitData; }
    // Forget everything of the visit that ended; called once at every session end,
    // before Session::ended is emitted.
    virtual void forgetVisit() = 0;
    // Whether anything of a visit is held right now.
    virtual bool holdsVisitData() const = 0;

private:
    QPointer<Session> m_session;
    const char *m_visitData;
};

} // namespace kiosk
