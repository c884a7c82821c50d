#include "idcard.h"

#include <string>

namespace device {

namespace {

// Every field is read from the block where it lies: a date or a number becomes a
// value digit by digit, so no text copy of it is ever made (and left unwiped).
char16_t unitAt(QByteArrayView block, int offset)
{
    return char16_t(quint8(block[offset]) | (quint8(block[offset + 1]) << 8));
}

CardText field(QByteArrayView block, int offset, int bytes)
{
    return CardText::fromUtf16Le(block.sliced(offset, bytes));
}

// Digits from `offset`, then only padding; -1 if anything else is there.
int numberField(QByteArrayView block, int offset, int bytes)
{
    int value = 0, digits = 0;
    for (int at = offset; at < offset + bytes; at += 2) {
        const char16_t c = unitAt(block, at);
        if (c >= u'0' && c <= u'9' && digits == (at - offset) / 2) {
            value = value * 10 + (c - u'0');
            ++digits;
        } else if (c != u' ' && c != u'\0') {
            return -1;
        }
    }
    return digits > 0 ? value : -1;
}

// YYYYMMDD; an invalid date for anything else (长期, padding, impossible days).
QDate dateField(QByteArrayView block, int offset)
{
    int yyyymmdd = 0;
    for (int i = 0; i < 8; ++i) {
        const char16_t c = unitAt(block, offset + 2 * i);
        if (c < u'0' || c > u'9')
            return {};
        yyyymmdd = yyyymmdd * 10 + (c - u'0');
    }
    return QDate(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
}

Gender genderField(QByteArrayView block, int offset)
{
    switch (unitAt(block, offset)) {
    case u'1': return Gender::Male;
    case u'2': return Gender::Female;
    case u'9': return Gender::Unspecified;
    }
    return Gender::Unknown;
}

} // namespace

std::optional<IdCard> IdCard::decode(QByteArrayView b)
{
    if (b.size() != TextBlockSize)
        return std::nullopt;
    IdCard c;
    const char16_t flag = unitAt(b, 248); // the card type: one character
    if (flag == u'I') {
        c.type = IdCardType::ForeignPermanent2017;
        c.englishName = field(b, 0, 120);
        c.gender = genderField(b, 120);
        c.idNumber = field(b, 122, 30);
        c.nationality = field(b, 152, 6);
        c.name = field(b, 158, 30);
        c.validFrom = dateField(b, 188);
        c.validTo = dateField(b, 204);
        c.birthDate = dateField(b, 220);
        c.cardVersion = field(b, 236, 4);
        c.authority = field(b, 240, 8);
        return c;
    }
    if (flag == u'Y') {
        c.type = IdCardType::ForeignPermanent2023;
        c.name = field(b, 0, 30);
        c.gender = genderField(b, 30);
        c.renewalCount = qMax(0, numberField(b, 32, 4));
        c.birthDate = dateField(b, 36);
        c.englishName = CardText::joined(field(b, 52, 70), field(b, 220, 22));
        c.idNumber = field(b, 122, 36);
        c.validFrom = dateField(b, 188);
        c.validTo = dateField(b, 204);
        c.nationality = field(b, 242, 6);
        c.oldCardLink = field(b, 250, 6);
        return c;
    }
    // Resident cards and J permits share the layout up to byte 219.
    c.type = flag == u'J' ? IdCardType::HkMacaoTaiwanPermit : IdCardType::Resident;
    c.name = field(b, 0, 30);
    c.gender = genderField(b, 30);
    if (c.type == IdCardType::Resident) {
        c.nationCode = field(b, 32, 4);
        c.nation = nationName(c.nationCode);
    }
    c.birthDate = dateField(b, 36);
    c.address = field(b, 52, 70);
    c.idNumber = field(b, 122, 36);
    c.authority = field(b, 158, 30);
    c.validFrom = dateField(b, 188);
    c.validLongTerm = unitAt(b, 204) == u'长' && unitAt(b, 206) == u'期';
    c.validTo = dateField(b, 204);
    if (c.type == IdCardType::HkMacaoTaiwanPermit) {
        c.passNumber = field(b, 220, 18);
        c.issueCount = qMax(0, numberField(b, 238, 4));
    }
    return c;
}

IdNumberCheck IdCard::idNumberCheck() const
{
    // The 2017 'I' card number has three letters and no check character.
    if (type == IdCardType::ForeignPermanent2017)
        return IdNumberCheck::NotApplicable;
    return isValidIdNumber(idNumber) ? IdNumberCheck::Valid : IdNumberCheck::Invalid;
}

bool IdCard::isExpired(QDate today) const
{
    if (validLongTerm)
        return false;
    // An unreadable end date cannot prove validity: treat it as expired.
    if (!validTo.isValid())
        return true;
    return today > validTo; // valid through the printed end date
}

QString IdCard::genderText() const
{
    switch (gender) {
    case Gender::Male: return QStringLiteral("男");
    case Gender::Female: return QStringLiteral("女");
    case Gender::Unspecified: return QStringLiteral("未说明");
    case Gender::Unknown: break;
    }
    return QStringLiteral("未知");
}

QString IdCard::maskName(QStringView name)
{
    // By code point: rare name characters lie outside the BMP.
    auto pointAt = [name](qsizetype i) {
        return i + 1 < name.size() && name[i].isHighSurrogate() && name[i + 1].isLowSurrogate() ? 2 : 1;
    };
    qsizetype points = 0, lastAt = 0;
    for (qsizetype i = 0; i < name.size(); i += pointAt(i)) {
        ++points;
        lastAt = i;
    }
    if (points == 0)
        return {};
    if (points == 1)
        return QStringLiteral("*");
    QString out;
    out.reserve(name.size());
    out.append(name.first(pointAt(0)));
    out.append(QString(points == 2 ? 1 : points - 2, QLatin1Char('*')));
    if (points > 2)
        out.append(name.sliced(lastAt));
    return out;
}

QString IdCard::maskIdNumber(QStringView number)
{
    if (number.size() <= 8)
        return QString(number.size(), QLatin1Char('*'));
    return number.first(4).toString() + QString(number.size() - 8, QLatin1Char('*')) +
           number.last(4).toString();
}

QChar IdCard::idCheckCharacter(QStringView first17)
{
    static constexpr int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char checks[] = "10X98765432";
    if (first17.size() != 17)
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const char16_t c = first17[i].unicode();
        if (c < u'0' || c > u'9')
            return QChar();
        sum += (c - u'0') * weights[i];
    }
    return QLatin1Char(checks[sum % 11]);
}

bool IdCard::isValidIdNumber(QStringView number)
{
    if (number.size() != 18)
        return false;
    const QChar expected = idCheckCharacter(number.first(17));
    // Lower-case x is a common keying error but not what a card holds.
    return !expected.isNull() && number[17] == expected;
}

QString IdCard::nationName(QStringView code)
{
    static const char16_t *const names[] = {
        u"汉", u"蒙古", u"回", u"藏", u"维吾尔", u"苗", u"彝", u"壮", u"布依", u"朝鲜",
        u"满", u"侗", u"瑶", u"白", u"土家", u"哈尼", u"哈萨克", u"傣", u"黎", u"傈僳",
        u"佤", u"畲", u"高山", u"拉祜", u"水", u"东乡", u"纳西", u"景颇", u"柯尔克孜", u"土",
        u"达斡尔", u"仫佬", u"羌", u"布朗", u"撒拉", u"毛南", u"仡佬", u"锡伯", u"阿昌", u"普米",
        u"塔吉克", u"怒", u"乌孜别克", u"俄罗斯", u"鄂温克", u"德昂", u"保安", u"裕固", u"京", u"塔塔尔",
        u"独龙", u"鄂伦春", u"赫哲", u"门巴", u"珞巴", u"基诺"};
    static_assert(std::size(names) == 56);
    if (code.size() != 2 || !code[0].isDigit() || !code[1].isDigit())
        return {};
    const int n = code.toInt();
    // Raw data: the table itself, no copy on the heap (a nation is personal data too).
    if (n >= 1 && n <= 56)
        return QString::fromRawData(reinterpret_cast<const QChar *>(names[n - 1]),
                                    qsizetype(std::char_traits<char16_t>::length(names[n - 1])));
    if (n == 97)
        return QStringLiteral("其他");
    if (n == 98)
        return QStringLiteral("外国血统");
    return {};
}

void IdCard::wipe()
{
    for (CardText *t : {&name, &englishName, &nationCode, &address, &idNumber, &authority,
                        &passNumber, &nationality, &cardVersion, &oldCardLink})
        t->wipe();
    photoWlt.wipe();
    nation = QString();
    birthDate = validFrom = validTo = QDate();
    gender = Gender::Unknown;
    validLongTerm = false;
    issueCount = renewalCount = 0;
    type = IdCardType::Resident;
}

} // namespace device
