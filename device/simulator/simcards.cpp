#include "simcards.h"

namespace device::simcards {

QByteArray blankBlock()
{
    QByteArray b;
    for (int i = 0; i < 128; ++i)
        b.append(' ').append('\0');
    return b;
}

void put(QByteArray &block, int offset, int bytes, const QString &text)
{
    for (int i = 0; i < bytes / 2 && i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        block[offset + 2 * i] = char(c & 0xFF);
        block[offset + 2 * i + 1] = char(c >> 8);
    }
}

QByteArray resident(const Resident &r)
{
    QByteArray b = blankBlock();
    put(b, 0, 30, r.name);
    put(b, 30, 2, r.gender);
    put(b, 32, 4, r.nation);
    put(b, 36, 16, r.birth);
    put(b, 52, 70, r.address);
    put(b, 122, 36, r.idNumber);
    put(b, 158, 30, r.authority);
    put(b, 188, 16, r.validFrom);
    put(b, 204, 16, r.validTo);
    return b;
}

QByteArray hkMacaoTaiwanPermit(const QString &name, const QString &idNumber,
                               const QString &passNumber, const QString &validTo)
{
    QByteArray b = blankBlock();
    put(b, 0, 30, name);
    put(b, 30, 2, QStringLiteral("1"));
    put(b, 36, 16, QStringLiteral("19800101"));
    put(b, 52, 70, QStringLiteral("广东省深圳市福田区示例街2号"));
    put(b, 122, 36, idNumber);
    put(b, 158, 30, QStringLiteral("深圳市公安局福田分局"));
    put(b, 188, 16, QStringLiteral("20250601"));
    put(b, 204, 16, validTo);
    put(b, 220, 18, passNumber);
    put(b, 238, 4, QStringLiteral("01"));
    put(b, 248, 2, QStringLiteral("J"));
    return b;
}

QByteArray foreignPermanent2017(const QString &englishName, const QString &cardNumber,
                                const QString &chineseName)
{
    QByteArray b = blankBlock();
    put(b, 0, 120, englishName);
    put(b, 120, 2, QStringLiteral("1"));
    put(b, 122, 30, cardNumber);
    put(b, 152, 6, QStringLiteral("USA"));
    put(b, 158, 30, chineseName);
    put(b, 188, 16, QStringLiteral("20170601"));
    put(b, 204, 16, QStringLiteral("20270601"));
    put(b, 220, 16, QStringLiteral("19700101"));
    put(b, 236, 4, QStringLiteral("01"));
    put(b, 240, 8, QStringLiteral("1100"));
    put(b, 248, 2, QStringLiteral("I"));
    return b;
}

QByteArray foreignPermanent2023(const QString &englishName, const QString &idNumber,
                                const QString &chineseName)
{
    QByteArray b = blankBlock();
    put(b, 0, 30, chineseName);
    put(b, 30, 2, QStringLiteral("2"));
    put(b, 32, 4, QStringLiteral("00"));
    put(b, 36, 16, QStringLiteral("19850315"));
    put(b, 52, 70, englishName.left(35));
    put(b, 122, 36, idNumber);
    put(b, 188, 16, QStringLiteral("20230101"));
    put(b, 204, 16, QStringLiteral("20330101"));
    put(b, 220, 22, englishName.mid(35));
    put(b, 242, 6, QStringLiteral("ESP"));
    put(b, 248, 2, QStringLiteral("Y"));
    put(b, 250, 6, QStringLiteral("0"));
    return b;
}

QByteArray photo()
{
    QByteArray p(1024, '\0');
    p[0] = 'W';
    p[1] = 'L';
    for (int i = 2; i < p.size(); ++i)
        p[i] = char((i * 31) & 0xFF);
    return p;
}

} // namespace device::simcards
