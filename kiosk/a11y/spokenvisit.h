// SpokenVisit: the voice's part of a resident's visit. At every session end speech
// stops, the last utterance is forgotten (it may have read the resident's own data
// back to them) and volume and rate go back to the configured defaults, as a public
// kiosk's volume control must (Section 508 402.3, ADA 707.5).
#pragma once

#include "sessionscoped.h"

#include <QObject>

namespace kiosk {

class SpeechQueue;

class SpokenVisit : public QObject, public SessionScoped
{
    Q_OBJECT
public:
    SpokenVisit(SpeechQueue *speech, Session *session, QObject *parent);
    void forgetVisit() override;
    bool holdsVisitData() const override;
    SpeechQueue *speech() const { return m_speech; }

private:
    SpeechQueue *m_speech;
};

} // namespace kiosk
