#include "idcardservice.h"

#include "devicelog.h"

namespace device {

IdCardService::IdCardService(const IdCardReaderConfig &config, QObject *parent)
    : QObject(parent), m_reader(QStringLiteral("idcard-reader"), new IdCardReader(config), lcIdCardDevice)
{
    connect(m_reader.worker(), &IdCardReader::stateChanged, this,
            [this](IdCardReader::State s, IdCardReader::Problem p, const QString &reason) {
                m_state = s;
                m_reason = reason;
                emit stateChanged(s, p, reason);
            });
    connect(m_reader.worker(), &IdCardReader::cardRead, this, &IdCardService::cardRead);
}

} // namespace device
