#include "idcard.h"

#include "samframe.h"

namespace device {

namespace {

// A field at a byte offset of the text block: UTF-16LE, padded with spaces.
QString field(QByteArrayView block, int offset, int bytes)
{
    const QByteArrayView raw = block.sliced(offset, bytes);
    QString s(bytes / 2, Qt::Uninitialized);
    for (int i = 0; i < bytes / 2; ++i)
        s[i] = QChar(char16_t(quint8(raw[2 * i]) | (quint8(raw[2 * i + 1]) << 8)));
    // Trailing padding only: inner spaces belong to English names and addresses.
    qsizetype end = s.size();
    while (end > 0 && (s[end - 1] == QLatin1Char(' ') || s[end - 1].isNull()))
        --end;
    s.truncate(end);
    return s;
}

QDate dateField(QByteArrayView block, int offset)
{
    return QDate::fromString(field(block, offset, 16), QStringLiteral("yyyyMMdd"));
}

Gender genderField(QByteArrayView block, int offset)
{
    const QString g = field(block, offset, 2);
    if (g == QLatin1String("1"))
        return Gender::Male;
    if (g == QLatin1String("2"))
        return Gender::Female;
    if (g == QLatin1String("9"))
        return Gender::Unspecified;
    return Gender::Unknown;
}

void wipeString(QString &s)
{
    // QStringLiteral data lives in read-only memory and is no card data.
    if (!s.isEmpty() && s.data_ptr().isMutable()) {
        // Through the shared storage on purpose: queued-signal copies share it.
        volatile char16_t *p = const_cast<char16_t *>(reinterpret_cast<const char16_t *>(s.constData()));
        for (qsizetype i = 0; i < s.size(); ++i)
            p[i] = 0;
    }
    s = QString();
}

} // namespace

std::optional<IdCard> IdCard::decode(QByteArrayView b)
{
    if (b.size() != TextBlockSize)
        return std::nullopt;
    IdCard c;
    const QString flag = field(b, 248, 2);
    if (flag == QLatin1String("I")) {
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
    if (flag == QLatin1String("Y")) {
        c.type = IdCardType::ForeignPermanent2023;
        c.name = field(b, 0, 30);
        c.gender = genderField(b, 30);
        c.renewalCount = field(b, 32, 4).toInt();
        c.birthDate = dateField(b, 36);
        QString first = field(b, 52, 70), second = field(b, 220, 22);
        c.englishName = first + second;
        wipeString(first);
        wipeString(second);
        c.idNumber = field(b, 122, 36);
        c.validFrom = dateField(b, 188);
        c.validTo = dateField(b, 204);
        c.nationality = field(b, 242, 6);
        c.oldCardLink = field(b, 250, 6);
        return c;
    }
    // Resident cards and J permits share the layout up to byte 219.
    c.type = flag == QLatin1String("J") ? IdCardType::HkMacaoTaiwanPermit : IdCardType::Resident;
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
    const QString to = field(b, 204, 16);
    c.validLongTerm = to.startsWith(QStringLiteral("长期"));
    c.validTo = QDate::fromString(to, QStringLiteral("yyyyMMdd"));
    if (c.type == IdCardType::HkMacaoTaiwanPermit) {
        c.passNumber = field(b, 220, 18);
        c.issueCount = field(b, 238, 4).toInt();
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

QString IdCard::maskName(const QString &name)
{
    // By code point: rare name characters lie outside the BMP.
    const QList<uint> cps = name.toUcs4();
    const qsizetype n = cps.size();
    if (n == 0)
        return {};
    if (n == 1)
        return QStringLiteral("*");
    QString out = QString::fromUcs4(reinterpret_cast<const char32_t *>(&cps[0]), 1);
    if (n == 2)
        return out + QLatin1Char('*');
    out += QString(n - 2, QLatin1Char('*'));
    out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&cps[n - 1]), 1);
    return out;
}

QString IdCard::maskIdNumber(const QString &number)
{
    if (number.size() <= 8)
        return QString(number.size(), QLatin1Char('*'));
    return number.left(4) + QString(number.size() - 8, QLatin1Char('*')) + number.right(4);
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
    if (n >= 1 && n <= 56)
        return QString::fromUtf16(names[n - 1]);
    if (n == 97)
        return QStringLiteral("其他");
    if (n == 98)
        return QStringLiteral("外国血统");
    return {};
}

void IdCard::wipe()
{
    for (QString *s : {&name, &englishName, &nationCode, &nation, &address, &idNumber,
                       &authority, &passNumber, &nationality, &cardVersion, &oldCardLink})
        wipeString(*s);
    secureWipe(photoWlt);
    photoWlt = QByteArray();
    birthDate = validFrom = validTo = QDate();
    gender = Gender::Unknown;
    validLongTerm = false;
    issueCount = renewalCount = 0;
    type = IdCardType::Resident;
}

} // namespace device
