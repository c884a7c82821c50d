#include "staffpingate.h"

#include "durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

namespace kiosk {

Q_LOGGING_CATEGORY(lcPinGate, "kiosk.staff.gate")

StaffPinGate::StaffPinGate(QString path, qint64 now) : m_path(std::move(path))
{
    load(now);
}

qint64 StaffPinGate::lockoutSeconds(int round)
{
    if (round < 1)
        return 0;
    qint64 seconds = kFirstLockoutSeconds;
    for (int i = 1; i < round && seconds < kLongestLockoutSeconds; ++i)
        seconds *= 2;
    return qMin(seconds, kLongestLockoutSeconds);
}

qint64 StaffPinGate::secondsLocked(qint64 now)
{
    QMutexLocker lock(&m_mutex);
    const qint64 length = lockoutSeconds(m_rounds);
    if (m_lockedUntil - now > length)
        m_lockedUntil = now + length; // the clock went back
    return qMax<qint64>(0, m_lockedUntil - now);
}

void StaffPinGate::recordWrong(qint64 now)
{
    QMutexLocker lock(&m_mutex);
    if (++m_wrongInRound >= kWrongPinsPerRound) {
        m_wrongInRound = 0;
        ++m_rounds;
        m_lockedUntil = now + lockoutSeconds(m_rounds);
        qCWarning(lcPinGate) << "staff PIN gate shut for" << lockoutSeconds(m_rounds)
                             << "s after round" << m_rounds << "of wrong PINs";
    }
    save();
}

void StaffPinGate::recordCorrect()
{
    QMutexLocker lock(&m_mutex);
    if (m_wrongInRound == 0 && m_rounds == 0 && m_lockedUntil == 0)
        return;
    m_wrongInRound = m_rounds = 0;
    m_lockedUntil = 0;
    save();
}

void StaffPinGate::load(qint64 now)
{
    QFile f(m_path);
    if (!f.exists())
        return;
    // "wrong rounds locked_until", one line.
    const QList<QByteArray> fields = f.open(QIODevice::ReadOnly) ? f.readAll().simplified().split(' ')
                                                                 : QList<QByteArray>();
    bool ok = fields.size() == 3;
    const int wrong = ok ? fields[0].toInt(&ok) : 0;
    const int rounds = ok ? fields[1].toInt(&ok) : 0;
    const qint64 until = ok ? fields[2].toLongLong(&ok) : 0;
    if (!ok || wrong < 0 || wrong >= kWrongPinsPerRound || rounds < 0 || until < 0) {
        qCWarning(lcPinGate) << "staff PIN gate state unreadable:" << m_path << "- shut for a first lockout";
        m_rounds = 1;
        m_lockedUntil = now + kFirstLockoutSeconds;
        return;
    }
    m_wrongInRound = wrong;
    m_rounds = rounds;
    m_lockedUntil = until;
}

void StaffPinGate::save()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const QByteArray line = QByteArray::number(m_wrongInRound) + ' ' + QByteArray::number(m_rounds) +
                            ' ' + QByteArray::number(m_lockedUntil) + '\n';
    const QString problem = content::writeFileDurably(m_path, line);
    if (!problem.isEmpty()) // kept in memory: the gate still counts until a restart
        qCWarning(lcPinGate).noquote() << "staff PIN gate state not written:" << problem;
}

} // namespace kiosk
