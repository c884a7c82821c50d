// catalog-search: ranked search against a catalog file, for staff, tests and
// benchmarks.
//   catalog-search CATALOG.db "医保" [--lang en] [--limit 10]
#include "catalogstore.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QRegularExpression>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription("Search a catalog the way the kiosk does.");
    cli.addHelpOption();
    QCommandLineOption langOpt("lang", "Language of titles (zh-Hans, en, ug).", "lang", "zh-Hans");
    QCommandLineOption limitOpt("limit", "Most results to print.", "n", "10");
    cli.addOptions({langOpt, limitOpt});
    cli.addPositionalArgument("catalog", "catalog database");
    cli.addPositionalArgument("query", "what a resident typed");
    cli.process(app);
    if (cli.positionalArguments().size() != 2)
        cli.showHelp(2);

    QTextStream out(stdout), err(stderr);
    content::CatalogStore store;
    try {
        store.open(cli.positionalArguments().at(0));
    } catch (const std::exception &e) {
        err << e.what() << '\n';
        return 1;
    }
    const auto results = store.search(cli.positionalArguments().at(1), cli.value(langOpt),
                                      cli.value(limitOpt).toInt());
    static const QRegularExpression tags(QStringLiteral("</?b>"));
    out << "query: " << results.query << "\nterms: " << results.terms.join(", ") << '\n';
    if (!results.pinyinWords.isEmpty())
        out << "pinyin: " << results.pinyinWords.join(", ") << '\n';
    int rank = 0;
    for (const auto &hit : results.hits) {
        out << ++rank << ". [" << hit.item.kind << "] " << hit.item.id << "  " << hit.item.title
            << (hit.item.repealed ? "  (已废止)" : "") << "  score=" << QString::number(hit.score, 'f', 2)
            << '\n';
        if (!hit.sectionHeading.isEmpty())
            out << "     § " << hit.sectionHeading << '\n';
        out << "     " << QString(hit.snippetHtml).remove(tags) << '\n';
    }
    if (results.hits.isEmpty())
        out << "no results\n";
    return 0;
}
