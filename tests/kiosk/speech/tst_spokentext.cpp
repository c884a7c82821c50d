// The spoken form of displayed text (kiosk/speech/spokentext): every row of the table
// tests/kiosk/speech/spokentext.tsv as a data row of its own, the languages of the
// segments of mixed text, the bound on what reaches the synthesiser, the characters
// that never do, and that a long text is read in one quick pass.
#include "speechqueue.h"
#include "spokentext.h"

#include <QFile>
#include <QtTest>

using namespace kiosk;

namespace {

struct TableRow
{
    int line = 0;
    QString language, input, expected, problem;
};

// \n, \t, \\ and \uXXXX in the table stand for characters a TSV cannot hold.
QString unescaped(QStringView field, bool *ok)
{
    QString out;
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] != u'\\' || i + 1 == field.size()) {
            out += field[i];
            continue;
        }
        const QChar e = field[++i];
        if (e == u'n') {
            out += u'\n';
        } else if (e == u't') {
            out += u'\t';
        } else if (e == u'\\') {
            out += u'\\';
        } else if (e == u'u' && i + 4 < field.size()) {
            out += QChar(char16_t(field.mid(i + 1, 4).toUInt(ok, 16)));
            i += 4;
        } else {
            *ok = false;
        }
    }
    return out;
}

// Every row of the table; a line that is no row comes back with its problem, so that
// it fails as a row of its own rather than being passed over.
QList<TableRow> tableRows()
{
    QFile file(QStringLiteral(SPOKEN_TEXT_TABLE));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {{0, {}, {}, {}, QStringLiteral("cannot open ") + file.fileName()}};
    QList<TableRow> rows;
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        QString text = QString::fromUtf8(file.readLine());
        if (text.endsWith(u'\n'))
            text.chop(1);
        if (text.trimmed().isEmpty() || text.startsWith(u'#'))
            continue;
        const QStringList f = text.split(u'\t');
        TableRow row{line, f.value(0), {}, {}, {}};
        bool ok = true;
        if (f.size() != 3)
            row.problem = QStringLiteral("not three tab-separated fields");
        else if (!QStringList{"zh", "en", "ug"}.contains(row.language))
            row.problem = QStringLiteral("language is not zh, en or ug");
        row.input = unescaped(f.value(1), &ok);
        row.expected = unescaped(f.value(2), &ok);
        if (!ok)
            row.problem = QStringLiteral("bad escape");
        rows.append(row);
    }
    return rows;
}

SpeechLanguage languageOf(const QString &code)
{
    return code == u"en"   ? SpeechLanguage::English
           : code == u"ug" ? SpeechLanguage::Uyghur
                           : SpeechLanguage::Chinese;
}

qsizetype totalLength(const QList<SpokenSegment> &segments)
{
    qsizetype n = segments.isEmpty() ? 0 : segments.size() - 1;
    for (const SpokenSegment &s : segments)
        n += s.text.size();
    return n;
}

qsizetype boundFor(const QString &text)
{
    return kMaxSpokenFactor * std::min(text.size(), kMaxSpokenInput) + 64;
}

} // namespace

Q_DECLARE_METATYPE(kiosk::SpeechLanguage)

