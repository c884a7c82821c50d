#include "idcardservice.h"

#include "devicelog.h"

namespace device {

IdCardService::IdCardService(const IdCardReaderConfig &config, QObject *parent)
    : QObject(parent), m_thread(new QThread), m_reader(new IdCardReader(config))
{
    m_thread->setObjectName(QStringLiteral("idcard-reader"));
    m_reader->moveToThread(m_thread);
    connect(m_reader, &IdCardReader::stateChanged, this,
            [this](IdCardReader::State s, IdCardReader::Problem p, const QString &reason) {
                m_state = s;
                m_reason = reason;
                emit stateChanged(s, p, reason);
            });
    connect(m_reader, &IdCardReader::cardRead, this, &IdCardService::cardRead);
}

IdCardService::~IdCardService()
{
    stop();
}

void IdCardService::start()
{
    if (!m_reader || m_thread->isRunning())
        return;
    m_thread->start();
    QMetaObject::invokeMethod(m_reader, &IdCardReader::start, Qt::QueuedConnection);
}

bool IdCardService::stop(int timeoutMs)
{
    if (!m_reader)
        return true;
    if (m_thread->isRunning()) {
        m_reader->requestStop();
        // shutdown() runs on the worker: it stops the timer where it was started.
        QMetaObject::invokeMethod(m_reader, &IdCardReader::shutdown, Qt::QueuedConnection);
        if (!m_thread->wait(QDeadlineTimer(timeoutMs))) {
            // Never terminate(): leave the thread and driver to end on their own.
            qCWarning(lcIdCardDevice) << "idcard: worker did not stop within" << timeoutMs << "ms";
            m_reader->disconnect(this);
            m_reader = nullptr;
            m_thread = nullptr;
            return false;
        }
    }
    delete m_reader; // the thread has ended: nothing else touches it
    delete m_thread;
    m_reader = nullptr;
    m_thread = nullptr;
    return true;
}

} // namespace device
