// catalog-build: validates a catalog source tree and builds the catalog database.
//   catalog-build SOURCE_DIR OUTPUT.db
// Prints every problem as FILE:LINE: MESSAGE and exits 1 without touching OUTPUT.db.
#include "catalogbuilder.h"
#include "uitextkeys.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("catalog-build");
    QCommandLineParser cli;
    cli.setApplicationDescription("Validate a catalog source tree and build its database.");
    cli.addHelpOption();
    cli.addPositionalArgument("source", "catalog source directory");
    cli.addPositionalArgument("output", "catalog database to write");
    cli.process(app);
    if (cli.positionalArguments().size() != 2)
        cli.showHelp(2);

    QTextStream out(stdout), err(stderr);
    const auto report = content::buildCatalog(cli.positionalArguments().at(0),
                                              cli.positionalArguments().at(1));
    for (const auto &w : report.warnings)
        err << w.toString() << '\n';
    if (!report.ok()) {
        for (const auto &e : report.errors)
            err << e.toString() << '\n';
        err << report.errors.size() << " problem(s); no catalog was written.\n";
        return 1;
    }
    out << "built " << report.outputPath << ":";
    for (auto it = report.itemCounts.cbegin(); it != report.itemCounts.cend(); ++it)
        out << ' ' << it.key() << '=' << it.value();
    out << " translations=" << report.translationCount << '\n';
    // How much of the kiosk's screen texts each language covers (content/ui-keys.txt);
    // the kiosk offers a language only from display/min_language_coverage on.
    out << "screen texts:";
    for (auto it = report.uiCoverage.cbegin(); it != report.uiCoverage.cend(); ++it)
        out << ' ' << it.key() << ' ' << it.value() << '%';
    out << " of " << content::uiTextKeys().size() << '\n';
    return 0;
}
