// IdCardHolder: the ID card of the resident at the kiosk, held in memory for this
// session only. QML sees only masked texts (姓名 张*三, 证号 1101**********002X) and
// the reader's status; the full card stays in C++ for later form prefill (card()).
// A new card replaces (and wipes) the previous one; clear() and session end wipe
// it. Nothing of a card is ever logged or written anywhere.
#pragma once

#include "compositionsingleton.h"
#include "sessionscoped.h"
#include "idcard.h"
#include "idcardreader.h"

#include <QObject>
#include <QQmlEngine>
#include <optional>

namespace kiosk {

class IdCardHolder : public QObject, public CompositionSingleton<IdCardHolder>, public SessionScoped
{
    Q_OBJECT
    QML_NAMED_ELEMENT(IdCardReading)
    QML_SINGLETON
    Q_PROPERTY(bool hasCard READ hasCard NOTIFY cardChanged)
    Q_PROPERTY(QString maskedName READ maskedName NOTIFY cardChanged)
    Q_PROPERTY(QString maskedIdNumber READ maskedIdNumber NOTIFY cardChanged)
    // The strings key naming what was read by its kind (已读取居民身份证,
    // 已读取港澳台居民居住证 …); empty without a card.
    Q_PROPERTY(QString readTitleKey READ readTitleKey NOTIFY cardChanged)
    // none (not fitted), absent, ready, reading, error
    Q_PROPERTY(QString readerStatus READ readerStatus NOTIFY readerChanged)
    // A strings key saying what the reader's state means for the resident.
    Q_PROPERTY(QString readerNoticeKey READ readerNoticeKey NOTIFY readerChanged)

public:
    // session: a visit's end wipes the card (nullptr: no session, for tests).
    explicit IdCardHolder(bool readerFitted, Session *session = nullptr, QObject *parent = nullptr);

    void forgetVisit() override { clear(); } // overwritten in memory, not just dropped
    bool holdsVisitData() const override { return hasCard(); }
    ~IdCardHolder() override;

    bool hasCard() const { return m_card.has_value(); }
    QString maskedName() const { return m_card ? m_card->maskedName() : QString(); }
    QString maskedIdNumber() const { return m_card ? m_card->maskedIdNumber() : QString(); }
    QString readerStatus() const { return m_status; }
    QString readerNoticeKey() const;
    QString readTitleKey() const;
    // For form prefill in C++ only; nullptr without a card.
    const device::IdCard *card() const { return m_card ? &*m_card : nullptr; }

    void accept(const device::IdCard &card);
    void readerStateChanged(device::IdCardReader::State state, device::IdCardReader::Problem problem);
    // The resident's "清除" and the session end: overwrite and forget the card.
    Q_INVOKABLE void clear();

signals:
    void cardChanged();
    void readerChanged();

private:
    std::optional<device::IdCard> m_card;
    QString m_status;
    device::IdCardReader::Problem m_problem = device::IdCardReader::Problem::None;
};

} // namespace kiosk
