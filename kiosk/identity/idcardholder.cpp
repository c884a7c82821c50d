#include "idcardholder.h"

#include <QLoggingCategory>

namespace kiosk {

Q_LOGGING_CATEGORY(lcIdCard, "kiosk.identity")

IdCardHolder::IdCardHolder(bool readerFitted, Session *session, QObject *parent)
    : QObject(parent), SessionScoped(session, "the ID card"), m_status(readerFitted ? QStringLiteral("absent") : QStringLiteral("none"))
{
}

IdCardHolder::~IdCardHolder()
{
    if (m_card)
        m_card->wipe();
}

QString IdCardHolder::readerNoticeKey() const
{
    using P = device::IdCardReader::Problem;
    if (m_status == QLatin1String("none"))
        return QStringLiteral("idcard.not_fitted");
    if (m_status == QLatin1String("absent"))
        return QStringLiteral("idcard.reader_absent");
    if (m_status == QLatin1String("error"))
        return m_problem == P::CardUnreadable || m_problem == P::CardDataInvalid ||
                       m_problem == P::CardNotSupported
                   ? QStringLiteral("idcard.card_unreadable")
                   : QStringLiteral("idcard.reader_error");
    if (m_status == QLatin1String("reading"))
        return QStringLiteral("idcard.reading");
    return QStringLiteral("idcard.place_card");
}

QString IdCardHolder::readTitleKey() const
{
    if (!m_card)
        return {};
    switch (m_card->type) {
    case device::IdCardType::Resident:
        return QStringLiteral("idcard.read_title.resident");
    case device::IdCardType::ForeignPermanent2017:
        return QStringLiteral("idcard.read_title.foreign_permanent_2017");
    case device::IdCardType::HkMacaoTaiwanPermit:
        return QStringLiteral("idcard.read_title.hk_macao_taiwan_permit");
    case device::IdCardType::ForeignPermanent2023:
        return QStringLiteral("idcard.read_title.foreign_permanent_2023");
    }
    return QStringLiteral("idcard.read_title.resident");
}

void IdCardHolder::accept(const device::IdCard &card)
{
    if (m_card)
        m_card->wipe();
    m_card = card;
    qCInfo(lcIdCard) << "card accepted for this session";
    emit cardChanged();
}

void IdCardHolder::readerStateChanged(device::IdCardReader::State state,
                                      device::IdCardReader::Problem problem)
{
    using S = device::IdCardReader::State;
    const QString status = state == S::Ready     ? QStringLiteral("ready")
                           : state == S::Reading ? QStringLiteral("reading")
                           : state == S::Error   ? QStringLiteral("error")
                                                 : QStringLiteral("absent");
    if (status == m_status && problem == m_problem)
        return;
    m_status = status;
    m_problem = problem;
    emit readerChanged();
}

void IdCardHolder::clear()
{
    if (!m_card)
        return;
    m_card->wipe();
    m_card.reset();
    qCInfo(lcIdCard) << "card wiped";
    emit cardChanged();
}

} // namespace kiosk
