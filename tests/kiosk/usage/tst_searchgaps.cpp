// The editors' zero-result report: searches written by the kiosk's own UsageLog,
// read back by zeroResultQueries and by the search-gaps command.
#include "searchgaps.h"
#include "sqlitedb.h"
#include "usagelog.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiosk;

class SearchGapsTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

    static QString run(const QStringList &args, int *exitCode)
    {
        QProcess p;
        p.start(QStringLiteral(SEARCH_GAPS_BIN), args);
        if (!p.waitForFinished(30000))
            return {};
        *exitCode = p.exitCode();
        return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath("kiosk-local.db");
        UsageLog log(m_db);
        for (int i = 0; i < 3; ++i)
            log.recordSearch(QStringLiteral("独生子女补贴"), 0, false);
        log.recordSearch(QStringLiteral("医保"), 12, true);      // found: not a gap
        log.recordSearch(QStringLiteral("查 13812345678"), 0, false); // digits never stored
        log.recordSearch(QStringLiteral("查 13900001111"), 0, false);
        log.recordSearch(QStringLiteral("老年卡"), 0, false);
        log.flush();
    }

    void listsZeroResultQueriesByCount()
    {
        const QList<SearchGap> gaps = zeroResultQueries(m_db, {}, 0);
        QCOMPARE(gaps.size(), 3);
        QCOMPARE(gaps[0].query, QStringLiteral("独生子女补贴"));
        QCOMPARE(gaps[0].searches, 3);
        QCOMPARE(gaps[0].days, 1);
        QCOMPARE(gaps[0].lastDay, QDate::currentDate().toString(Qt::ISODate));
        QCOMPARE(gaps[1].searches, 2); // the two phone numbers became one query
        QVERIFY(!gaps[1].query.contains(QStringLiteral("138")));
        QCOMPARE(gaps[2].query, QStringLiteral("老年卡"));
        for (const SearchGap &g : gaps)
            QVERIFY(g.query != QStringLiteral("医保"));

        QCOMPARE(zeroResultQueries(m_db, {}, 1).size(), 1);
        QVERIFY(zeroResultQueries(m_db, QDate::currentDate().addDays(1), 0).isEmpty());
        QCOMPARE(zeroResultQueries(m_db, QDate::currentDate(), 0).size(), 3);
    }

    // What is kept of a query: numbers that could identify someone go, however
    // they were typed; the short numbers residents search with stay.
    void anonymisesIdentifyingNumbers_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        // ID numbers
        QTest::newRow("id") << "11010519491231002X" << "#";
        QTest::newRow("id lower x") << "11010519491231002x" << "#";
        QTest::newRow("id in groups of four") << "1101 0519 4912 3100 2X" << "#";
        QTest::newRow("id 6-8-4") << "身份证 110105 19491231 002X 补办" << "身份证 # 补办";
        QTest::newRow("id hyphens") << "110105-19491231-002x" << "#";
        QTest::newRow("id full-width") << "１１０１０５１９４９１２３１００２Ｘ" << "#";
        QTest::newRow("id full-width groups")
            << "１１０１　０５１９　４９１２　３１００　２ｘ" << "#";
        QTest::newRow("id mixed widths") << "110105１９４９1231002Ｘ补证" << "#补证";
        // phone and bank card numbers
        QTest::newRow("mobile") << "电话13800138000" << "电话#";
        QTest::newRow("mobile hyphens") << "138-1234-5678" << "#";
        QTest::newRow("mobile spaces") << "查 138 1234 5678" << "查 #";
        QTest::newRow("mobile dots") << "138.1234.5678" << "#";
        QTest::newRow("mobile spaced hyphens") << "138 - 1234 - 5678" << "#";
        QTest::newRow("mobile +86") << "+86 138 1234 5678" << "+#";
        QTest::newRow("mobile full-width") << "１３８００１３８０００" << "#";
        QTest::newRow("mobile full-width hyphens") << "１３８－１２３４－５６７８" << "#";
        QTest::newRow("mobile full-width dots") << "１３８．１２３４．５６７８" << "#";
        QTest::newRow("landline") << "010-12345678 社保" << "# 社保";
        QTest::newRow("landline short") << "8888 6666" << "#";
        QTest::newRow("bank card") << "6222 0212 3456 7890 123 挂失" << "# 挂失";
        QTest::newRow("two numbers") << "13800138000或13900139000" << "#或#";
        // what residents search for
        QTest::newRow("year") << "2024年" << "2024年";
        QTest::newRow("full-width year") << "２０２４年补贴" << "２０２４年补贴";
        QTest::newRow("bare year") << "2024" << "2024";
        QTest::newRow("document") << "10号文" << "10号文";
        QTest::newRow("article") << "第3条" << "第3条";
        QTest::newRow("articles") << "第3条 第5款" << "第3条 第5款";
        QTest::newRow("document number") << "国发〔2024〕5号" << "国发〔2024〕5号";
        QTest::newRow("year and number") << "2024年第10号" << "2024年第10号";
        QTest::newRow("year and month") << "社保 2024 10月" << "社保 2024 10月";
        QTest::newRow("school year") << "2023-2024学年" << "2023-2024学年";
        QTest::newRow("date") << "2024-10-01 通知" << "2024-10-01 通知";
        QTest::newRow("five digits") << "邮编 12345" << "邮编 12345";
        QTest::newRow("version") << "3.5 版本" << "3.5 版本";
        QTest::newRow("words only") << "  最低  生活保障 " << "最低 生活保障";
    }
    void anonymisesIdentifyingNumbers()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QCOMPARE(UsageLog::anonymised(typed), stored);
    }

    // A number cut by the length limit is still a number.
    void longQueryIsCutAfterReplacing()
    {
        const QString typed = QString(60, QChar(u'查')) + QStringLiteral(" 13800138000");
        QCOMPARE(UsageLog::anonymised(typed), QString(60, QChar(u'查')) + QStringLiteral(" #"));
    }

    // A store written by an earlier kiosk keeps numbers as typed: the kiosk rewrites
    // those rows when it opens the store (merging counts), the old text is gone from
    // the file, and search-gaps shows such rows anonymised even from an old copy.
    void rowsStoredUnderTheOldRuleAreRewritten()
    {
        const QString old = m_dir.filePath("old-kiosk-local.db");
        const QString copy = m_dir.filePath("old-copy.db");
        {
            content::SqliteDb db;
            db.open(old, content::SqliteDb::Mode::ReadWriteCreate);
            db.exec("CREATE TABLE search_log (day TEXT NOT NULL, query TEXT NOT NULL, results "
                    "INTEGER NOT NULL, opened INTEGER NOT NULL, count INTEGER NOT NULL, "
                    "PRIMARY KEY (day, query, results, opened));"
                    "INSERT INTO search_log VALUES ('2025-03-01', '查 138-1234-5678', 0, 0, 2);"
                    "INSERT INTO search_log VALUES ('2025-03-02', '查 139 8765 4321', 0, 0, 1);"
                    "INSERT INTO search_log VALUES ('2025-03-02', '查 #', 0, 0, 4);"
                    "INSERT INTO search_log VALUES ('2025-03-02', '１１０１０５１９４９１２３１００２Ｘ', 0, 0, 1);"
                    "INSERT INTO search_log VALUES ('2025-03-02', '2024年', 0, 0, 1);");
        }
        QVERIFY(QFile::copy(old, copy));

        QList<SearchGap> gaps = zeroResultQueries(copy, {}, 0);
        QCOMPARE(gaps.size(), 3);
        QCOMPARE(gaps[0].query, QStringLiteral("查 #"));
        QCOMPARE(gaps[0].searches, 7);
        QCOMPARE(gaps[0].days, 2);
        QCOMPARE(gaps[0].lastDay, QStringLiteral("2025-03-02"));

        {
            UsageLog log(old);
            log.recordSearch(QStringLiteral("老年卡"), 0, false); // opens the store
            log.flush();
        }
        content::SqliteDb db;
        db.open(old, content::SqliteDb::Mode::ReadOnly);
        content::Statement s = db.prepare("SELECT query, SUM(count) FROM search_log GROUP BY query ORDER BY query");
        QStringList rows;
        while (s.step())
            rows << s.text(0) + QLatin1Char('=') + QString::number(s.integer(1));
        QCOMPARE(rows, (QStringList{"#=1", "2024年=1", "查 #=7", "老年卡=1"}));
        db.close();
        QByteArray file;
        for (const QString &path : {old, old + "-wal"}) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                file += f.readAll();
        }
        QVERIFY(file.contains(QByteArray("2024年")) && file.contains(QByteArray("老年卡")));
        for (const char *typed : {"1234-5678", "8765 4321", "１９４９"})
            QVERIFY2(!file.contains(QByteArray(typed)), typed);
    }

    void commandLine()
    {
        int code = -1;
        QString out = run({m_db}, &code);
        QCOMPARE(code, 0);
        QVERIFY2(out.indexOf(QStringLiteral("独生子女补贴")) < out.indexOf(QStringLiteral("老年卡")), qPrintable(out));
        QVERIFY(!out.contains(QStringLiteral("医保")));
        QVERIFY(!out.contains(QStringLiteral("13812345678")));

        out = run({"--tsv", "--limit", "1", m_db}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(out, QStringLiteral("query\tsearches\tdays\tlast_day\n独生子女补贴\t3\t1\t%1\n")
                          .arg(QDate::currentDate().toString(Qt::ISODate)));

        out = run({"--since", "2999-01-01", m_db}, &code);
        QCOMPARE(code, 0);
        QVERIFY(out.contains("No search without results"));

        // Mistakes get a sentence, not a stack trace.
        out = run({"--since", "yesterday", m_db}, &code);
        QCOMPARE(code, 2);
        QVERIFY(out.contains("--since needs a day"));
        out = run({m_dir.filePath("missing.db")}, &code);
        QCOMPARE(code, 1);
        QVERIFY(out.contains("cannot read the usage store"));
    }
};

QTEST_GUILESS_MAIN(SearchGapsTest)
#include "tst_searchgaps.moc"
