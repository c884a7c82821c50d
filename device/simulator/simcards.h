// Text blocks of simulated cards: the 256-byte UTF-16LE layouts of
// /shared/spec/devices.md §1, filled with made-up people.
#pragma once

#include <QByteArray>
#include <QString>

namespace device::simcards {

struct Resident
{
    QString name = QStringLiteral("张三丰");
    QString gender = QStringLiteral("1");
    QString nation = QStringLiteral("01");
    QString birth = QStringLiteral("19491231");
    QString address = QStringLiteral("北京市朝阳区示例路1号");
    QString idNumber = QStringLiteral("11010519491231002X");
    QString authority = QStringLiteral("北京市公安局朝阳分局");
    QString validFrom = QStringLiteral("20150101");
    QString validTo = QStringLiteral("20350101");
};
QByteArray resident(const Resident &r = {});

// 'J': 港澳台居民居住证.
QByteArray hkMacaoTaiwanPermit(const QString &name = QStringLiteral("陈大文"),
                               const QString &idNumber = QStringLiteral("810000198001010129"),
                               const QString &passNumber = QStringLiteral("H12345678"),
                               const QString &validTo = QStringLiteral("20300601"));
// 'I': 外国人永久居留证 (2017).
QByteArray foreignPermanent2017(const QString &englishName = QStringLiteral("SMITH JOHN"),
                                const QString &cardNumber = QStringLiteral("USA110079070101"),
                                const QString &chineseName = QStringLiteral("史约翰"));
// 'Y': 外国人永久居留身份证 (2023); English names longer than 35 characters
// continue in the second English name field.
QByteArray foreignPermanent2023(const QString &englishName = QStringLiteral("GARCIA MARIA"),
                                const QString &idNumber = QStringLiteral("933110198503150015"),
                                const QString &chineseName = QStringLiteral("玛丽亚"));

// Writes text at a byte offset of a block, UTF-16LE, truncated to `bytes`.
void put(QByteArray &block, int offset, int bytes, const QString &text);
QByteArray blankBlock(); // 256 bytes of UTF-16LE spaces

// A made-up 1024-byte "WLT photo" (not decodable: only its bytes matter here).
QByteArray photo();

} // namespace device::simcards
