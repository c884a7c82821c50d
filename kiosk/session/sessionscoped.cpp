#include "sessionscoped.h"

#include "session.h"

namespace kiosk {

SessionScoped::SessionScoped(Session *session, const char *visitData)
    : m_session(session), m_visitData(visitData)
{
    if (m_session)
        m_session->enrol(this);
}

SessionScoped::~SessionScoped()
{
    if (m_session)
        m_session->withdraw(this);
}

} // namespace kiosk
