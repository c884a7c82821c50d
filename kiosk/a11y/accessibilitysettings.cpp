#include "accessibilitysettings.h"

#include <QPointer>
#include <algorithm>

namespace kiosk {

AccessibilitySettings::AccessibilitySettings(QObject *parent) : AccessibilitySettings(Defaults{}, nullptr, parent) {}

AccessibilitySettings::AccessibilitySettings(Defaults defaults, Session *session, QObject *parent)
    : QObject(parent), SessionScoped(session, "the resident's accessibility choices"), m_defaults(defaults)
{
    resetToDefaults();
}

bool AccessibilitySettings::holdsVisitData() const
{
    return m_elderly != m_defaults.elderlyMode || m_voice != m_defaults.voice ||
           m_highContrast != m_defaults.highContrast || m_textStep != (m_elderly ? 2 : 0);
}

void AccessibilitySettings::setElderlyMode(bool on)
{
    if (m_elderly == on)
        return;
    m_elderly = on;
    // Elderly mode means large text and no clutter; switching it off returns to the
    // normal size the resident had before.
    if (on && m_textStep < 2)
        m_textStep = 2;
    if (!on)
        m_textStep = 0;
    emit changed();
}

void AccessibilitySettings::setVoice(bool on)
{
    if (m_voice != on) {
        m_voice = on;
        emit changed();
    }
}

void AccessibilitySettings::setHighContrast(bool on)
{
    if (m_highContrast != on) {
        m_highContrast = on;
        emit changed();
    }
}

void AccessibilitySettings::setTextStep(int step)
{
    step = std::clamp(step, 0, textSteps() - 1);
    if (m_textStep != step) {
        m_textStep = step;
        emit changed();
    }
}

void AccessibilitySettings::toggleLargeText()
{
    setTextStep(m_textStep + 1 >= textSteps() ? 0 : m_textStep + 1);
}

double AccessibilitySettings::textScale() const
{
    return m_defaults.baseScale * (1.0 + 0.25 * m_textStep);
}

void AccessibilitySettings::resetToDefaults()
{
    m_elderly = m_defaults.elderlyMode;
    m_voice = m_defaults.voice;
    m_highContrast = m_defaults.highContrast;
    m_textStep = m_elderly ? 2 : 0;
    emit changed();
}

} // namespace kiosk