class SpokenTextTest : public QObject
{
    Q_OBJECT

private slots:
    void table_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("problem");
        for (const TableRow &r : tableRows())
            QTest::addRow("%d %s", r.line, qPrintable(r.input.left(40)))
                << r.language << r.input << r.expected << r.problem;
    }
    void table()
    {
        QFETCH(QString, language);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(spokenForm(input, languageOf(language)), expected);
    }

    // A table of a handful of rows would pass the data test and prove little.
    void tableIsLarge()
    {
        const QList<TableRow> rows = tableRows();
        QVERIFY2(rows.size() >= 200, qPrintable(QString::number(rows.size())));
        for (const char *language : {"zh", "en", "ug"}) {
            const auto n = std::count_if(rows.begin(), rows.end(),
                                         [&](const TableRow &r) { return r.language == language; });
            QVERIFY2(n >= 20, language);
        }
    }

    void segments_data()
    {
        using L = SpeechLanguage;
        using Segments = QList<SpokenSegment>;
        QTest::addColumn<QString>("input");
        QTest::addColumn<SpeechLanguage>("language");
        QTest::addColumn<Segments>("expected");
        QTest::newRow("English word inside Chinese")
            << QStringLiteral("请下载App办理") << L::Chinese
            << Segments{{"请下载", L::Chinese}, {"A-P-P", L::English}, {"办理", L::Chinese}};
        QTest::newRow("a full stop ends the English word's segment")
            << QStringLiteral("打开WeChat。") << L::Chinese
            << Segments{{"打开", L::Chinese}, {"WeChat。", L::English}};
        QTest::newRow("an opening bracket starts the next segment")
            << QStringLiteral("下载App（免费）") << L::Chinese
            << Segments{{"下载", L::Chinese}, {"A-P-P", L::English}, {"（免费）", L::Chinese}};
        QTest::newRow("spaces between languages dropped")
            << QStringLiteral("使用 Wi-Fi 上网") << L::Chinese
            << Segments{{"使用", L::Chinese}, {"Wi-Fi", L::English}, {"上网", L::Chinese}};
        QTest::newRow("English phrase stays one segment")
            << QStringLiteral("扫码Hello, world!结束") << L::Chinese
            << Segments{{"扫码", L::Chinese}, {"Hello, world!", L::English}, {"结束", L::Chinese}};
        QTest::newRow("number before a letter: Chinese, then English")
            << QStringLiteral("5G") << L::Chinese
            << Segments{{"五", L::Chinese}, {"G", L::English}};
        QTest::newRow("email address in English")
            << QStringLiteral("邮箱abc@gov.cn") << L::Chinese
            << Segments{{"邮箱", L::Chinese}, {"A-B-C at G-O-V dot C-N", L::English}};
        QTest::newRow("Chinese inside English, number read in Chinese")
            << QStringLiteral("Go to 3号窗口 now") << L::English
            << Segments{{"Go to", L::English}, {"三号窗口", L::Chinese}, {"now", L::English}};
        QTest::newRow("Latin inside Uyghur")
            << QStringLiteral("QR كودنى سكانىرلاڭ") << L::Uyghur
            << Segments{{"Q-R", L::English}, {"كودنى سكانىرلاڭ", L::Uyghur}};
        QTest::newRow("whitespace only") << QStringLiteral(" \t\n ") << L::Chinese << Segments{};
        QTest::newRow("empty") << QString() << L::English << Segments{};
    }
    void segments()
    {
        QFETCH(QString, input);
        QFETCH(SpeechLanguage, language);
        QFETCH(QList<SpokenSegment>, expected);
        const QList<SpokenSegment> got = spokenSegments(input, language);
        QStringList shown;
        for (const SpokenSegment &s : got)
            shown << QStringLiteral("[%1] %2").arg(int(s.language)).arg(s.text);
        QVERIFY2(got == expected, qPrintable(shown.join(u" | ")));
    }

    // Segments never empty, never two of one language in a row, never spaces at an end.
    void segmentsAreMerged()
    {
        const QString text = QStringLiteral("A B C 中 D E 文 F\nG  H");
        for (auto language :
             {SpeechLanguage::Chinese, SpeechLanguage::English, SpeechLanguage::Uyghur}) {
            const QList<SpokenSegment> got = spokenSegments(text, language);
            for (qsizetype i = 0; i < got.size(); ++i) {
                QVERIFY(!got[i].text.trimmed().isEmpty());
                QCOMPARE(got[i].text, got[i].text.trimmed());
                if (i > 0)
                    QVERIFY(got[i].language != got[i - 1].language);
            }
        }
    }

    // Texts that expand the most, long enough to meet the bound: what passes it is cut.
    void outputIsBounded_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<SpeechLanguage>("language");
        QTest::newRow("English numbers")
            << QStringLiteral("777777777777777 ").repeated(2000) << SpeechLanguage::English;
        QTest::newRow("degrees in English")
            << QStringLiteral("℃").repeated(30000) << SpeechLanguage::English;
        QTest::newRow("percent signs in Uyghur")
            << QStringLiteral("7% ").repeated(9000) << SpeechLanguage::Uyghur;
        QTest::newRow("Chinese fractions")
            << QStringLiteral("1/7,").repeated(6000) << SpeechLanguage::Chinese;
        QTest::newRow("short text") << QStringLiteral("℃") << SpeechLanguage::English;
    }
    void outputIsBounded()
    {
        QFETCH(QString, text);
        QFETCH(SpeechLanguage, language);
        const QList<SpokenSegment> got = spokenSegments(text, language);
        QVERIFY(!got.isEmpty());
        QVERIFY2(totalLength(got) <= boundFor(text), qPrintable(QString::number(totalLength(got))));
        QVERIFY(spokenForm(text, language).size() <= boundFor(text));
        for (const SpokenSegment &s : got)
            QVERIFY(!s.text.isEmpty() && !s.text.back().isHighSurrogate());
    }

    // Only the first kMaxSpokenInput characters are read.
    void inputIsLimited()
    {
        const QString text =
            QStringLiteral("一").repeated(kMaxSpokenInput) + QStringLiteral("二三");
        const QString said = spokenForm(text, SpeechLanguage::Chinese);
        QCOMPARE(said.size(), kMaxSpokenInput);
        QVERIFY(!said.contains(u'二'));
    }

    void unspeakableCharacters()
    {
        QString text =
            QStringLiteral(
                "办理\u0000\u0007\u001b业务\u007f\u0085\u009f证件\u200b\u202e\uFEFF\uE000\uFFFD") +
            QChar(0xD800) + QStringLiteral("x") + QChar(0xDC00) + QStringLiteral("😀\U000E0041");
        for (auto language :
             {SpeechLanguage::Chinese, SpeechLanguage::English, SpeechLanguage::Uyghur}) {
            const QString said = spokenForm(text, language);
            for (qsizetype i = 0; i < said.size(); ++i) {
                const QChar c = said[i];
                QVERIFY2(c.category() != QChar::Other_Control &&
                             c.category() != QChar::Other_Format &&
                             c.category() != QChar::Other_PrivateUse && c != QChar(0xFFFD),
                         qPrintable(QString::number(c.unicode(), 16)));
                if (c.isHighSurrogate())
                    QVERIFY(i + 1 < said.size() && said[++i].isLowSurrogate());
                else
                    QVERIFY(!c.isLowSurrogate());
            }
            QVERIFY(said.contains(QStringLiteral("😀")));
        }
        QCOMPARE(spokenForm(QStringLiteral("办理\u0007业务"), SpeechLanguage::Chinese),
                 QStringLiteral("办理业务"));
    }

    // Linear rules: the longest text read, of the kinds of runs the rules look into,
    // takes milliseconds (a rule gone quadratic would take seconds).
    void longTextIsBounded_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("mixed") << QStringLiteral(
                                      "请于2024年3月5日8:30-17:00到3号窗口办理ETC，费用￥25.50，"
                                      "电话0731-88889999。1. 带身份证\n")
                                      .repeated(300);
        QTest::newRow("digits") << QStringLiteral("1").repeated(kMaxSpokenInput);
        QTest::newRow("grouped digits") << QStringLiteral("1,234").repeated(4000);
        QTest::newRow("letters") << QStringLiteral("a").repeated(kMaxSpokenInput);
        QTest::newRow("hyphens") << QStringLiteral("1-").repeated(10000);
        QTest::newRow("spaces and digits") << QStringLiteral("1 ").repeated(10000);
        QTest::newRow("brackets") << QStringLiteral("（1）").repeated(5000);
    }
    // Long pathological input ends, bounded (a hang shows as the test's timeout; the
    // fuzz target's -timeout=10 watches every input).
    void longTextIsBounded()
    {
        QFETCH(QString, text);
        for (auto language :
             {SpeechLanguage::Chinese, SpeechLanguage::English, SpeechLanguage::Uyghur})
            QVERIFY(totalLength(spokenSegments(text, language)) <= boundFor(text));
    }

    // Letters of a script the voice does not read never reach espeak-ng: switching
    // language for them is where Debian's 1.51 has a use-after-free (fuzz_speech_engine,
    // corpus file armenian_before_han).
    void otherScriptsAreNotSent()
    {
        const auto segments = spokenSegments(QStringLiteral("Չɡ两个人，Ωμέγα办事，Привет"), SpeechLanguage::Chinese);
        QString all;
        for (const SpokenSegment &s : segments) {
            all += s.text;
            for (QChar c : s.text)
                QVERIFY2(!c.isLetter() || c.script() == QChar::Script_Han || c.script() == QChar::Script_Latin,
                         qPrintable(s.text));
        }
        QVERIFY2(all.contains(QStringLiteral("两个人")) && all.contains(QStringLiteral("办事")), qPrintable(all));
        const auto uyghur = spokenSegments(QStringLiteral("ياخشى 你好"), SpeechLanguage::Uyghur);
        for (const SpokenSegment &s : uyghur)
            QVERIFY2(!s.text.contains(QStringLiteral("你好")) || s.language == SpeechLanguage::Chinese,
                     qPrintable(s.text));
    }

    // What SpeechQueue cuts a displayed text into before its spoken form is made: the
    // sentences the screen highlights while they are read.
    void sentencesOfDisplayedText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("sentences");
        QTest::newRow("zh") << QStringLiteral("请带身份证。窗口周一至周五办公！有问题吗？")
                            << QStringList{"请带身份证。", "窗口周一至周五办公！", "有问题吗？"};
        QTest::newRow("quote closes") << QStringLiteral("他说：“请排队。”然后离开。")
                                      << QStringList{"他说：“请排队。”", "然后离开。"};
        QTest::newRow("decimal stays") << QStringLiteral("费率为3.5%。下一句")
                                       << QStringList{"费率为3.5%。", "下一句"};
        QTest::newRow("en") << QStringLiteral("Please wait. Your number is called soon.")
                            << QStringList{"Please wait.", "Your number is called soon."};
        QTest::newRow("abbreviation") << QStringLiteral("Go to Room No. 5 now. Thanks.")
                                      << QStringList{"Go to Room No. 5 now.", "Thanks."};
        QTest::newRow("lines") << QStringLiteral("第一行\n\n第二行") << QStringList{"第一行", "第二行"};
        QTest::newRow("blank") << QStringLiteral(" \n ") << QStringList{};
    }
    void sentencesOfDisplayedText()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, sentences);
        QStringList got;
        for (const SentenceSpan &s : SpeechQueue::sentencesOf(text))
            got << text.mid(s.start, s.length);
        QCOMPARE(got, sentences);
    }

    // A sentence too long to make at once is cut at a pause, never inside a character.
    void longSentenceIsCutAtAPause()
    {
        const QString text = QStringLiteral("材料一，").repeated(60) + QStringLiteral("😀").repeated(100);
        int covered = 0;
        for (const SentenceSpan &s : SpeechQueue::sentencesOf(text)) {
            QVERIFY(s.length <= SpeechQueue::kMaxSentenceChars);
            QVERIFY(!text.at(s.start).isLowSurrogate());
            covered += s.length;
        }
        QCOMPARE(covered, int(text.size()));
        QVERIFY(text.mid(SpeechQueue::sentencesOf(text).first().length - 1, 1) == u"，");
    }
};

QTEST_GUILESS_MAIN(SpokenTextTest)
#include "tst_spokentext.moc"
