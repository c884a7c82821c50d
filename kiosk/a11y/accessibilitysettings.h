// AccessibilitySettings: the resident's choices for this session — elderly mode
// (长辈模式), voice, larger text, high contrast — and what they mean for the screen
// (text scale, minimum touch target). Reset to the configured defaults when a
// session ends.
#pragma once

#include "compositionsingleton.h"
#include "sessionscoped.h"

#include <QObject>
#include <QQmlEngine>

namespace kiosk {

class AccessibilitySettings : public QObject,
                              public CompositionSingleton<AccessibilitySettings>,
                              public SessionScoped
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Accessibility)
    QML_SINGLETON
    Q_PROPERTY(bool elderlyMode READ elderlyMode WRITE setElderlyMode NOTIFY changed)
    Q_PROPERTY(bool voice READ voice WRITE setVoice NOTIFY changed)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY changed)
    Q_PROPERTY(int textStep READ textStep WRITE setTextStep NOTIFY changed)
    Q_PROPERTY(int textSteps READ textSteps CONSTANT)
    Q_PROPERTY(bool largeText READ largeText NOTIFY changed)
    Q_PROPERTY(double textScale READ textScale NOTIFY changed)
    Q_PROPERTY(int minimumTarget READ minimumTarget NOTIFY changed)

public:
    struct Defaults {
        bool elderlyMode = false;
        bool voice = false;
        bool highContrast = false;
        double baseScale = 1.0;
    };
    // session: a visit's end returns every choice to the defaults (nullptr: none).
    explicit AccessibilitySettings(QObject *parent); // no default: see CompositionSingleton
    AccessibilitySettings(Defaults defaults, Session *session, QObject *parent = nullptr);

    void forgetVisit() override { resetToDefaults(); }
    bool holdsVisitData() const override;

    bool elderlyMode() const { return m_elderly; }
    void setElderlyMode(bool on);
    bool voice() const { return m_voice; }
    void setVoice(bool on);
    bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on);
    int textStep() const { return m_textStep; }
    void setTextStep(int step);
    int textSteps() const { return 4; }
    // Text is larger than the normal size, by a step or by display/text_scale.
    bool largeText() const { return textScale() > 1.0; }

    // 1.0 at step 0; each step +25 %; elderly mode starts at least at step 2 (≥ 18 pt
    // body text on the kiosk's 24 px body size, labels ≥ 30 pt).
    double textScale() const;
    // Minimum touch target in pixels: 64 normally, 80 in elderly mode.
    int minimumTarget() const { return m_elderly ? 80 : 64; }

    Q_INVOKABLE void toggleLargeText(); // steps up through every size, then back to normal
    Q_INVOKABLE void resetToDefaults();

signals:
    void changed();

private:
    Defaults m_defaults;
    bool m_elderly = false;
    bool m_voice = false;
    bool m_highContrast = false;
    int m_textStep = 0;
};

} // namespace kiosk
