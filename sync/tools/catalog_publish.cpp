// catalog-publish: the central side of catalog sync.
//   catalog-publish keygen NAME
//       writes NAME.key (secret, keep offline) and NAME.pub
//   catalog-publish rotate-root REPO --root-pub P.pub [...] [--root-threshold N]
//       --timestamp-pub P.pub [...] --manifest-pub P.pub [...] --sign-with K.key [...]
//       [--expires 2027-01-01T00:00:00Z]
//       writes the next root (1 in a new repository). For a rotation, --sign-with must
//       include enough of the CURRENT root keys and of the NEW ones.
//   catalog-publish publish SRC REPO --version N --manifest-key K.key --timestamp-key K.key
//       [--expires DATE] [--timestamp-expires DATE]
//       validates SRC with the catalog builder, then adds blobs, N.manifest.json and a
//       new timestamp.json. Invalid sources publish nothing.
//   catalog-publish renew-timestamp REPO --timestamp-key K.key [--timestamp-expires DATE]
// Copy REPO to a USB stick as it is: the stick is a valid mirror.
#include "repositorypublisher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace catalogsync;

namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

bool loadKeys(const QStringList &files, QList<SigningKey> *keys)
{
    for (const QString &f : files) {
        QString why;
        const SigningKey k = SigningKey::load(f, &why);
        if (!k.isValid()) {
            err() << why << '\n';
            return false;
        }
        keys->append(k);
    }
    return true;
}

bool loadPublic(const QStringList &files, QList<QByteArray> *keys)
{
    for (const QString &f : files) {
        QString why;
        const QByteArray k = loadPublicKey(f, &why);
        if (k.isEmpty()) {
            err() << why << '\n';
            return false;
        }
        keys->append(k);
    }
    return true;
}

QDateTime dateOption(const QCommandLineParser &cli, const QString &name, qint64 defaultDays)
{
    if (!cli.isSet(name))
        return QDateTime::currentDateTimeUtc().addDays(defaultDays);
    QDateTime t = QDateTime::fromString(cli.value(name), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("catalog-publish");
    QCommandLineParser cli;
    cli.setApplicationDescription("Sign and publish catalog repositories (keygen, rotate-root, "
                                  "publish, renew-timestamp).");
    cli.addHelpOption();
    cli.addPositionalArgument("command", "keygen | rotate-root | publish | renew-timestamp");
    const QList<QCommandLineOption> options{
        {"root-pub", "public key of a root key holder (repeat)", "file"},
        {"root-threshold", "root signatures required", "n", "1"},
        {"timestamp-pub", "public key allowed to sign timestamps (repeat)", "file"},
        {"manifest-pub", "public key allowed to sign manifests (repeat)", "file"},
        {"sign-with", "secret key signing the new root (repeat)", "file"},
        {"manifest-key", "secret key signing the manifest", "file"},
        {"timestamp-key", "secret key signing the timestamp", "file"},
        {"version", "catalog version to publish", "n"},
        {"expires", "expiry of the root (default +365 days) or manifest (+90 days)", "UTC time"},
        {"timestamp-expires", "expiry of the timestamp (default +7 days)", "UTC time"},
    };
    cli.addOptions(options);
    cli.process(app);
    const QStringList args = cli.positionalArguments();
    if (args.isEmpty())
        cli.showHelp(2);
    const QString command = args.first();
    QTextStream out(stdout);

    if (command == "keygen" && args.size() == 2) {
        QString why;
        if (!SigningKey::generate().save(args[1] + ".key", args[1] + ".pub", &why)) {
            err() << why << '\n';
            return 1;
        }
        out << "wrote " << args[1] << ".key (keep it secret and offline) and " << args[1] << ".pub\n";
        return 0;
    }
    if (command == "rotate-root" && args.size() == 2) {
        RootPolicy policy;
        QList<SigningKey> signers;
        if (!loadPublic(cli.values("root-pub"), &policy.rootKeys) ||
            !loadPublic(cli.values("timestamp-pub"), &policy.timestampKeys) ||
            !loadPublic(cli.values("manifest-pub"), &policy.manifestKeys) ||
            !loadKeys(cli.values("sign-with"), &signers))
            return 1;
        policy.rootThreshold = cli.value("root-threshold").toInt();
        policy.expires = dateOption(cli, "expires", 365);
        qint64 version = 0;
        const QString e = RepositoryPublisher(args[1]).writeRoot(policy, signers, &version);
        if (!e.isEmpty()) {
            err() << e << '\n';
            return 1;
        }
        out << "wrote root version " << version << " to " << args[1] << '\n';
        return 0;
    }
    if (command == "publish" && args.size() == 3) {
        QList<SigningKey> manifestKeys, timestampKeys;
        if (!loadKeys(cli.values("manifest-key"), &manifestKeys) ||
            !loadKeys(cli.values("timestamp-key"), &timestampKeys))
            return 1;
        const QDateTime expires = dateOption(cli, "expires", 90);
        const QDateTime tsExpires = dateOption(cli, "timestamp-expires", 7);
        if (!expires.isValid() || !tsExpires.isValid() || cli.value("version").toLongLong() < 1) {
            err() << "give --version N (≥ 1) and times like 2027-01-31T00:00:00Z\n";
            return 2;
        }
        PublishSummary summary;
        const QString e = RepositoryPublisher(args[2]).publish(
            args[1], cli.value("version").toLongLong(), expires, tsExpires, manifestKeys, timestampKeys, &summary);
        if (!e.isEmpty()) {
            err() << e << '\n';
            return 1;
        }
        out << "published version " << summary.manifestVersion << ": " << summary.files << " files, "
            << summary.newBlobs << " new blobs (" << summary.newBlobBytes << " bytes)\n";
        return 0;
    }
    if (command == "renew-timestamp" && args.size() == 2) {
        QList<SigningKey> timestampKeys;
        if (!loadKeys(cli.values("timestamp-key"), &timestampKeys))
            return 1;
        const QString e = RepositoryPublisher(args[1]).renewTimestamp(
            dateOption(cli, "timestamp-expires", 7), timestampKeys);
        if (!e.isEmpty()) {
            err() << e << '\n';
            return 1;
        }
        out << "renewed timestamp.json\n";
        return 0;
    }
    cli.showHelp(2);
}
