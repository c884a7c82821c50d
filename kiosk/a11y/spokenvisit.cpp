#include "spokenvisit.h"
#include "speechqueue.h"

namespace kiosk {

SpokenVisit::SpokenVisit(SpeechQueue *speech, Session *session, QObject *parent)
    : QObject(parent), SessionScoped(session, "speech (last utterance, volume, rate)"), m_speech(speech)
{
}

void SpokenVisit::forgetVisit() { m_speech->resetForNewVisit(); }

bool SpokenVisit::holdsVisitData() const { return m_speech->holdsVisitData(); }

} // namespace kiosk
