// bench_search: search latency and index cost on a large generated catalog, against
// two baselines on the same data in the same run: LIKE '%q%' over the base table,
// and SQLite's FTS5 trigram tokenizer. Reports p50/p95/p99 per query set and each
// baseline's recall against ours; writes docs/PERFORMANCE.md's search section.
//   bench_search DEMO_CATALOG PERFORMANCE_MD [ITEMS] [CHARS_PER_ITEM]
// The corpus is generated at run time from the demo catalog's vocabulary (never
// committed). Full size: 100000 items × 2000 characters ≈ 200 million characters.
#include "catalogschema.h"
#include "catalogstore.h"
#include "search/catalogsearch.h"
#include "search/cjktokenizer.h"
#include "sqlitedb.h"

#include "performancedoc.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace content;

namespace {

// Ranking facts of each row (search_rows), as the catalog builder writes them: every
// generated item is a policy, one row each.
constexpr const char *kRankFactsSql =
    "INSERT INTO search_rows(id, item_id, section, kind, repealed, date) "
    "SELECT s.rowid, s.item_id, 0, 'policy', p.validity <> '有效', p.published "
    "FROM search_index s JOIN policies p ON p.id = s.item_id";

// Words of the demo catalog, with how often they occur: the generator draws from
// this distribution so term frequencies look like real government text.
QStringList vocabulary(const QString &demo, QList<int> *weights)
{
    CatalogStore store;
    store.open(demo);
    SqliteDb db;
    db.open(demo, SqliteDb::Mode::ReadOnly);
    QHash<QString, int> counts;
    Statement s = db.prepare("SELECT text FROM sections");
    while (s.step()) {
        const QString t = s.text(0);
        // Chinese "words" of 2–4 characters cut at punctuation, roughly as written.
        QString run;
        for (const QChar c : t) {
            if (isCjk(c.unicode())) {
                run += c;
                if (run.size() == 2 + (run.at(0).unicode() % 3)) {
                    counts[run] += 1;
                    run.clear();
                }
            } else if (!run.isEmpty()) {
                counts[run] += 1;
                run.clear();
            }
        }
    }
    QStringList words;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        words << it.key();
        weights->append(it.value());
    }
    return words;
}

struct Corpus
{
    QString path;
    qint64 chars = 0;
};

QString makeText(const QStringList &words, const QList<int> &cumulative, int chars,
                 QRandomGenerator &rng)
{
    QString out;
    out.reserve(chars + 8);
    const int total = cumulative.last();
    while (out.size() < chars) {
        const int r = int(rng.bounded(total));
        const int i =
            int(std::upper_bound(cumulative.begin(), cumulative.end(), r) - cumulative.begin());
        out += words[std::min(i, int(words.size()) - 1)];
        if (rng.bounded(12) == 0)
            out += QStringLiteral("，");
        if (rng.bounded(40) == 0)
            out += QStringLiteral("。");
    }
    return out;
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(int(v.size()) - 1, int(p * v.size()))];
}

