// Building catalogs: the demo catalog builds and is complete; every kind of source
// error is reported with file, line and reason, and never leaves a catalog behind.
#include "catalogbuilder.h"
#include "catalogstore.h"
#include "sourcedocument.h"
#include "uitextkeys.h"
#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

using namespace content;
using testsupport::writeFile;

namespace {

// A complete, valid guide; variants below break one thing each. Line numbers in
// the expectations refer to this text (line 1 is the opening ---).
const char *kGuide = R"(---
id: g-zz-test
kind: guide
title: 测试事项
basic_code: "000000000001"
impl_code: "11999900MB0000001X0000000000001"
type: 公共服务
agency: 示例市测试局
audience: [person]
stages: [stage-p-birth]
consult_phone: 0999-80000000
complaint_phone: 0999-12345
basis:
  - {policy: p-hukou, clause: 第三条}
eligibility: 本市户籍居民
no_application: false
quantity_limit: 无数量限制
materials:
  - {name: 身份证, form: 原件, copies: 1, necessity: 必要, source: 申请人自备}
steps:
  - {name: 申请, description: 到窗口提出申请}
channels: [窗口]
visits: 1
legal_limit: {days: 20, unit: 工作日}
promised_limit: {days: 5, unit: 工作日}
place: 示例市政务服务中心
hours: 工作日 9:00—17:00
fee: {charged: false, standard: 不收费}
effective: 2024-01-01
updated: 2024-06-01
---
## 温馨提示

| 项目 | 说明 |
| --- | --- |
| 窗口 | 一楼 |
)";

struct Case {
    QString file;    // relative path of the broken file
    int line;        // expected line, 0 = any
    QString message; // expected part of the message
};

} // namespace

class CatalogBuildTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_n = 0;

    // A fresh copy of the demo sources to break.
    QString freshTree()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("tree%1").arg(++m_n));
        if (!testsupport::copyTree(testsupport::demoSources(), dir))
            qFatal("cannot copy the demo sources");
        return dir;
    }

    static QString describe(const BuildReport &r)
    {
        QStringList lines;
        for (const auto &e : r.errors)
            lines << e.toString();
        return lines.join('\n');
    }

    // True when the report has an error for exactly `file` whose message says `what`.
    static bool namesFile(const BuildReport &r, const QString &file, const QString &what)
    {
        for (const auto &e : r.errors)
            if (e.file == file && e.message.contains(what))
                return true;
        return false;
    }

    // Builds on a worker so that a reader stuck in open() on a named pipe fails the test
    // instead of hanging it: past the deadline each pipe gets a writer, which lets the
    // reader go on (it then reads an empty file), and the test fails.
    void buildWithin(const QString &tree, const QString &out, const QStringList &pipes,
                     BuildReport *report)
    {
        auto build = std::async(std::launch::async, [&] { return buildCatalog(tree, out); });
        bool stuck = false;
        while (build.wait_for(std::chrono::seconds(stuck ? 1 : 30)) != std::future_status::ready) {
            stuck = true;
            for (const QString &pipe : pipes) {
                const int fd = ::open(QFile::encodeName(pipe).constData(), O_WRONLY | O_NONBLOCK);
                if (fd >= 0)
                    ::close(fd);
            }
        }
        *report = build.get();
        QVERIFY2(!stuck, "the build blocked on a named pipe in the source tree");
    }

    // A failed build leaves the catalog already at `out` as it was, and no temporary file.
    void verifyNothingWritten(const QString &out)
    {
        QCOMPARE(testsupport::readFile(out), QStringLiteral("previous catalog"));
        const QStringList leftovers =
            QDir(QFileInfo(out).absolutePath())
                .entryList({QStringLiteral(".*building*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(',')));
    }

private slots:
    void demoCatalogBuildsCompletely()
    {
        const QString out = m_tmp.filePath("demo.db");
        const BuildReport report = buildCatalog(testsupport::demoSources(), out);
        QVERIFY2(report.ok(), qPrintable(describe(report)));
        QVERIFY(report.itemCounts.value("guide") >= 40);
        QVERIFY(report.itemCounts.value("policy") >= 30);
        QVERIFY(report.itemCounts.value("interpretation") >= 10);
        QVERIFY(report.itemCounts.value("qa") >= 100);
        QVERIFY(report.itemCounts.value("gazette") >= 3);
        QVERIFY(report.itemCounts.value("point") >= 10);
        QVERIFY(report.itemCounts.value("scenario") >= 3);
        QVERIFY(report.itemCounts.value("stage") >= 15);

        CatalogStore store;
        store.open(out);
        QCOMPARE(store.meta().value("demo"), QStringLiteral("true"));
        // Both life cycles, every stage with guides.
        const auto person = store.stages("person", "zh-Hans");
        const auto business = store.stages("business", "zh-Hans");
        QVERIFY(person.size() >= 9);
        QVERIFY(business.size() >= 6);
        for (const auto &s : person + business)
            QVERIFY2(s.guideCount > 0, qPrintable(s.id + " has no guides"));
        // Some documents are no longer valid, as in real libraries.
        QVERIFY(!store.policies({{}, {}, 0, QStringLiteral("废止")}, "zh-Hans").isEmpty());
        // Every guide fills every field the kiosk shows.
        for (const auto &stage : person + business) {
            for (const auto &ref : store.guidesForStage(stage.id, "zh-Hans")) {
                const auto g = store.guide(ref.id, "zh-Hans");
                QVERIFY(g);
                for (const QString &field :
                     {g->basicCode, g->implCode, g->type, g->agency, g->consultPhone,
                      g->complaintPhone, g->eligibilityHtml, g->quantityLimit, g->place,
                      g->hours, g->feeStandard, g->effective, g->updated})
                    QVERIFY2(!field.trimmed().isEmpty(), qPrintable(ref.id));
                QVERIFY2(!g->materials.isEmpty() && !g->steps.isEmpty() && !g->basis.isEmpty(),
                         qPrintable(ref.id));
                QVERIFY2(!g->channels.isEmpty(), qPrintable(ref.id));
            }
        }
        SqliteDb db;
        db.open(out, SqliteDb::Mode::ReadOnly);
        Statement s = db.prepare("SELECT COUNT(DISTINCT item_id) FROM translations WHERE lang='en' "
                                 "AND item_id IN (SELECT id FROM items WHERE kind <> 'stage')");
        QVERIFY(s.step());
        const int translatedItems = int(s.integer(0));
        QVERIFY2(translatedItems >= 10, qPrintable(QString::number(translatedItems)));
        // Every Q&A names its source document.
        Statement qa = db.prepare("SELECT COUNT(*) FROM qa WHERE source_id NOT IN "
                                  "(SELECT id FROM policies)");
        QVERIFY(qa.step());
        QCOMPARE(qa.integer(0), 0);
    }

    void templateGuideIsValid()
    {
        const QString tree = freshTree();
        QVERIFY(writeFile(tree + "/guides/zz-test.md", QString::fromUtf8(kGuide)));
        const BuildReport report = buildCatalog(tree, m_tmp.filePath("ok.db"));
        QVERIFY2(report.ok(), qPrintable(describe(report)));
    }

    void sourceErrorsAreReported_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing required field")
            << "agency: 示例市测试局\n" << "" << 2 << "missing required field 'agency'";
        QTest::newRow("unknown link target")
            << "policy: p-hukou," << "policy: p-does-not-exist," << 14
            << "'basis' links to 'p-does-not-exist', which is not an item";
        QTest::newRow("link to the wrong kind")
            << "policy: p-hukou," << "policy: pt-center," << 14
            << "'basis' must name a policy, but 'pt-center' is a point";
        QTest::newRow("unknown stage")
            << "stages: [stage-p-birth]" << "stages: [stage-p-moon]" << 10
            << "links to 'stage-p-moon'";
        QTest::newRow("bad date")
            << "updated: 2024-06-01" << "updated: 2024-02-30" << 30
            << "'updated' is '2024-02-30', which is not a valid date";
        QTest::newRow("date in wrong shape")
            << "effective: 2024-01-01" << "effective: 2024/1/1" << 29 << "not a valid date";
        QTest::newRow("bad number")
            << "visits: 1" << "visits: many" << 23 << "'visits' is 'many'";
        QTest::newRow("bad choice")
            << "necessity: 必要" << "necessity: 可能" << 19
            << "'materials[1].necessity' is '可能' but must be one of";
        QTest::newRow("unknown field")
            << "quantity_limit: 无数量限制" << "quantity_limit: 无数量限制\nqantity: 1" << 18
            << "unknown field 'qantity'";
        QTest::newRow("YAML syntax error")
            << "type: 公共服务" << "type: [公共服务" << 0 << "YAML syntax error";
        QTest::newRow("raw HTML in body")
            << "## 温馨提示" << "## 温馨提示\n<script>alert(1)</script>" << 33
            << "raw HTML is not allowed";
        QTest::newRow("table row with missing cell")
            << "| 窗口 | 一楼 |" << "| 窗口 |" << 36 << "table row has 1 cells but the header has 2";
        QTest::newRow("unclosed code fence")
            << "## 温馨提示" << "## 温馨提示\n```\ncode" << 33 << "never closed";
        QTest::newRow("online channel without address")
            << "channels: [窗口]" << "channels: [窗口, 网办]" << 2
            << "missing required field 'online_url'";
        QTest::newRow("unknown item link in body")
            << "## 温馨提示" << "## 温馨提示\n见[另一事项](item:g-nowhere)" << 33
            << "'mentions' links to 'g-nowhere'";
        QTest::newRow("wrong kind for directory")
            << "kind: guide" << "kind: policy" << 3 << "kind 'policy' does not belong in guides/";
        QTest::newRow("bad id")
            << "id: g-zz-test" << "id: G_ZZ Test" << 2 << "must be lower-case letters";
        QTest::newRow("no front matter") << "---\nid: g-zz-test" << "id: g-zz-test" << 1
                                         << "must start with a '---' line";
        // Limits (docs/CATALOG_FORMAT.md): a title fits a screen line or two, a field a
        // page, a list a screen of choices; past them something was pasted wrongly.
        QTest::newRow("title too long")
            << "title: 测试事项" << "title: " + QString(201, QChar(0x9898)) << 4
            << "'title' has 201 characters; a title may have at most 200";
        QTest::newRow("field too long")
            << "eligibility: 本市户籍居民" << "eligibility: " + QString(10001, 'x') << 15
            << "'eligibility' has 10001 characters; a field may have at most 10000";
        QStringList many;
        for (int i = 0; i < 501; ++i)
            many << QStringLiteral("窗口%1").arg(i);
        QTest::newRow("list too long")
            << "channels: [窗口]" << "channels: [" + many.join(", ") + "]" << 22
            << "'channels' has 501 entries; a list may have at most 500";
        QTest::newRow("list entry too long")
            << "channels: [窗口]" << "channels: [" + QString(10001, 'x') + "]" << 22
            << "an entry of 'channels' has 10001 characters";
        QTest::newRow("body too long")
            << "## 温馨提示" << "## 温馨提示\n" + QString(500001, QChar(0x6587)) << 0
            << "an item may have at most 500000";
    }

    void sourceErrorsAreReported()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, line);
        QFETCH(QString, message);
        const QString tree = freshTree();
        const QString file = tree + "/guides/zz-test.md";
        QString text = QString::fromUtf8(kGuide);
        QVERIFY2(text.contains(from), qPrintable(from));
        text.replace(text.indexOf(from), from.size(), to);
        QVERIFY(writeFile(file, text));

        // A catalog already at the output path must survive a failed build untouched.
        const QString out = m_tmp.filePath(QStringLiteral("out%1.db").arg(m_n));
        QVERIFY(writeFile(out, "previous catalog"));
        const BuildReport report = buildCatalog(tree, out);
        QVERIFY(!report.ok());
        bool matched = false;
        for (const auto &e : report.errors) {
            if (e.file == "guides/zz-test.md" && e.message.contains(message) &&
                (line == 0 || e.line == line))
                matched = true;
        }
        QVERIFY2(matched, qPrintable("expected guides/zz-test.md:" + QString::number(line) + ": " +
                                     message + "\ngot:\n" + describe(report)));
        QCOMPARE(testsupport::readFile(out), QStringLiteral("previous catalog"));
        const QStringList leftovers =
            QDir(m_tmp.path()).entryList({QStringLiteral(".*building*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(',')));
    }

    void duplicateIdNamesBothFiles()
    {
        const QString tree = freshTree();
        QVERIFY(writeFile(tree + "/guides/zz-test.md", QString::fromUtf8(kGuide)));
        QVERIFY(writeFile(tree + "/guides/zz-test-copy.md", QString::fromUtf8(kGuide)));
        const BuildReport report = buildCatalog(tree, m_tmp.filePath("dup.db"));
        QVERIFY(!report.ok());
        QCOMPARE(report.errors.size(), 1);
        QCOMPARE(report.errors.first().file, QStringLiteral("guides/zz-test.md"));
        QCOMPARE(report.errors.first().line, 2);
        QVERIFY(report.errors.first().message.contains("duplicate id 'g-zz-test'"));
        QVERIFY(report.errors.first().message.contains("guides/zz-test-copy.md"));
        QVERIFY(!QFileInfo::exists(m_tmp.filePath("dup.db")));
    }

    void everyProblemIsReportedAtOnce()
    {
        const QString tree = freshTree();
        QString text = QString::fromUtf8(kGuide);
        text.replace("updated: 2024-06-01", "updated: yesterday");
        text.replace("visits: 1", "visits: -3");
        QVERIFY(writeFile(tree + "/guides/zz-test.md", text));
        QVERIFY(writeFile(tree + "/qa/zz-bad.md", "---\nid: qa-zz\nkind: qa\n---\n"));
        const BuildReport report = buildCatalog(tree, m_tmp.filePath("many.db"));
        QStringList files;
        for (const auto &e : report.errors)
            files << e.file;
        QVERIFY2(report.errors.size() >= 4, qPrintable(describe(report)));
        QVERIFY(files.contains("guides/zz-test.md"));
        QVERIFY(files.contains("qa/zz-bad.md"));
    }

    void invalidUtf8IsReported_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        // GBK 测试 in a title: line 4, after "title: " (7 characters).
        QTest::newRow("gbk title") << QByteArray("---\nid: g-x\nkind: guide\ntitle: \xb2\xe2\xca\xd4\n---\n")
                                   << 4 << 8;
        // Chinese before the bad byte counts as one column per character.
        QTest::newRow("after chinese") << QByteArray("---\nid: g-x\nkind: guide\ntitle: 办理\xff\n---\n")
                                       << 4 << 10;
        QTest::newRow("in the body") << QByteArray("---\nid: g-x\nkind: guide\n---\n正文\n\n第二段\xc3(\n")
                                     << 7 << 4;
        QTest::newRow("nul byte") << QByteArray("---\nid: g-x\0\n---\n", 17) << 2 << 8;
        QTest::newRow("surrogate") << QByteArray("---\nid: \xed\xa0\x80\n---\n") << 2 << 5;
        QTest::newRow("overlong") << QByteArray("---\nid: \xc0\xaf\n---\n") << 2 << 5;
        QTest::newRow("cut at end") << QByteArray("---\nid: g\n---\n\xe5\x8a") << 4 << 1;
    }

    void invalidUtf8IsReported()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(int, column);
        const QString tree = freshTree();
        QFile f(tree + "/guides/zz-latin1.md");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const BuildReport report = buildCatalog(tree, m_tmp.filePath("enc.db"));
        QVERIFY(!report.ok());
        const SourceError e = report.errors.first();
        QCOMPARE(e.file, QStringLiteral("guides/zz-latin1.md"));
        QVERIFY2(e.message.contains("UTF-8"), qPrintable(e.toString()));
        QCOMPARE(e.line, line);
        QCOMPARE(e.column, column);
        QVERIFY2(e.toString().startsWith(QStringLiteral("guides/zz-latin1.md:%1:%2: ").arg(line).arg(column)),
                 qPrintable(e.toString()));
    }

    void validUtf8IsAccepted()
    {
        // Every length of sequence, the highest code point, and a BOM.
        const QByteArray text("\xef\xbb\xbf" "a\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbd"
                              "\xf0\x90\x80\x80\xf4\x8f\xbf\xbf 政务公开");
        QCOMPARE(content::firstInvalidUtf8(text), qsizetype(-1));
        QCOMPARE(content::firstInvalidUtf8(QByteArray("ok\xf4\x90\x80\x80")), qsizetype(2));
        QCOMPARE(content::firstInvalidUtf8(QByteArray("\x80")), qsizetype(0));
    }

    void translationOfUnknownItem()
    {
        const QString tree = freshTree();
        QVERIFY(writeFile(tree + "/guides/ghost.en.md", "---\nid: g-ghost\ntitle: Ghost\n---\n"));
        QVERIFY(writeFile(tree + "/guides/g-bad.en.md",
                          "---\nid: g-dibao\nbasic_code: \"1\"\n---\n"));
        const BuildReport report = buildCatalog(tree, m_tmp.filePath("tr.db"));
        const QString all = describe(report);
        QVERIFY2(all.contains("guides/ghost.en.md: translates 'g-ghost', which is not an item"),
                 qPrintable(all));
        QVERIFY2(all.contains("guides/g-bad.en.md:3: field 'basic_code' cannot be translated"),
                 qPrintable(all));
    }

    // A body past the warning length is built, and the editor is told.
    // A recorded prompt (made here with sox: 1 s of 440 Hz, stereo 44.1 kHz) is decoded
    // into the catalog as the kiosk plays it: mono, 22050 Hz, the sound kept.
    void recordedPromptIsDecoded()
    {
        const QString tree = freshTree();
        QDir().mkpath(tree + "/ui/prompts");
        const QString wav = tree + "/ui/prompts/app.demo_notice.zh-Hans.wav";
        QCOMPARE(QProcess::execute("sox", {"-n", "-r", "44100", "-c", "2", "-b", "16", wav,
                                           "synth", "1", "sine", "440", "vol", "0.5"}), 0);
        const QString out = m_tmp.filePath("prompt.db");
        const BuildReport report = buildCatalog(tree, out);
        QVERIFY2(report.ok(), qPrintable(describe(report)));
        content::CatalogStore store;
        store.open(out);
        const QByteArray pcm = store.prompt("zh-Hans", "app.demo_notice");
        QCOMPARE(pcm.size() / 2, 22050);
        const auto *s = reinterpret_cast<const int16_t *>(pcm.constData());
        int peak = 0, crossings = 0;
        for (int i = 1; i < pcm.size() / 2; ++i) {
            peak = std::max(peak, std::abs(int(s[i])));
            crossings += (s[i - 1] < 0) != (s[i] < 0);
        }
        QVERIFY2(peak > 15000 && peak < 17500, qPrintable(QString::number(peak))); // vol 0.5
        QVERIFY2(std::abs(crossings - 880) < 10, qPrintable(QString::number(crossings)));
        QVERIFY(store.prompt("en", "app.demo_notice").isEmpty());
    }

    void badPromptsAreNamed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << "no.such_key.zh-Hans.wav" << QByteArray() << "is not a zh-Hans text";
        QTest::newRow("bad name") << "welcome.wav" << QByteArray("x") << "a prompt's name is";
        QTest::newRow("not sound") << "app.demo_notice.zh-Hans.wav" << QByteArray("RIFF garbage") << "not a sound file";
        QTest::newRow("too long") << "app.demo_notice.en.wav" << QByteArray() << "a prompt is at most 30 s";
    }

    void badPromptsAreNamed()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const QString tree = freshTree();
        QDir().mkpath(tree + "/ui/prompts");
        const QString path = tree + "/ui/prompts/" + file;
        if (bytes.isEmpty()) {
            const QString seconds = message.contains("30 s") ? "31" : "1";
            QCOMPARE(QProcess::execute("sox", {"-n", "-r", "8000", "-c", "1", "-b", "16", path,
                                               "synth", seconds, "sine", "300"}), 0);
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        const BuildReport report = buildCatalog(tree, m_tmp.filePath("badprompt.db"));
        QVERIFY2(namesFile(report, "ui/prompts/" + file, message), qPrintable(describe(report)));
    }

    void longBodyIsBuiltWithAWarning()
    {
        const QString tree = freshTree();
        QVERIFY(writeFile(tree + "/guides/zz-test.md",
                          QString::fromUtf8(kGuide) + QString(200001, QChar(0x6587)) + "\n"));
        const BuildReport report = buildCatalog(tree, m_tmp.filePath("long.db"));
        QVERIFY2(report.ok(), qPrintable(describe(report)));
        QCOMPARE(report.warnings.size(), 1);
        QCOMPARE(report.warnings[0].file, QStringLiteral("guides/zz-test.md"));
        QVERIFY(report.warnings[0].warning);
        QVERIFY2(report.warnings[0].toString().contains("warning: the body has 2000"),
                 qPrintable(report.warnings[0].toString()));
    }

    // Every screen text the kiosk shows (content/ui-keys.txt) needs a zh-Hans text; the
    // build names each one missing, instead of the kiosk showing residents "bar.home".
    void missingScreenTextsAreNamed()
    {
        const QString tree = freshTree();
        const QString strings = tree + "/ui/strings.yaml";
        QString text = testsupport::readFile(strings);
        const int zhEnd = text.indexOf(QRegularExpression("^[a-zA-Z-]+:\\s*$", QRegularExpression::MultilineOption),
                                       text.indexOf("zh-Hans:") + 8);
        QString zh = zhEnd < 0 ? text : text.left(zhEnd);
        const QString rest = zhEnd < 0 ? QString() : text.mid(zhEnd);
        const qsizetype before = zh.size();
        zh.remove(QRegularExpression("^\\s+(bar\\.home|app\\.demo_notice):.*\\n",
                                     QRegularExpression::MultilineOption));
        QVERIFY2(zh.size() < before, "the demo's zh-Hans has no bar.home / app.demo_notice");
        // The other languages' texts of those keys now have no original: drop them too.
        QString others = rest;
        others.remove(QRegularExpression("^\\s+(bar\\.home|app\\.demo_notice):.*\\n",
                                         QRegularExpression::MultilineOption));
        QVERIFY(writeFile(strings, zh + others));
        const QString out = m_tmp.filePath("keys.db");
        QVERIFY(writeFile(out, "previous catalog"));
        const BuildReport report = buildCatalog(tree, out);
        QVERIFY(!report.ok());
        QVERIFY2(namesFile(report, "ui/strings.yaml", "zh-Hans lacks 2 of the"),
                 qPrintable(describe(report)));
        QVERIFY2(describe(report).contains("app.demo_notice, bar.home") ||
                     describe(report).contains("bar.home, app.demo_notice"),
                 qPrintable(describe(report)));
        verifyNothingWritten(out);
    }

    // The build reports, and records for the kiosk, how much of the screen texts each
    // language translates.
    void languageCoverageIsRecorded()
    {
        const QString tree = freshTree();
        const BuildReport full = buildCatalog(tree, m_tmp.filePath("cov1.db"));
        QVERIFY2(full.ok(), qPrintable(describe(full)));
        QCOMPARE(full.uiCoverage.value("zh-Hans"), 100);
        QVERIFY(full.uiCoverage.contains("en"));
        const int en = full.uiCoverage.value("en");
        QVERIFY(en > 0);

        // Take ten English texts away: the coverage drops by their share.
        const QString strings = tree + "/ui/strings.yaml";
        QString text = testsupport::readFile(strings);
        const qsizetype enAt = text.indexOf(QRegularExpression("^en:\\s*$", QRegularExpression::MultilineOption));
        QVERIFY(enAt >= 0);
        int removed = 0;
        const QStringList keys = content::uiTextKeys();
        for (const QString &key : keys) {
            const QRegularExpression line("^\\s+" + QRegularExpression::escape(key) + ":.*\\n",
                                          QRegularExpression::MultilineOption);
            const QRegularExpressionMatch m = line.match(text, enAt);
            if (m.hasMatch()) {
                const qsizetype nextLang = text.indexOf(
                    QRegularExpression("^[a-zA-Z-]+:\\s*$", QRegularExpression::MultilineOption), enAt + 3);
                if (nextLang >= 0 && m.capturedStart() > nextLang)
                    continue;
                text.remove(m.capturedStart(), m.capturedLength());
                if (++removed == 10)
                    break;
            }
        }
        QCOMPARE(removed, 10);
        QVERIFY(writeFile(strings, text));
        const BuildReport fewer = buildCatalog(tree, m_tmp.filePath("cov2.db"));
        QVERIFY2(fewer.ok(), qPrintable(describe(fewer)));
        const int expected = qRound(100.0 * (en * keys.size() / 100.0 - 10) / keys.size());
        QVERIFY2(qAbs(fewer.uiCoverage.value("en") - expected) <= 1,
                 qPrintable(QStringLiteral("en %1%% -> %2%%, expected about %3%%")
                                .arg(en).arg(fewer.uiCoverage.value("en")).arg(expected)));
        CatalogStore store;
        store.open(m_tmp.filePath("cov2.db"));
        QCOMPARE(store.meta().value(uiCoverageMetaKey("en")).toInt(), fewer.uiCoverage.value("en"));
    }

    void uiTextsAreChecked()
    {
        const QString tree = freshTree();
        QVERIFY(testsupport::editFile(tree + "/ui/home.yaml", "label: home.policies",
                                      "label: home.no_such_key"));
        const BuildReport report = buildCatalog(tree, m_tmp.filePath("ui.db"));
        QVERIFY2(describe(report).contains("ui/home.yaml"), qPrintable(describe(report)));
        QVERIFY(describe(report).contains("'home.no_such_key' is not a key"));
    }

    // Sources are regular files inside the tree. A link (to /dev/zero, to a folder or to
    // a file), a named pipe or a linked folder is named in an error, never opened for
    // reading (a pipe would block, /dev/zero would fill memory), and nothing is written.
    void onlyRegularFilesAreRead_data()
    {
        QTest::addColumn<QString>("entry"); // what is planted in the tree
        QTest::addColumn<QString>("plant"); // zero-link, pipe, folder-link, file-link
        QTest::addColumn<QString>("file");  // the file the error must name
        QTest::addColumn<QString>("what");  // what the error must say it is
        const auto row = [](const char *name, const char *entry, const char *plant,
                            const char *file, const char *what) {
            QTest::newRow(name) << QString(entry) << QString(plant) << QString(file)
                                << QString(what);
        };
        row("guide linked to /dev/zero", "guides/zz-zero.md", "zero-link", "guides/zz-zero.md",
            "is a symbolic link");
        row("catalog.yaml linked to /dev/zero", "catalog.yaml", "zero-link", "catalog.yaml",
            "is a symbolic link");
        row("named pipe among the guides", "guides/zz-pipe.md", "pipe", "guides/zz-pipe.md",
            "is a named pipe");
        row("named pipe as ui/home.yaml", "ui/home.yaml", "pipe", "ui/home.yaml",
            "is a named pipe");
        row("named pipe as the optional synonyms", "search/synonyms.yaml", "pipe",
            "search/synonyms.yaml", "is a named pipe");
        row("named pipe deep in a folder", "qa/more/zz-pipe.txt", "pipe", "qa/more/zz-pipe.txt",
            "is a named pipe");
        row("linked folder among the guides", "guides/more", "folder-link", "guides/more",
            "is a symbolic link");
        row("linked item folder", "points", "folder-link", "points", "is a symbolic link");
        row("linked ui folder", "ui", "folder-link", "ui/strings.yaml",
            "inside ui, which is a symbolic link");
        row("guide linked to a regular file", "guides/zz-link.md", "file-link",
            "guides/zz-link.md", "is a symbolic link");
    }

    void onlyRegularFilesAreRead()
    {
        QFETCH(QString, entry);
        QFETCH(QString, plant);
        QFETCH(QString, file);
        QFETCH(QString, what);
        const QString tree = freshTree();
        const QString path = tree + '/' + entry;
        const QString elsewhere = m_tmp.filePath(QStringLiteral("elsewhere%1").arg(m_n));
        if (QFileInfo(path).isDir()) // a folder that is there: move it away, link to it
            QVERIFY(QDir().rename(path, elsewhere));
        QFile::remove(path);
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        if (plant == "zero-link") {
            QVERIFY(QFile::link("/dev/zero", path));
        } else if (plant == "pipe") {
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (plant == "folder-link") {
            if (!QFileInfo::exists(elsewhere)) // a folder of guides that would be skipped
                QVERIFY(writeFile(elsewhere + "/zz-test.md", QString::fromUtf8(kGuide)));
            QVERIFY(QFile::link(elsewhere, path));
        } else {
            QVERIFY(writeFile(elsewhere + ".md", QString::fromUtf8(kGuide)));
            QVERIFY(QFile::link(elsewhere + ".md", path));
        }

        const QString out = m_tmp.filePath(QStringLiteral("out%1.db").arg(m_n));
        QVERIFY(writeFile(out, "previous catalog"));
        BuildReport report;
        buildWithin(tree, out, plant == "pipe" ? QStringList{path} : QStringList{}, &report);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!report.ok());
        QVERIFY2(namesFile(report, file, what),
                 qPrintable("expected " + file + ": … " + what + " …\ngot:\n" + describe(report)));
        verifyNothingWritten(out);
    }

    // A source longer than kMaxSourceFileBytes is refused before it is read whole, and
    // the error gives its size and the limit. The file is sparse: 200 MB, nothing written.
    void oversizedSourceIsRefused()
    {
        const QString tree = freshTree();
        const QString path = tree + "/guides/zz-big.md";
        QVERIFY(writeFile(path, QString::fromUtf8(kGuide)));
        QVERIFY(QFile(path).resize(200LL * 1024 * 1024));
        const QString out = m_tmp.filePath(QStringLiteral("out%1.db").arg(m_n));
        QVERIFY(writeFile(out, "previous catalog"));
        const BuildReport report = buildCatalog(tree, out);
        QVERIFY(!report.ok());
        QVERIFY2(namesFile(report, "guides/zz-big.md", "209715200 bytes") &&
                     namesFile(report, "guides/zz-big.md", "4 MiB"),
                 qPrintable(describe(report)));
        verifyNothingWritten(out);
    }

    // The limit itself is allowed; one byte more is not.
    void sourceLimitIsInclusive()
    {
        QCOMPARE(kMaxSourceFileBytes, 4LL * 1024 * 1024);
        const QString dir = m_tmp.filePath(QStringLiteral("limit%1").arg(++m_n));
        QByteArray bytes = QByteArrayLiteral("---\nid: g-big\n---\n");
        const qsizetype frontMatter = bytes.size();
        bytes += QByteArray(kMaxSourceFileBytes - frontMatter, 'a');
        QVERIFY(writeFile(dir + "/at-limit.md", QString::fromLatin1(bytes)));
        QVERIFY(writeFile(dir + "/over-limit.md", QString::fromLatin1(bytes + 'a')));

        SourceDocument doc;
        QList<SourceError> errors;
        QVERIFY2(readSourceDocument(dir, "at-limit.md", &doc, &errors),
                 qPrintable(errors.value(0).toString()));
        QCOMPARE(doc.body.size(), kMaxSourceFileBytes - frontMatter);
        QVERIFY(!readSourceDocument(dir, "over-limit.md", &doc, &errors));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().file, QStringLiteral("over-limit.md"));
        QVERIFY2(errors.first().message.contains("4 MiB"), qPrintable(errors.first().toString()));
    }

    void missingSourceDirectory()
    {
        const BuildReport report = buildCatalog(m_tmp.filePath("nope"), m_tmp.filePath("x.db"));
        QVERIFY(!report.ok());
        QVERIFY(report.errors.first().message.contains("not a directory"));
    }
};

QTEST_GUILESS_MAIN(CatalogBuildTest)
#include "tst_catalogbuild.moc"
