// IdCard: the text block of a Chinese resident ID card (and of the I, J and Y card
// types the same readers handle), decoded from the reader's 256-byte UTF-16LE block
// (docs: /shared/spec/devices.md §1). Card data is personal data: it lives in
// memory for one session, is shown masked, and wipe() overwrites it. Its fields are
// CardText / SharedCardBytes (cardbytes.h): copies share them, and they are
// overwritten when wiped or when the last copy goes, so no copy outlives a session.
#pragma once

#include "cardbytes.h"

#include <QByteArrayView>
#include <QDate>
#include <QMetaType>
#include <QString>
#include <optional>

namespace device {

enum class IdCardType {
    Resident,              // 居民身份证
    ForeignPermanent2017,  // 'I' 外国人永久居留证
    HkMacaoTaiwanPermit,   // 'J' 港澳台居民居住证
    ForeignPermanent2023,  // 'Y' 外国人永久居留身份证
};

enum class Gender { Unknown, Male, Female, Unspecified };

enum class IdNumberCheck { Valid, Invalid, NotApplicable };

struct IdCard
{
    static constexpr int TextBlockSize = 256;

    IdCardType type = IdCardType::Resident;
    CardText name;         // Chinese name (I: Chinese name, may be empty)
    CardText englishName;  // I and Y
    Gender gender = Gender::Unknown;
    CardText nationCode;   // resident: "01".."56", "97", "98"
    QString nation;        // resident: 汉, 蒙古, … (from the fixed table, not card bytes)
    QDate birthDate;
    CardText address;      // resident and J
    CardText idNumber;     // resident/J/Y: 18-char ID number; I: 15-char card number
    CardText authority;    // resident/J: issuing authority; I: authority code
    QDate validFrom;
    QDate validTo;
    bool validLongTerm = false; // 长期
    CardText passNumber;   // J
    int issueCount = 0;    // J
    CardText nationality;  // I and Y: ISO 3166 alpha-3
    CardText cardVersion;  // I
    int renewalCount = 0;  // Y
    CardText oldCardLink;  // Y
    SharedCardBytes photoWlt; // raw WLT photo: decodable only by a vendor plugin

    // Decodes a 256-byte text block; nullopt if the size is wrong. Reads the fields
    // straight from the block: no temporary text (dates, codes) is left behind.
    static std::optional<IdCard> decode(QByteArrayView textBlock);

    IdNumberCheck idNumberCheck() const;
    // True when the card's validity ended before `today` (long-term cards never).
    bool isExpired(QDate today) const;
    // 张*三 / 张* / 欧**娜: first and last character kept, the rest masked.
    QString maskedName() const { return maskName(name.isEmpty() ? englishName.view() : name.view()); }
    // 1101**********002X: first four and last four kept.
    QString maskedIdNumber() const { return maskIdNumber(idNumber); }
    QString genderText() const;

    // Overwrites every field's memory (also for copies sharing it) and clears them.
    void wipe();

    // Build the masked text only: no whole copy of the name or number is made.
    static QString maskName(QStringView name);
    static QString maskIdNumber(QStringView number);
    // GB 11643 / ISO 7064 MOD 11-2 over an 18-character number.
    static bool isValidIdNumber(QStringView number);
    // The check character for the first 17 digits ('\0' if they are not digits).
    static QChar idCheckCharacter(QStringView first17);
    // 01 → 汉 … 56 → 基诺, 97 → 其他, 98 → 外国血统; empty for unknown codes.
    static QString nationName(QStringView code);
};

} // namespace device

Q_DECLARE_METATYPE(device::IdCard)