struct SetResult
{
    QString name;
    double ours[3], like[3], trigram[3];
    double likeRecall = 0, trigramRecall = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() < 3) {
        std::fprintf(stderr, "usage: bench_search DEMO_CATALOG PERFORMANCE_MD [ITEMS] [CHARS]\n");
        return 2;
    }
    const int items = a.size() > 3 ? a[3].toInt() : 100000;
    const int charsPerItem = a.size() > 4 ? a[4].toInt() : 2000;
    QList<int> weights;
    const QStringList words = vocabulary(a[1], &weights);
    QList<int> cumulative;
    int acc = 0;
    for (int w : weights)
        cumulative << (acc += w);

    // KIOSK_BENCH_REUSE=<file>: keep the generated database there and, when it already
    // exists, query it without generating and indexing again (for working on query
    // speed; the build figures are the ones measured when the corpus was made).
    const QString reusePath = qEnvironmentVariable("KIOSK_BENCH_REUSE");
    const bool reuse = !reusePath.isEmpty() && QFileInfo::exists(reusePath);
    QTemporaryDir dir;
    const QString path = reusePath.isEmpty() ? dir.filePath("bench.db") : reusePath;
    SqliteDb db;
    db.open(path, SqliteDb::Mode::ReadWriteCreate);
    registerCjkTokenizer(db.handle());
    QRandomGenerator rng(20261122);
    qint64 totalChars = 0;
    double oursBuildS = 0, triBuildS = 0;
    QElapsedTimer t;
    if (reuse) {
        Statement s = db.prepare("SELECT COUNT(*), SUM(length(title) + length(body)) FROM plain");
        s.step();
        totalChars = s.integer(1);
        std::fprintf(stderr, "reusing %s: %lld items\n", qPrintable(path), s.integer(0));
        Statement m = db.prepare("SELECT ours, trigram FROM bench_build");
        if (m.step()) {
            oursBuildS = m.real(0);
            triBuildS = m.real(1);
        }
        // A corpus made before search_rows existed (catalog schema 5) gets it here.
        if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_rows'").step()) {
            db.exec(searchRowsSql());
            db.exec(kRankFactsSql);
        }
    } else {
        db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
        db.exec(catalogSchemaSql());
        db.exec("CREATE TABLE plain (id TEXT PRIMARY KEY, title TEXT, body TEXT)");

        // Generate the corpus into the base table.
        db.exec("BEGIN");
        {
            Statement item =
                db.prepare("INSERT INTO items(id, kind, title, source_path) VALUES (?,?,?,'')");
            Statement pol =
                db.prepare("INSERT INTO policies(id, index_no, agency, doc_no, written, "
                           "published, disclosure, validity) VALUES (?, '', '示例市', '', "
                           "'2020-01-01', ?, '主动公开', ?)");
            Statement plain = db.prepare("INSERT INTO plain(id, title, body) VALUES (?,?,?)");
            for (int i = 0; i < items; ++i) {
                const QString id = QStringLiteral("p-%1").arg(i);
                const QString title = makeText(words, cumulative, 14, rng);
                const QString body = makeText(words, cumulative, charsPerItem, rng);
                totalChars += title.size() + body.size();
                item.bind(1, id).bind(2, QStringLiteral("policy")).bind(3, title).run();
                pol.bind(1, id)
                    .bind(2, QStringLiteral("20%1-01-01").arg(10 + i % 15))
                    .bind(3, i % 20 == 0 ? QStringLiteral("废止") : QStringLiteral("有效"))
                    .run();
                plain.bind(1, id).bind(2, title).bind(3, body).run();
            }
        }
        db.exec("COMMIT");
        std::fprintf(stderr, "generated %d items, %lld characters\n", items, totalChars);

        t.start();
        db.exec(searchIndexSql());
        db.exec(searchRowsSql());
        // Rows stored best first, as the catalog builder stores them (searchindexbuilder.cpp:
        // valid before repealed, newer first, shorter titles first; every item is a policy).
        db.exec("INSERT INTO search_index(title, keywords, body, item_id, section) "
                "SELECT x.title, '', x.body, x.id, 0 FROM plain x JOIN policies p ON p.id = x.id "
                "ORDER BY p.validity <> '有效', p.published DESC, length(x.title), x.rowid");
        db.exec("INSERT INTO search_titles(rowid, title, keywords, item_id) "
                "SELECT rowid, title, '', item_id FROM search_index");
        db.exec(kRankFactsSql);
        db.exec("INSERT INTO search_index(search_index) VALUES('optimize');"
                "INSERT INTO search_titles(search_titles) VALUES('optimize');");
        oursBuildS = t.elapsed() / 1000.0;
        t.restart();
        db.exec(
            "CREATE VIRTUAL TABLE tri USING fts5(title, body, id UNINDEXED, tokenize='trigram');"
            "INSERT INTO tri(title, body, id) SELECT title, body, id FROM plain;"
            "INSERT INTO tri(tri) VALUES('optimize');");
        triBuildS = t.elapsed() / 1000.0;
        db.exec("CREATE TABLE bench_build (ours REAL, trigram REAL)");
        Statement m = db.prepare("INSERT INTO bench_build VALUES (?, ?)");
        m.bind(1, oursBuildS).bind(2, triBuildS).run();
    }
    // Searched as the kiosk searches: over a read-only connection (CatalogStore).
    db.open(path, SqliteDb::Mode::ReadOnly);
    registerCjkTokenizer(db.handle());
    auto tableBytes = [&](const char *prefix) {
        Statement s = db.prepare("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE ?");
        s.bind(1, QString::fromLatin1(prefix) + '%');
        return s.step() ? double(s.integer(0)) : 0.0;
    };
    const double textBytes = tableBytes("plain");
    const double oursBytes = tableBytes("search_index");
    const double triBytes = tableBytes("tri");

    // Query sets drawn from the corpus vocabulary, plus pinyin of catalog words.
    // Query strings are cut from the corpus itself, as residents type words that occur.
    QRandomGenerator pickRng(7); // the same queries whether the corpus is new or reused
    auto sample = [&](int len, int n) {
        QStringList out;
        Statement pick = db.prepare("SELECT body FROM plain WHERE rowid = ?");
        while (out.size() < n) {
            pick.bind(1, qint64(1 + pickRng.bounded(items)));
            if (pick.step()) {
                const QString body = pick.text(0);
                const int at = int(pickRng.bounded(std::max<qsizetype>(1, body.size() - len)));
                const QString w = body.mid(at, len);
                bool allCjk = w.size() == len;
                for (const QChar c : w)
                    allCjk = allCjk && isCjk(c.unicode());
                if (allCjk)
                    out << w;
            }
            pick.reset();
        }
        return out;
    };
    const QList<QPair<QString, QStringList>> sets = {
        {"1 character", sample(1, 100)},
        {"2 characters", sample(2, 100)},
        {"4 characters", sample(4, 100)},
        {"pinyin",
         {"yibao", "shebao", "dibao", "gongjijin", "hukou", "shengyu", "yanglao", "tuixiu", "shiye",
          "yingyezhizhao"}},
        {"10 characters", sample(10, 50)},
    };
    const int baselineQueries = items >= 50000 ? 30 : 1000;
    QList<SetResult> report;
    for (const auto &set : sets) {
        QList<double> ours, like, tri;
        double likeRecall = 0, triRecall = 0;
        int recallQueries = 0;
        int asked = 0;
        for (const QString &q : set.second) {
            t.restart();
            // As many results as the kiosk's search screen asks for.
            const SearchResults r = searchCatalog(db.handle(), q, "zh-Hans", 60);
            ours << t.nsecsElapsed() / 1e6;
            QSet<QString> ourIds;
            for (const auto &h : r.hits)
                ourIds.insert(h.item.id);
            // The baselines take seconds per query at full size: they answer the first
            // baselineQueries of each set.
            if (++asked > baselineQueries)
                continue;
            // Baselines answer the literal query (pinyin means nothing to them).
            const QString literal = set.first == "pinyin" ? r.pinyinWords.value(0, q) : q;
            t.restart();
            QSet<QString> likeIds;
            {
                Statement s =
                    db.prepare("SELECT id FROM plain WHERE title LIKE ?1 OR body LIKE ?1 LIMIT 60");
                s.bind(1, '%' + literal + '%');
                while (s.step())
                    likeIds.insert(s.text(0));
            }
            like << t.nsecsElapsed() / 1e6;
            t.restart();
            QSet<QString> triIds;
            {
                Statement s = db.prepare("SELECT id FROM tri WHERE tri MATCH ?1 LIMIT 60");
                s.bind(1, '"' + QString(literal).replace('"', "\"\"") + '"');
                try {
                    while (s.step())
                        triIds.insert(s.text(0));
                } catch (const SqliteError &) {
                }
            }
            tri << t.nsecsElapsed() / 1e6;
            if (!ourIds.isEmpty()) {
                ++recallQueries;
                likeRecall += likeIds.isEmpty() ? 0.0 : 1.0;
                triRecall += triIds.isEmpty() ? 0.0 : 1.0;
            }
        }
        SetResult sr;
        sr.name = set.first;
        for (int i = 0; i < 3; ++i) {
            const double p = i == 0 ? 0.5 : i == 1 ? 0.95 : 0.99;
            sr.ours[i] = percentile(ours, p);
            sr.like[i] = percentile(like, p);
            sr.trigram[i] = percentile(tri, p);
        }
        sr.likeRecall = recallQueries ? likeRecall / recallQueries : 0;
        sr.trigramRecall = recallQueries ? triRecall / recallQueries : 0;
        report << sr;
    }

    QString section;
    QTextStream o(&section);
    o.setRealNumberNotation(QTextStream::FixedNotation);
    o.setRealNumberPrecision(2);
    o << "<!-- search:begin -->\n### Search (" << items << " items, " << totalChars / 1000000.0
      << " million characters, one core)\n\n"
      << "Index build: ours " << oursBuildS << " s, trigram " << triBuildS << " s. "
      << "Index size ÷ text size: ours " << oursBytes / textBytes << ", trigram "
      << triBytes / textBytes << ". Every query asks for 60 results, as the search screen does"
      << (items >= 50000 ? QStringLiteral("; the baselines answer the first %1 queries of each set")
                               .arg(baselineQueries)
                         : QString())
      << ".\n\n"
      << "| query set | ours p50 / p95 / p99 (ms) | LIKE p50 / p95 / p99 (ms) | trigram p50 / p95 "
         "/ p99 (ms) | p95 ratio LIKE ÷ ours | of the queries ours answers, share LIKE / trigram "
         "answer at all |\n"
      << "|---|---|---|---|---|---|\n";
    for (const SetResult &r : report)
        o << "| " << r.name << " | " << r.ours[0] << " / " << r.ours[1] << " / " << r.ours[2]
          << " | " << r.like[0] << " / " << r.like[1] << " / " << r.like[2] << " | " << r.trigram[0]
          << " / " << r.trigram[1] << " / " << r.trigram[2] << " | "
          << (r.ours[1] > 0 ? r.like[1] / r.ours[1] : 0) << "× | " << r.likeRecall * 100 << " % / "
          << r.trigramRecall * 100 << " % |\n";
    o << "\n<!-- search:end -->";
    std::printf("%s\n", qPrintable(section));

    return writePerformanceSection(a[2], QStringLiteral("search"), section) ? 0 : 1;
}
