// The card text block: every card type's fields at the spec's offsets, the ID
// number check, expiry, masking and wiping.
#include "idcard.h"
#include "simcards.h"

#include <QtTest>

using namespace device;

class IdCardTest : public QObject
{
    Q_OBJECT
private slots:
    void resident()
    {
        simcards::Resident r;
        r.name = QStringLiteral("欧阳娜娜");
        r.gender = QStringLiteral("2");
        r.nation = QStringLiteral("05");
        r.validTo = QStringLiteral("长期");
        const auto c = IdCard::decode(simcards::resident(r));
        QVERIFY(c);
        QCOMPARE(c->type, IdCardType::Resident);
        QCOMPARE(c->name.view(), QStringLiteral("欧阳娜娜"));
        QCOMPARE(c->gender, Gender::Female);
        QCOMPARE(c->genderText(), QStringLiteral("女"));
        QCOMPARE(c->nationCode.view(), QStringLiteral("05"));
        QCOMPARE(c->nation, QStringLiteral("维吾尔"));
        QCOMPARE(c->birthDate, QDate(1949, 12, 31));
        QCOMPARE(c->address.view(), QStringLiteral("北京市朝阳区示例路1号"));
        QCOMPARE(c->idNumber.view(), QStringLiteral("11010519491231002X"));
        QCOMPARE(c->authority.view(), QStringLiteral("北京市公安局朝阳分局"));
        QCOMPARE(c->validFrom, QDate(2015, 1, 1));
        QVERIFY(c->validLongTerm);
        QVERIFY(!c->isExpired(QDate(2099, 1, 1)));
        QCOMPARE(c->idNumberCheck(), IdNumberCheck::Valid);
    }

    void innerSpacesKept()
    {
        // Only the padding is trimmed: an address may contain spaces.
        simcards::Resident r;
        r.address = QStringLiteral("Room 1 示例路");
        QCOMPARE(IdCard::decode(simcards::resident(r))->address.view(), QStringLiteral("Room 1 示例路"));
    }

    void hkMacaoTaiwanPermit()
    {
        const auto c = IdCard::decode(simcards::hkMacaoTaiwanPermit());
        QVERIFY(c);
        QCOMPARE(c->type, IdCardType::HkMacaoTaiwanPermit);
        QCOMPARE(c->name.view(), QStringLiteral("陈大文"));
        QCOMPARE(c->idNumber.view(), QStringLiteral("810000198001010129"));
        QCOMPARE(c->passNumber.view(), QStringLiteral("H12345678"));
        QCOMPARE(c->issueCount, 1);
        QVERIFY(c->nation.isEmpty()); // the nation slot is unused on permits
        QCOMPARE(c->validTo, QDate(2030, 6, 1));
        QCOMPARE(c->idNumberCheck(), IdNumberCheck::Valid);
    }

    void foreignPermanent2017()
    {
        const auto c = IdCard::decode(simcards::foreignPermanent2017());
        QVERIFY(c);
        QCOMPARE(c->type, IdCardType::ForeignPermanent2017);
        QCOMPARE(c->englishName.view(), QStringLiteral("SMITH JOHN"));
        QCOMPARE(c->name.view(), QStringLiteral("史约翰"));
        QCOMPARE(c->idNumber.view(), QStringLiteral("USA110079070101"));
        QCOMPARE(c->nationality.view(), QStringLiteral("USA"));
        QCOMPARE(c->gender, Gender::Male);
        QCOMPARE(c->birthDate, QDate(1970, 1, 1));
        QCOMPARE(c->validTo, QDate(2027, 6, 1));
        QCOMPARE(c->cardVersion.view(), QStringLiteral("01"));
        QCOMPARE(c->authority.view(), QStringLiteral("1100"));
        QCOMPARE(c->idNumberCheck(), IdNumberCheck::NotApplicable);
    }

    void foreignPermanent2023()
    {
        const QString longName = QStringLiteral("GARCIA LOPEZ MARIA DE LOS ANGELES FERNANDA");
        QVERIFY(longName.size() > 35);
        const auto c = IdCard::decode(simcards::foreignPermanent2023(longName));
        QVERIFY(c);
        QCOMPARE(c->type, IdCardType::ForeignPermanent2023);
        QCOMPARE(c->englishName.view(), longName); // both parts joined
        QCOMPARE(c->name.view(), QStringLiteral("玛丽亚"));
        QCOMPARE(c->gender, Gender::Female);
        QCOMPARE(c->idNumber.view(), QStringLiteral("933110198503150015"));
        QCOMPARE(c->nationality.view(), QStringLiteral("ESP"));
        QCOMPARE(c->birthDate, QDate(1985, 3, 15));
        QCOMPARE(c->validTo, QDate(2033, 1, 1));
        QCOMPARE(c->idNumberCheck(), IdNumberCheck::Valid);
    }

    void wrongSizeRejected()
    {
        QVERIFY(!IdCard::decode(QByteArray(255, ' ')));
        QVERIFY(!IdCard::decode(QByteArray(258, ' ')));
    }

