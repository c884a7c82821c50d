// catalog-sync: one catalog sync of a kiosk's sync root, from a shell.
//   catalog-sync ROOT --install-root root.json       pin the first trusted keys
//   catalog-sync ROOT --url http://host/catalog       sync over the network
//   catalog-sync ROOT --dir /media/usb0/catalog       import from a folder or USB stick
//   [--deadline-minutes N]                            transfers end after N minutes (30)
// Exit status: 0 updated or up to date, 3 expired (still serving), 4 rejected,
// 5 failed, 2 usage.
#include "catalogupdater.h"
#include "httpmirror.h"
#include "truststore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

using namespace catalogsync;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("catalog-sync");
    QCommandLineParser cli;
    cli.setApplicationDescription("Sync a kiosk's catalog from a signed repository.");
    cli.addHelpOption();
    cli.addPositionalArgument("root", "the kiosk's sync root folder");
    cli.addOptions({{"url", "repository URL", "url"},
                    {"dir", "repository folder (USB stick)", "path"},
                    {"install-root", "pin this root.json as the trusted keys", "file"},
                    {"proxy", "HTTP proxy (default: from the environment)", "url"},
                    {"deadline-minutes", "end the transfers after this long (default 30)", "n", "30"}});
    cli.process(app);
    if (cli.positionalArguments().size() != 1)
        cli.showHelp(2);
    const QString root = cli.positionalArguments().first();
    QTextStream out(stdout), err(stderr);

    if (cli.isSet("install-root")) {
        QFile f(cli.value("install-root"));
        if (!f.open(QIODevice::ReadOnly)) {
            err << "cannot read " << f.fileName() << '\n';
            return 2;
        }
        const QString e = TrustStore(root).installRoot(f.read(1024 * 1024));
        if (!e.isEmpty()) {
            err << e << '\n';
            return 4;
        }
        out << "trusted keys installed\n";
        return 0;
    }
    std::unique_ptr<RepositoryMirror> mirror;
    if (cli.isSet("url")) {
        HttpOptions http;
        http.proxy = cli.value("proxy");
        mirror = std::make_unique<HttpMirror>(QUrl(cli.value("url")), http);
    } else if (cli.isSet("dir")) {
        mirror = std::make_unique<LocalMirror>(cli.value("dir"));
    } else {
        cli.showHelp(2);
    }
    // A hostile or broken source cannot hold the sync (or the lock) for longer.
    mirror->setBudget(QDeadlineTimer(std::chrono::minutes(qMax(1, cli.value("deadline-minutes").toInt()))), nullptr);

    const SyncReport r = CatalogUpdater(root).update(*mirror, QDateTime::currentDateTimeUtc());
    out << outcomeName(r.outcome) << ": version " << r.catalogVersion << ", " << r.bytesTransferred
        << " bytes, " << r.filesDownloaded << " files\n";
    if (!r.reason.isEmpty())
        err << r.reason << '\n';
    switch (r.outcome) {
    case SyncReport::Outcome::Updated:
    case SyncReport::Outcome::UpToDate: return 0;
    case SyncReport::Outcome::Expired: return 3;
    case SyncReport::Outcome::Rejected: return 4;
    case SyncReport::Outcome::Failed: return 5;
    }
    return 5;
}
