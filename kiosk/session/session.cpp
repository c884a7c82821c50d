#include "session.h"

#include "sessionscoped.h"

#include <QLoggingCategory>
#include <QPointer>

namespace kiosk {

Q_LOGGING_CATEGORY(lcSession, "kiosk.session")

Session::Session(Timing timing, QObject *parent)
    : QObject(parent), m_timing(timing), m_extensionsLeft(timing.maxExtensions)
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &Session::startWarning);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &Session::tick);
}

void Session::setSlowMode(bool slow)
{
    m_slow = slow;
}

void Session::touch()
{
    if (m_ending)
        return; // the reset itself (going home) is not a resident's input
    if (m_warning) {
        continueSession();
        return;
    }
    m_active = true;
    m_idle.start(idleSeconds() * 1000);
}

void Session::continueSession()
{
    if (!m_warning)
        return;
    if (m_extensionsLeft > 0)
        --m_extensionsLeft;
    m_warning = false;
    m_countdown.stop();
    emit warningChanged();
    m_idle.start(idleSeconds() * 1000);
}

void Session::startWarning()
{
    if (!m_active)
        return; // nobody is here: nothing to warn about
    if (m_extensionsLeft <= 0) {
        endNow();
        return;
    }
    m_warning = true;
    m_secondsLeft = m_timing.warningSeconds * (m_slow ? 2 : 1);
    emit warningChanged();
    emit secondsLeftChanged();
    m_countdown.start();
}

void Session::tick()
{
    m_secondsLeft = std::max(0, m_secondsLeft - 1);
    emit secondsLeftChanged();
    if (m_secondsLeft == 0)
        endNow();
}

void Session::endNow()
{
    m_countdown.stop();
    m_idle.stop();
    const bool wasWarning = m_warning;
    m_warning = false;
    m_active = false;
    m_extensionsLeft = m_timing.maxExtensions;
    if (wasWarning)
        emit warningChanged();
    m_ending = true;
    // Privacy wipe between residents: every service forgets its part of the visit.
    const QList<SessionScoped *> services = m_enrolled; // one may withdraw another
    for (SessionScoped *service : services)
        if (m_enrolled.contains(service))
            service->forgetVisit();
    qCInfo(lcSession) << "session ended:" << services.size() << "services forgot the visit";
    emit ended();
    m_ending = false;
}

void Session::enrol(SessionScoped *service)
{
    if (!m_enrolled.contains(service))
        m_enrolled.append(service);
}

void Session::withdraw(SessionScoped *service) { m_enrolled.removeAll(service); }

} // namespace kiosk
