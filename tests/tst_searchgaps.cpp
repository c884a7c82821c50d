// The editors' zero-result report: searches written by the kiosk's own UsageLog,
// read back by zeroResultQueries and by the search-gaps command.
#include "searchgaps.h"
#include "usagelog.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

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
