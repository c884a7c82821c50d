// The formatters of kiosk/l10n (TextFormat) with the demo catalog's own format.*
// patterns, in zh-Hans, en and ug: the punctuation is the catalog's, per language, and
// a language that lacks a pattern takes the zh-Hans one. Also the Localization
// (QML Texts) calls QML binds, and the built-in "catalog unreadable" notice.
#include "catalogservice.h"
#include "catalogstore.h"
#include "localization.h"
#include "testsupport.h"
#include "textformat.h"

#include <QSignalSpy>
#include <QTest>

using namespace kiosk;

class TextFormatTest : public QObject
{
    Q_OBJECT

    content::CatalogStore m_store;

    TextFormat demo(const QString &lang) const { return TextFormat(m_store.uiStrings(lang)); }

private slots:
    void initTestCase() { m_store.open(testsupport::demoCatalog()); }

    void labelValue_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zh-Hans") << "zh-Hans" << QStringLiteral("标签：值");
        QTest::newRow("en") << "en" << QStringLiteral("标签: 值");
        QTest::newRow("ug") << "ug" << QStringLiteral("标签: 值");
    }
    void labelValue()
    {
        QFETCH(QString, lang);
        QFETCH(QString, expected);
        QCOMPARE(demo(lang).labelValue(QStringLiteral("标签"), QStringLiteral("值")), expected);
    }

    void labelValueWithCatalogTexts()
    {
        const TextFormat zh = demo("zh-Hans"), en = demo("en");
        QCOMPARE(zh.labelValue(zh.text("qa.updated"), "2024-03-01"), QStringLiteral("更新日期：2024-03-01"));
        QCOMPARE(en.labelValue(en.text("qa.updated"), "2024-03-01"), QStringLiteral("Last updated: 2024-03-01"));
    }

    void titleCountAndNote()
    {
        QCOMPARE(demo("zh-Hans").titleCount(QStringLiteral("相关事项"), 3), QStringLiteral("相关事项（3）"));
        QCOMPARE(demo("en").titleCount(QStringLiteral("Services"), 3), QStringLiteral("Services (3)"));
        QCOMPARE(demo("ug").titleCount(QStringLiteral("مۇلازىمەت"), 12), QStringLiteral("مۇلازىمەت (12)"));
        QCOMPARE(demo("zh-Hans").titleNote(QStringLiteral("打印"), QStringLiteral("2页")), QStringLiteral("打印（2页）"));
        QCOMPARE(demo("en").titleNote(QStringLiteral("Print"), QStringLiteral("2 pages")), QStringLiteral("Print (2 pages)"));
        QCOMPARE(demo("en").titleNote(QStringLiteral("Print"), QString()), QStringLiteral("Print"));
    }

    void lists()
    {
        const QStringList items{QStringLiteral("医保"), QString(), QStringLiteral("社保"), QStringLiteral("公积金")};
        QCOMPARE(demo("zh-Hans").list(items), QStringLiteral("医保、社保、公积金"));
        QCOMPARE(demo("en").list(items), QStringLiteral("医保, 社保, 公积金"));
        QCOMPARE(demo("ug").list(items), QStringLiteral("医保، 社保، 公积金"));
        QCOMPARE(demo("zh-Hans").phrases({"甲", "乙"}), QStringLiteral("甲，乙"));
        QCOMPARE(demo("en").phrases({"a", "b"}), QStringLiteral("a, b"));
        QCOMPARE(demo("ug").phrases({"a", "b"}), QStringLiteral("a، b"));
        QCOMPARE(demo("zh-Hans").fields({"甲", "", "乙"}), QStringLiteral("甲　乙"));
        QCOMPARE(demo("en").fields({"a", "b"}), QStringLiteral("a · b"));
        QCOMPARE(demo("zh-Hans").details({"窗口", "1天"}), QStringLiteral("窗口　·　1天"));
        QCOMPARE(demo("zh-Hans").list({}), QString());
    }

    void tagsQuotesAndMarks()
    {
        QCOMPARE(demo("zh-Hans").tag(QStringLiteral("必要"), QStringLiteral("原件")), QStringLiteral("【必要】原件"));
        QCOMPARE(demo("en").tag(QStringLiteral("Required"), QStringLiteral("Original")), QStringLiteral("[Required] Original"));
        QCOMPARE(demo("en").tag(QStringLiteral("Required")), QStringLiteral("[Required]"));
        QCOMPARE(demo("ug").tag(QStringLiteral("زۆرۈر")), QStringLiteral("[زۆرۈر]"));
        QCOMPARE(demo("zh-Hans").quoted(QStringLiteral("办法")), QStringLiteral("《办法》"));
        QCOMPARE(demo("en").quoted(QStringLiteral("Rules")), QStringLiteral("“Rules”"));
        QCOMPARE(demo("ug").quoted(QStringLiteral("نىزام")), QStringLiteral("«نىزام»"));
        QCOMPARE(demo("zh-Hans").bullet(QStringLiteral("附件")), QStringLiteral("· 附件"));
        QCOMPARE(demo("zh-Hans").numbered("2", QStringLiteral("身份证")), QStringLiteral("2. 身份证"));
        QCOMPARE(demo("zh-Hans").pair("2024-01-01", "2024-03-01"), QStringLiteral("2024-01-01 / 2024-03-01"));
        QCOMPARE(demo("zh-Hans").stepped(QStringLiteral("大字"), 2), QStringLiteral("大字 +2"));
        QCOMPARE(demo("zh-Hans").stepped(QStringLiteral("大字"), 0), QStringLiteral("大字"));
        QCOMPARE(demo("zh-Hans").typing(QStringLiteral("医保")), QStringLiteral("医保▏"));
        QCOMPARE(demo("zh-Hans").lines({"a", "", "b"}), QStringLiteral("a\nb"));
    }

    // An address under a QR code wraps after its separators, not inside a name
    // (https://zwfw.exa|mple… at large text).
    void addressesWrapAtSeparators()
    {
        const QChar zw(0x200B);
        QCOMPARE(TextFormat::address(QStringLiteral("https://zwfw.example.gov.cn/item/birth-cert")),
                 QStringLiteral("https://%1zwfw.%1example.%1gov.%1cn/%1item/%1birth-%1cert").arg(zw));
        QCOMPARE(TextFormat::address(QStringLiteral("a.b/")), QStringLiteral("a.%1b/").arg(zw));
        QCOMPARE(TextFormat::address(QString()), QString());
    }

    void icons()
    {
        const TextFormat zh = demo("zh-Hans"), ug = demo("ug");
        QCOMPARE(zh.iconLabel("home", zh.text("bar.home")), QStringLiteral("⌂ 首页"));
        QCOMPARE(zh.iconLabel("back", zh.text("bar.back")), QStringLiteral("‹ 返回"));
        QCOMPARE(zh.iconLabel("delete", "删除"), QStringLiteral("⌫ 删除"));
        QCOMPARE(zh.iconLabel("warning", "过期"), QStringLiteral("⚠ 过期"));
        // An icon the catalog does not know leaves the label alone.
        QCOMPARE(zh.iconLabel("no-such-icon", "首页"), QStringLiteral("首页"));
        QCOMPARE(zh.toggled("大字", true), QStringLiteral("✓ 大字"));
        QCOMPARE(zh.toggled("大字", false), QStringLiteral("大字"));
        // ug starts the line with a right-to-left mark, so the icon comes first when read.
        QCOMPARE(ug.iconLabel("home", ug.text("bar.home")), QStringLiteral("\u200F⌂ باش بەت"));
    }

    void fillNumbersAndPages()
    {
        const TextFormat zh = demo("zh-Hans"), en = demo("en");
        QCOMPARE(zh.fill("print.pages", {3.0}), zh.text("print.pages").replace("%1", "3"));
        QCOMPARE(en.fill("print.pages", {3}), QStringLiteral("3 pages"));
        QCOMPARE(en.fill("print.session_pages", {4.0, 30.0}), QStringLiteral("Printed 4 of at most 30 pages this visit"));
        QCOMPARE(en.fill("common.page", {1, 2}), QStringLiteral("Page 1 of 2"));
        // A first argument holding "%2" is not filled again.
        QCOMPARE(TextFormat::fillPattern("%1/%2", {"%2", "b"}), QStringLiteral("%2/b"));
        QCOMPARE(TextFormat::argument(2.5), QStringLiteral("2.5"));
        QCOMPARE(TextFormat::argument(7.0), QStringLiteral("7"));
    }

    void partsAreFilledInOnce()
    {
        QCOMPARE(demo("zh-Hans").labelValue(QStringLiteral("{value}"), QStringLiteral("{label}")),
                 QStringLiteral("{value}：{label}"));
        QCOMPARE(TextFormat::compose("{a}{unknown}{", {{"a", "x"}}), QStringLiteral("x{unknown}{"));
    }

    // ug in the demo catalog gives no pair, bullet, caret or icon patterns: the zh-Hans
    // ones apply (the catalog overlays zh-Hans by the language).
    void languageWithoutAPatternFallsBackToZhHans()
    {
        const QHash<QString, QString> ugOwn = [] {
            content::CatalogStore s;
            s.open(testsupport::demoCatalog());
            return s.uiStrings("ug");
        }();
        QVERIFY(ugOwn.contains("format.label_value"));
        QCOMPARE(demo("ug").pair("a", "b"), demo("zh-Hans").pair("a", "b"));
        QCOMPARE(demo("ug").bullet("a"), QStringLiteral("· a"));

        // The same rule for a table given language by language.
        const QHash<QString, QString> zhHans{{"format.label_value", "{label}：{value}"},
                                              {"format.list_separator", "、"},
                                              {"format.title_count", "{title}（{count}）"}};
        const QHash<QString, QString> partial{{"format.list_separator", ", "}};
        const TextFormat f = TextFormat::overlaid(zhHans, partial);
        QCOMPARE(f.list({"a", "b"}), QStringLiteral("a, b"));
        QCOMPARE(f.labelValue("a", "b"), QStringLiteral("a：b"));
        QCOMPARE(f.titleCount("a", 2), QStringLiteral("a（2）"));

        // A catalog with no format.* keys at all (built before they existed): zh-Hans
        // patterns built into TextFormat.
        const TextFormat old({{"bar.home", "首页"}});
        QCOMPARE(old.labelValue("a", "b"), QStringLiteral("a：b"));
        QCOMPARE(old.list({"a", "b"}), QStringLiteral("a、b"));
        QCOMPARE(old.iconLabel("home", old.text("bar.home")), QStringLiteral("⌂ 首页"));
    }

    // What QML calls: Texts (Localization) follows the language and drops undefined
    // entries of a JS array.
    void localizationFollowsTheLanguage()
    {
        CatalogService catalog(nullptr);
        catalog.openCatalog(testsupport::demoCatalog());
        QTRY_VERIFY(catalog.ready());
        Localization texts(&catalog, {"zh-Hans", "en", "ug"}, "zh-Hans");
        QTRY_VERIFY(texts.ready());
        QCOMPARE(texts.list({QStringLiteral("甲"), QVariant(), QStringLiteral("乙")}), QStringLiteral("甲、乙"));
        QCOMPARE(texts.titleCount(texts.text("stage.guides"), 3), QStringLiteral("相关事项（3）"));
        QCOMPARE(texts.catalogUnreadableNotice(), catalogUnreadableNotice("zh-Hans"));
        const int before = texts.revision();
        texts.setLanguage("ug");
        QTRY_VERIFY(texts.revision() != before);
        QVERIFY(texts.rightToLeft());
        QCOMPARE(texts.list({QStringLiteral("a"), QStringLiteral("b")}), QStringLiteral("a، b"));
        QCOMPARE(texts.labelValue("a", "b"), QStringLiteral("a: b"));
        QVERIFY(texts.catalogUnreadableNotice().contains(QStringLiteral("目录数据暂时无法读取")));
        texts.setLanguage("en");
        QTRY_COMPARE(texts.titleCount(texts.text("stage.guides"), 3), QStringLiteral("Services (3)"));
        QCOMPARE(texts.catalogUnreadableNotice(), QStringLiteral("The catalog cannot be read; please ask the staff."));
    }

    // A language the catalog barely translates is not offered: residents would read
    // Chinese under its name. The demo translates all screen texts into English and few
    // into Uyghur (catalog-build's ui_coverage.<lang>).
    void onlyTranslatedLanguagesAreOffered()
    {
        CatalogService catalog(nullptr);
        catalog.openCatalog(testsupport::demoCatalog());
        QTRY_VERIFY(catalog.ready());
        const int ug = catalog.meta().value("ui_coverage.ug").toInt();
        QVERIFY2(ug > 0 && ug < 50, qPrintable(QString::number(ug)));
        QCOMPARE(catalog.meta().value("ui_coverage.en").toInt(), 100);

        Localization texts(&catalog, {"zh-Hans", "en", "ug"}, "zh-Hans");
        QCOMPARE(texts.offeredLanguages(), (QStringList{"zh-Hans", "en", "ug"})); // 0: all
        texts.setLanguage("ug");
        QCOMPARE(texts.language(), QStringLiteral("ug"));

        QSignalSpy offered(&texts, &Localization::offeredLanguagesChanged);
        texts.setMinimumCoverage(ug + 1);
        QCOMPARE(texts.offeredLanguages(), (QStringList{"zh-Hans", "en"}));
        QCOMPARE(offered.size(), 1);
        QCOMPARE(texts.language(), QStringLiteral("zh-Hans")); // left the hidden language
        texts.setLanguage("ug");
        QCOMPARE(texts.language(), QStringLiteral("zh-Hans"));
        texts.cycleLanguage();
        QCOMPARE(texts.language(), QStringLiteral("en"));
        texts.cycleLanguage();
        QCOMPARE(texts.language(), QStringLiteral("zh-Hans"));

        texts.setMinimumCoverage(ug);
        QCOMPARE(texts.offeredLanguages(), (QStringList{"zh-Hans", "en", "ug"}));

        // The default language is offered whatever its coverage: staff chose it.
        Localization uyghurFirst(&catalog, {"zh-Hans", "ug"}, "ug");
        uyghurFirst.setMinimumCoverage(100);
        QCOMPARE(uyghurFirst.offeredLanguages(), (QStringList{"zh-Hans", "ug"}));
        QCOMPARE(uyghurFirst.language(), QStringLiteral("ug"));
    }
};

QTEST_GUILESS_MAIN(TextFormatTest)
#include "tst_textformat.moc"
