#include "scanner.h"

#include "devicelog.h"


namespace device {

void Scanner::setState(State state, Problem problem, const QString &reason)
{
    if (state == m_state && problem == m_problem && reason == m_reason)
        return;
    m_state = state;
    m_problem = problem;
    m_reason = reason;
    qCInfo(lcScannerDevice) << "scanner: state" << state << problem;
    emit stateChanged(state, problem, reason);
}

} // namespace device