    void idNumberCheck_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("spec example") << "11010519491231002X" << true;
        QTest::newRow("check 8") << "110101199003077678" << true;
        QTest::newRow("check X") << "44030419900307123X" << true;
        QTest::newRow("wrong check") << "110105194912310021" << false;
        QTest::newRow("one digit changed") << "11010519491231003X" << false;
        QTest::newRow("lower-case x") << "11010519491231002x" << false;
        QTest::newRow("17 chars") << "11010519491231002" << false;
        QTest::newRow("letter inside") << "1101051949123100AX" << false;
        QTest::newRow("empty") << "" << false;
    }
    void idNumberCheck()
    {
        QFETCH(QString, number);
        QFETCH(bool, valid);
        QCOMPARE(IdCard::isValidIdNumber(number), valid);
    }

    void invalidNumberOnCardReported()
    {
        simcards::Resident r;
        r.idNumber = QStringLiteral("110105194912310021");
        QCOMPARE(IdCard::decode(simcards::resident(r))->idNumberCheck(), IdNumberCheck::Invalid);
    }

    void expiry()
    {
        simcards::Resident r;
        r.validTo = QStringLiteral("20240630");
        const auto c = IdCard::decode(simcards::resident(r));
        QVERIFY(!c->isExpired(QDate(2024, 6, 30))); // valid through the printed date
        QVERIFY(c->isExpired(QDate(2024, 7, 1)));
        r.validTo = QStringLiteral("2024xx30");
        QVERIFY(IdCard::decode(simcards::resident(r))->isExpired(QDate(2000, 1, 1)));
    }

    void nations()
    {
        QCOMPARE(IdCard::nationName(u"01"), QStringLiteral("汉"));
        QCOMPARE(IdCard::nationName(u"02"), QStringLiteral("蒙古"));
        QCOMPARE(IdCard::nationName(u"29"), QStringLiteral("柯尔克孜"));
        QCOMPARE(IdCard::nationName(u"43"), QStringLiteral("乌孜别克"));
        QCOMPARE(IdCard::nationName(u"56"), QStringLiteral("基诺"));
        QCOMPARE(IdCard::nationName(u"97"), QStringLiteral("其他"));
        QCOMPARE(IdCard::nationName(u"98"), QStringLiteral("外国血统"));
        QVERIFY(IdCard::nationName(u"00").isEmpty());
        QVERIFY(IdCard::nationName(u"57").isEmpty());
        QVERIFY(IdCard::nationName(u"1").isEmpty());
    }

    void genders_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("gender");
        QTest::newRow("0") << "0" << int(Gender::Unknown);
        QTest::newRow("1") << "1" << int(Gender::Male);
        QTest::newRow("2") << "2" << int(Gender::Female);
        QTest::newRow("9") << "9" << int(Gender::Unspecified);
    }
    void genders()
    {
        QFETCH(QString, code);
        QFETCH(int, gender);
        simcards::Resident r;
        r.gender = code;
        QCOMPARE(int(IdCard::decode(simcards::resident(r))->gender), gender);
    }

    void masking_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("masked");
        QTest::newRow("three") << "张三丰" << "张*丰";
        QTest::newRow("two") << "张三" << "张*";
        QTest::newRow("four") << "欧阳娜娜" << "欧**娜";
        QTest::newRow("one") << "张" << "*";
        QTest::newRow("outside BMP") << QString::fromUtf16(u"张\U00020000三") << "张*三";
    }
    void masking()
    {
        QFETCH(QString, name);
        QFETCH(QString, masked);
        QCOMPARE(IdCard::maskName(name), masked);
    }

    void maskedCard()
    {
        const auto c = IdCard::decode(simcards::resident());
        QCOMPARE(c->maskedName(), QStringLiteral("张*丰"));
        QCOMPARE(c->maskedIdNumber(), QStringLiteral("1101**********002X"));
    }

    void wipeOverwritesSharedMemory()
    {
        auto c = IdCard::decode(simcards::resident());
        QVERIFY(c);
        c->photoWlt = SharedCardBytes(simcards::photo());
        // A copy as a queued signal would make: it shares the fields' storage, and
        // keeps it allocated, so the views below stay readable after the wipe.
        const IdCard copy = *c;
        const QStringView heldName = c->name;
        const QStringView heldNumber = c->idNumber;
        const QByteArrayView heldPhoto = c->photoWlt;
        c->wipe();
        QVERIFY(c->name.isEmpty() && c->idNumber.isEmpty() && c->address.isEmpty());
        QVERIFY(!c->birthDate.isValid());
        QVERIFY(c->photoWlt.isEmpty());
        // Every copy sees nothing any more, and the storage holds zeros.
        QVERIFY(copy.name.isEmpty() && copy.idNumber.isEmpty() && copy.photoWlt.isEmpty());
        QCOMPARE(heldName, QString(3, QChar(0)));
        QCOMPARE(heldNumber, QString(18, QChar(0)));
        QVERIFY(heldPhoto == QByteArray(1024, '\0'));
    }

    void textGivenByHandIsWipedToo()
    {
        IdCard c;
        c.name = CardText(u"测试"); // a copy of its own, not the literal
        const QStringView held = c.name;
        const IdCard copy = c;
        c.wipe();
        QVERIFY(c.name.isEmpty() && copy.name.isEmpty());
        QCOMPARE(held, QString(2, QChar(0)));
    }

    void datesAndNumbersReadDigitByDigit_data()
    {
        QTest::addColumn<QString>("date");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("plain") << "20350101" << QDate(2035, 1, 1);
        QTest::newRow("long term") << "长期" << QDate();
        QTest::newRow("impossible day") << "20230230" << QDate();
        QTest::newRow("short") << "2023" << QDate();
        QTest::newRow("letters") << "2023O101" << QDate();
    }
    void datesAndNumbersReadDigitByDigit()
    {
        QFETCH(QString, date);
        QFETCH(QDate, expected);
        simcards::Resident r;
        r.validTo = date;
        const auto c = IdCard::decode(simcards::resident(r));
        QVERIFY(c);
        QCOMPARE(c->validTo, expected);
        QCOMPARE(c->validLongTerm, date == QStringLiteral("长期"));
    }
};

QTEST_GUILESS_MAIN(IdCardTest)
#include "tst_idcard.moc"
