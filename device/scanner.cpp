#include "scanner.h"

#include "devicelog.h"

#include <QCoreApplication>
#include <QThread>

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

void Scanner::quitWorkerThread()
{
    if (thread() != QCoreApplication::instance()->thread())
        thread()->quit();
}

} // namespace device
