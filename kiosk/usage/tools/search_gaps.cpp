// search-gaps: the searches residents made on this kiosk that found nothing, most
// frequent first, from the kiosk's local usage store. For content editors.
//   search-gaps [--since 2026-01-01] [--limit 50] [--tsv] USAGE.db
// The store is kiosk-local.db in the kiosk user's application data folder
// (~/.local/share/disclosure-kiosk/disclosure-kiosk/kiosk-local.db, or
// storage/local_database in kiosk.conf).
#include "searchgaps.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <exception>

using namespace kiosk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription("List the searches that found nothing, most frequent first.");
    cli.addHelpOption();
    QCommandLineOption sinceOpt("since", "Only searches on or after this day (yyyy-mm-dd).", "day");
    QCommandLineOption limitOpt("limit", "Most queries to list (0: all).", "n", "50");
    QCommandLineOption tsvOpt("tsv", "Tab-separated output for a spreadsheet.");
    cli.addOptions({sinceOpt, limitOpt, tsvOpt});
    cli.addPositionalArgument("usage-db", "the kiosk's local usage store (kiosk-local.db)");
    cli.process(app);

    QTextStream out(stdout), err(stderr);
    if (cli.positionalArguments().size() != 1)
        cli.showHelp(2);
    QDate since;
    if (cli.isSet(sinceOpt)) {
        since = QDate::fromString(cli.value(sinceOpt), Qt::ISODate);
        if (!since.isValid()) {
            err << "--since needs a day like 2026-01-31, not \"" << cli.value(sinceOpt) << "\"\n";
            return 2;
        }
    }
    bool limitOk = false;
    const int limit = cli.value(limitOpt).toInt(&limitOk);
    if (!limitOk || limit < 0) {
        err << "--limit needs a whole number of 0 or more\n";
        return 2;
    }

    QList<SearchGap> gaps;
    try {
        gaps = zeroResultQueries(cli.positionalArguments().at(0), since, limit);
    } catch (const std::exception &e) {
        err << "cannot read the usage store: " << e.what() << '\n';
        return 1;
    }
    if (cli.isSet(tsvOpt)) {
        out << "query\tsearches\tdays\tlast_day\n";
        for (const SearchGap &g : gaps)
            out << g.query << '\t' << g.searches << '\t' << g.days << '\t' << g.lastDay << '\n';
        return 0;
    }
    if (gaps.isEmpty()) {
        out << "No search without results" << (since.isValid() ? " since " + since.toString(Qt::ISODate) : QString()) << ".\n";
        return 0;
    }
    out << "Searches that found nothing (most frequent first):\n";
    for (const SearchGap &g : gaps)
        out << QString::number(g.searches).rightJustified(6) << "×  " << g.query << "   ("
            << g.days << (g.days == 1 ? " day" : " days") << ", last " << g.lastDay << ")\n";
    return 0;
}
