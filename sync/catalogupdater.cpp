#include "catalogupdater.h"

#include "blobstore.h"
#include "cataloggenerations.h"
#include "catalogschema.h"
#include "catalogstore.h"
#include "durablefile.h"
#include "generationbuilder.h"
#include "synclog.h"
#include "truststore.h"

#include <QDir>
#include <QFile>
#include <QStorageInfo>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace catalogsync {

namespace {

using Outcome = SyncReport::Outcome;

// Keeps two syncs (network poll and USB import) from working on one root at once.
class SyncLock
{
public:
    explicit SyncLock(const QString &root)
    {
        QDir().mkpath(root);
        m_fd = ::open(QFile::encodeName(root + QStringLiteral("/.sync.lock")).constData(),
                      O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        m_locked = m_fd >= 0 && ::flock(m_fd, LOCK_EX | LOCK_NB) == 0;
    }
    ~SyncLock()
    {
        if (m_fd >= 0)
            ::close(m_fd); // releases the lock
    }
    bool locked() const { return m_locked; }

private:
    int m_fd = -1;
    bool m_locked = false;
};

// The staff screen's plain-words key (ui/strings.yaml "staff.problem.<key>").
QString defaultProblem(SyncReport::Outcome outcome, const QString &root)
{
    switch (outcome) {
    case SyncReport::Outcome::Updated:
    case SyncReport::Outcome::UpToDate: return {};
    case SyncReport::Outcome::Expired: return QStringLiteral("expired");
    case SyncReport::Outcome::Rejected: return QStringLiteral("rejected");
    case SyncReport::Outcome::Failed: break;
    }
    // A local write that failed on a (nearly) full disk is a space problem, whatever
    // step it happened in.
    const qint64 free = QStorageInfo(root).bytesAvailable();
    return free >= 0 && free < 1024 * 1024 ? QStringLiteral("no_space") : QStringLiteral("local");
}

// The staff screen's key for a fetch that failed, and whether the source is to blame.
QString problemOf(const FetchResult &fr)
{
    switch (fr.status) {
    case FetchResult::NoSpace: return QStringLiteral("no_space");
    case FetchResult::TooSlow: return QStringLiteral("slow");
    case FetchResult::Stopped: return QStringLiteral("stopped");
    case FetchResult::NotRegular: return QStringLiteral("bad_stick");
    case FetchResult::TooLarge: return QStringLiteral("rejected");
    default: return QStringLiteral("unreachable");
    }
}

SyncReport::Outcome outcomeOf(const FetchResult &fr)
{
    return fr.status == FetchResult::TooLarge || fr.status == FetchResult::NotRegular ? SyncReport::Outcome::Rejected
                                                                                      : SyncReport::Outcome::Failed;
}

} // namespace

// One sync's verified facts and the report being filled in.
struct CatalogUpdater::Run {
    SyncReport report;
    TrustedState state;

    QString root;

    // A fetch that failed ends the sync with the mirror's words.
    SyncReport &endOnFetch(const FetchResult &fr, const QString &keep)
    {
        return end(outcomeOf(fr), fr.reason + ". " + keep, problemOf(fr));
    }

    SyncReport &end(Outcome outcome, const QString &reason, const QString &problem = {})
    {
        report.outcome = outcome;
        report.reason = reason;
        report.problem = problem.isEmpty() ? defaultProblem(outcome, root) : problem;
        if (outcome == Outcome::Expired)
            report.warnings.append(reason);
        return report;
    }
};

CatalogUpdater::CatalogUpdater(QString syncRoot) : m_root(std::move(syncRoot)) {}

qint64 CatalogUpdater::currentVersion() const
{
    return GenerationBuilder::versionOfGeneration(CatalogGenerations(m_root).currentDirectory());
}

QString CatalogUpdater::currentCatalog() const { return CatalogGenerations(m_root).currentCatalog(); }

SyncReport CatalogUpdater::update(RepositoryMirror &mirror, const QDateTime &now,
                                  const ProgressFn &progress, const std::atomic_bool *cancel)
{
    SyncLock lock(m_root);
    SyncReport report;
    if (!lock.locked()) {
        report.reason = QStringLiteral("another catalog update is already running");
    } else {
        // A schema upgrade first, from what this kiosk holds: it needs no mirror and no
        // unexpired metadata, so an unreachable or frozen source cannot keep the kiosk
        // from showing its catalog. If it fails, the sync below fetches the version again.
        const bool outdated = currentNeedsUpgrade();
        QString upgradeProblem;
        const QString upgradeError = outdated ? upgradeLocked(progress, &upgradeProblem) : QString();
        const bool upgraded = outdated && upgradeError.isEmpty();
        report = updateLocked(mirror, now, progress, cancel);
        report.switched = report.outcome == Outcome::Updated || upgraded;
        if (upgraded && report.outcome == Outcome::UpToDate)
            report.outcome = Outcome::Updated;
        if (!upgradeError.isEmpty() && !report.switched) {
            report.reason = report.reason.isEmpty() ? upgradeError : upgradeError + ". " + report.reason;
            report.problem = upgradeProblem;
        }
    }
    report.bytesTransferred = mirror.bytesReceived();
    report.catalogVersion = currentVersion();
    report.catalogPath = currentCatalog();
    if (!report.succeeded())
        qCWarning(lcSync).noquote() << "catalog sync from" << mirror.description() << "ended:"
                                    << outcomeName(report.outcome) << "-" << report.reason;
    else
        qCInfo(lcSync).noquote() << "catalog sync from" << mirror.description() << ":"
                                 << outcomeName(report.outcome) << "version" << report.catalogVersion
                                 << "bytes" << report.bytesTransferred;
    if (lock.locked())
        recordAttempt(report, now, true);
    return report;
}

void CatalogUpdater::recordAttempt(const SyncReport &report, const QDateTime &now, bool sync) const
{
    // Staff see the last attempt's result; the versions were saved as they were trusted.
    TrustStore trust(m_root);
    QString ignored;
    auto s = trust.state(&ignored);
    if (!s)
        return;
    if (report.succeeded()) {
        // A schema upgrade is no sync: it only clears its own earlier failure.
        if (!sync && s->lastProblem != QLatin1String("upgrade"))
            return;
        if (sync) {
            s->lastAttempt = now;
            s->lastSuccess = now;
        }
        // "repaired": the sync went well but staff must hear what was found.
        s->lastProblem = report.problem;
        s->lastError = report.problem.isEmpty() ? QString() : report.warnings.join(QStringLiteral("; "));
    } else {
        s->lastAttempt = now;
        s->lastError = report.reason;
        s->lastProblem = report.problem;
    }
    trust.saveState(*s);
}

bool CatalogUpdater::currentNeedsUpgrade() const
{
    const QString catalog = currentCatalog();
    return !catalog.isEmpty() && content::CatalogStore::schemaVersionOf(catalog) != content::kCatalogSchemaVersion;
}

SyncReport CatalogUpdater::upgradeCurrent(const ProgressFn &progress)
{
    SyncLock lock(m_root);
    SyncReport report;
    if (!lock.locked()) {
        report.reason = QStringLiteral("another catalog update is already running");
        report.problem = QStringLiteral("local");
        return report; // that update upgrades the catalog itself
    }
    if (!currentNeedsUpgrade()) {
        report.outcome = Outcome::UpToDate;
    } else if (QString err = upgradeLocked(progress, &report.problem); err.isEmpty()) {
        report.outcome = Outcome::Updated;
        report.switched = true;
        report.problem.clear();
    } else {
        report.reason = err + QStringLiteral(". The kiosk keeps the catalog it has; the next sync "
                                             "downloads what is missing and tries again");
    }
    report.catalogVersion = currentVersion();
    report.catalogPath = currentCatalog();
    if (report.succeeded())
        qCInfo(lcSync).noquote() << "catalog schema upgrade:" << outcomeName(report.outcome) << "version"
                                 << report.catalogVersion << report.catalogPath;
    else
        qCWarning(lcSync).noquote() << "catalog schema upgrade failed:" << report.reason;
    recordAttempt(report, QDateTime::currentDateTimeUtc(), false);
    return report;
}

QString CatalogUpdater::upgradeLocked(const ProgressFn &progress, QString *problem)
{
    *problem = QStringLiteral("upgrade");
    const QString dir = CatalogGenerations(m_root).currentDirectory();
    const qint64 version = currentVersion();
    const int schema = content::CatalogStore::schemaVersionOf(dir + '/' + CatalogGenerations::kCatalogFile);
    qCInfo(lcSync).noquote() << QStringLiteral("catalog version %1 has schema %2, this software reads %3: "
                                               "rebuilding it from its sources")
                                    .arg(version).arg(schema).arg(content::kCatalogSchemaVersion);
    const QString cannot = QStringLiteral("catalog version %1 could not be rebuilt for this kiosk "
                                          "software (catalog format %2, the software reads format %3): ")
                               .arg(version).arg(schema).arg(content::kCatalogSchemaVersion);
    // The manifest was verified when it arrived and has been kept beside its catalog
    // since; its expiry does not matter here (the kiosk keeps serving). The blobs are
    // checked against it again as they are copied out.
    QString why;
    const QByteArray manifestFile = content::readSmallFile(dir + QStringLiteral("/manifest.json"), kMaxManifestBytes);
    const auto env = readEnvelope(manifestFile, &why);
    const auto manifest = env ? ManifestMetadata::parse(env->signedBytes, &why) : std::nullopt;
    if (!manifest)
        return cannot + QStringLiteral("its list of files is missing or damaged (%1)").arg(why);
    if (manifest->version != version)
        return cannot + QStringLiteral("its list of files belongs to version %1").arg(manifest->version);
    BlobStore blobs(m_root);
    int missing = 0;
    for (const PinnedFile &pin : manifest->files)
        missing += blobs.contains(pin) ? 0 : 1;
    if (missing > 0)
        return cannot + QStringLiteral("%1 of its %2 source files are missing on this kiosk")
                            .arg(missing).arg(manifest->files.size());
    GenerationBuilder builder(m_root, catalogInUse);
    if (QString err = builder.spaceProblem(*manifest, 0, reserveBytes); !err.isEmpty()) {
        *problem = QStringLiteral("no_space");
        return cannot + err;
    }
    const auto upgrading = [&progress](SyncProgress p) {
        if (p.phase == SyncProgress::Phase::Building)
            p.phase = SyncProgress::Phase::Upgrading;
        if (progress)
            progress(p);
    };
    bool rejected = false;
    if (QString err = builder.build(*manifest, manifestFile, upgrading, &rejected); !err.isEmpty()) {
        if (defaultProblem(Outcome::Failed, m_root) == QLatin1String("no_space"))
            *problem = QStringLiteral("no_space");
        return cannot + err;
    }
    return {};
}

SyncReport CatalogUpdater::updateLocked(RepositoryMirror &mirror, const QDateTime &now,
                                        const ProgressFn &progress, const std::atomic_bool *cancel)
{
    Run run;
    run.root = m_root;
    TrustStore trust(m_root);
    QString why;
    auto root = trust.root(&why);
    if (!root)
        return run.end(Outcome::Failed, why);
    auto state = trust.state(&why);
    if (!state)
        return run.end(Outcome::Failed, why);
    run.state = *state;
    if (root->version < run.state.rootVersion)
        return run.end(Outcome::Rejected, QStringLiteral("the kiosk's trusted keys file was replaced "
                                                         "by an older one"));
    const qint64 serving = currentVersion();
    const QString keep = QStringLiteral("The kiosk keeps showing the catalog it has (version %1).")
                             .arg(serving);
    if (progress)
        progress({});

    // 1. Key rotation: each new root must satisfy the old root's threshold and its own.
    for (int step = 0; step < kMaxRootRotationsPerSync; ++step) {
        const qint64 next = root->version + 1;
        QByteArray bytes;
        const FetchResult fr = mirror.fetchFile(QStringLiteral("%1.root.json").arg(next),
                                                kMaxMetadataBytes, &bytes);
        if (fr.status == FetchResult::NotFound)
            break;
        if (!fr.ok())
            return run.endOnFetch(fr, keep);
        const QString what = QStringLiteral("the new signing keys file (root version %1)").arg(next);
        const auto env = readEnvelope(bytes, &why);
        if (!env)
            return run.end(Outcome::Rejected, QStringLiteral("%1 is malformed (%2). %3").arg(what, why, keep));
        QString bad = checkThreshold(*env, *root, root->root, what);
        if (!bad.isEmpty())
            return run.end(Outcome::Rejected, QStringLiteral("key change refused: %1 as the current "
                                                             "keys require. %2").arg(bad, keep));
        auto newer = RootMetadata::parse(env->signedBytes, &why);
        if (!newer)
            return run.end(Outcome::Rejected, QStringLiteral("%1 is invalid (%2). %3").arg(what, why, keep));
        if (newer->version != next)
            return run.end(Outcome::Rejected, QStringLiteral("%1 claims version %2. %3")
                                                  .arg(what).arg(newer->version).arg(keep));
        bad = checkThreshold(*env, *newer, newer->root, what);
        if (!bad.isEmpty())
            return run.end(Outcome::Rejected, QStringLiteral("key change refused: %1 by its own new "
                                                             "keys. %2").arg(bad, keep));
        if (QString err = trust.storeRoot(bytes); !err.isEmpty())
            return run.end(Outcome::Failed, err);
        const QStringList forgotten = TrustStore::forgetRotatedRoles(*root, *newer, &run.state);
        root = newer;
        run.state.rootVersion = root->version;
        if (QString err = trust.saveState(run.state); !err.isEmpty())
            return run.end(Outcome::Failed, err);
        qCInfo(lcSync).noquote() << "trusted root keys rotated to version" << root->version
                                 << (forgotten.isEmpty() ? QString()
                                                         : QStringLiteral("; new %1 keys: versions signed by "
                                                                          "the old keys no longer count")
                                                               .arg(forgotten.join(QStringLiteral(" and "))));
    }
    if (root->expires <= now)
        return run.end(Outcome::Expired, QStringLiteral("the catalog signing keys expired on %1. %2")
                                             .arg(formatExpiry(root->expires), keep));

    // 2. Timestamp: small, short-lived, pins the manifest.
    QByteArray tsFile;
    QByteArray etag = trust.trustedTimestamp().isEmpty() ? QByteArray() : run.state.timestampEtag;
    FetchResult fr = mirror.fetchFile(QStringLiteral("timestamp.json"), kMaxMetadataBytes, &tsFile, &etag);
    if (fr.status == FetchResult::NotModified)
        tsFile = trust.trustedTimestamp();
    else if (!fr.ok())
        return run.endOnFetch(fr, keep);
    auto env = readEnvelope(tsFile, &why);
    if (!env)
        return run.end(Outcome::Rejected, QStringLiteral("the timestamp file is malformed (%1). %2").arg(why, keep));
    if (QString bad = checkThreshold(*env, *root, root->timestamp, QStringLiteral("the timestamp file"));
        !bad.isEmpty())
        return run.end(Outcome::Rejected, bad + ". " + keep);
    const auto ts = TimestampMetadata::parse(env->signedBytes, &why);
    if (!ts)
        return run.end(Outcome::Rejected, QStringLiteral("the timestamp file is invalid (%1). %2").arg(why, keep));
    // The catalog being served is a rollback floor too: losing state.json must not let
    // an older catalog in. It counts while the manifest keys trusted now vouch for it —
    // a catalog signed with revoked keys is no floor (fast-forward recovery).
    const std::optional<ManifestMetadata> served = servedManifest(*root);
    const qint64 floor = qMax(run.state.manifestVersion, served ? served->version : 0);
    if (ts->version < run.state.timestampVersion || ts->manifestVersion < floor)
        return run.end(Outcome::Rejected,
                       QStringLiteral("%1 offers an older catalog (version %2) than this kiosk has "
                                      "already trusted (version %3); an old catalog may be being "
                                      "replayed. %4")
                           .arg(mirror.description()).arg(ts->manifestVersion)
                           .arg(qMax(floor, ts->manifestVersion)).arg(keep));
    if (ts->expires <= now)
        return run.end(Outcome::Expired,
                       QStringLiteral("the catalog from %1 is out of date: its signed timestamp "
                                      "expired on %2 (the server may be stale or frozen). %3")
                           .arg(mirror.description(), formatExpiry(ts->expires), keep));
    run.state.timestampVersion = ts->version;
    run.state.timestampEtag = etag;
    trust.storeTimestamp(tsFile);
    trust.saveState(run.state);

    // The same version whose database this software cannot read (a schema upgrade that
    // could not be done from the blobs at hand) is fetched again, not "up to date". Its
    // list's expiry counts on every sync: a fresh timestamp must not hide that the
    // catalog itself has expired (a timestamp key alone could then freeze the kiosk).
    if (served && ts->manifestVersion == served->version && served->version == serving &&
        !currentCatalog().isEmpty() && !currentNeedsUpgrade()) {
        if (served->expires <= now)
            return run.end(Outcome::Expired,
                           QStringLiteral("the catalog list version %1 in use expired on %2 and %3 offers "
                                          "no newer one (the publisher must publish a new version). %4")
                               .arg(served->version).arg(formatExpiry(served->expires), mirror.description(), keep));
        return run.end(Outcome::UpToDate, {});
    }

    // 3. Manifest: its bytes must be the ones the timestamp pins, before anything else.
    const QString manifestName = QStringLiteral("%1.manifest.json").arg(ts->manifestVersion);
    QByteArray manifestFile;
    fr = mirror.fetchFile(manifestName, ts->manifest.length, &manifestFile);
    const QString mixed = QStringLiteral("the catalog list %1 from %2 is not the one the signed "
                                         "timestamp names: the source mixes files of different "
                                         "versions or was altered. %3")
                              .arg(manifestName, mirror.description(), keep);
    if (fr.status == FetchResult::TooLarge)
        return run.end(Outcome::Rejected, mixed);
    if (!fr.ok())
        return run.endOnFetch(fr, keep);
    if (manifestFile.size() != ts->manifest.length || sha256Hex(manifestFile) != ts->manifest.sha256)
        return run.end(Outcome::Rejected, mixed);
    env = readEnvelope(manifestFile, &why);
    if (!env)
        return run.end(Outcome::Rejected, QStringLiteral("the catalog list is malformed (%1). %2").arg(why, keep));
    if (QString bad = checkThreshold(*env, *root, root->manifest, QStringLiteral("the catalog list"));
        !bad.isEmpty())
        return run.end(Outcome::Rejected, bad + ". " + keep);
    const auto manifest = ManifestMetadata::parse(env->signedBytes, &why);
    if (!manifest)
        return run.end(Outcome::Rejected, QStringLiteral("the catalog list is invalid (%1). %2").arg(why, keep));
    if (manifest->version != ts->manifestVersion)
        return run.end(Outcome::Rejected, mixed);
    if (manifest->expires <= now)
        return run.end(Outcome::Expired, QStringLiteral("the catalog list version %1 expired on %2. %3")
                                             .arg(manifest->version).arg(formatExpiry(manifest->expires), keep));
    // From here on no mirror may offer anything older, even if this sync fails.
    run.state.manifestVersion = manifest->version;
    if (QString err = trust.saveState(run.state); !err.isEmpty())
        return run.end(Outcome::Failed, err);

    // 4. Download the blobs this kiosk does not hold yet (a blob deleted or found
    //    damaged since is not held: it downloads again).
    BlobStore blobs(m_root);
    QMap<QString, PinnedFile> missing; // by hash: identical files download once
    int damaged = 0;
    for (const PinnedFile &pin : manifest->files) {
        if (blobs.contains(pin) || missing.contains(pin.sha256))
            continue;
        missing.insert(pin.sha256, pin);
        if (blobs.isDamaged(pin)) {
            ++damaged;
            qCWarning(lcSync).noquote() << "stored catalog file" << pin.sha256 << "("
                                        << manifest->files.key(pin) << ") is damaged (wrong length); "
                                        << "it is downloaded again and replaced";
        }
    }
    qint64 missingBytes = 0;
    for (const PinnedFile &pin : missing)
        missingBytes += pin.length;
    GenerationBuilder builder(m_root, catalogInUse);
    if (QString err = builder.spaceProblem(*manifest, missingBytes, reserveBytes); !err.isEmpty())
        return run.end(Outcome::Failed, err + ". " + keep, QStringLiteral("no_space"));

    SyncProgress p{SyncProgress::Phase::Downloading, 0, missingBytes, 0, int(missing.size())};
    const qint64 before = mirror.bytesReceived();
    for (const PinnedFile &pin : missing) {
        if (cancel && cancel->load())
            return run.end(Outcome::Failed, QStringLiteral("the update was stopped. ") + keep,
                           QStringLiteral("stopped"));
        fr = mirror.fetchBlob(QStringLiteral("blobs/") + pin.sha256, pin.length, blobs.partPathOf(pin.sha256));
        const QString what = QStringLiteral("catalog file %1").arg(manifest->files.key(pin));
        if (fr.status == FetchResult::TooLarge || fr.status == FetchResult::WrongLength) {
            QFile::remove(blobs.partPathOf(pin.sha256)); // the wrong file: nothing to resume
            return run.end(Outcome::Rejected,
                           QStringLiteral("%1 is %2 than the signed list declares; %3. %4")
                               .arg(what, fr.status == FetchResult::TooLarge ? QStringLiteral("longer")
                                                                             : QStringLiteral("shorter"),
                                    fr.status == FetchResult::TooLarge ? QStringLiteral("the download was stopped")
                                                                       : QStringLiteral("it was not used"),
                                    keep));
        }
        if (!fr.ok())
            return run.endOnFetch(fr, keep);
        bool mismatch = false;
        if (QString bad = blobs.adoptPart(pin, what, &mismatch); !bad.isEmpty())
            return run.end(mismatch ? Outcome::Rejected : Outcome::Failed, bad + ". " + keep);
        p.filesDone += 1;
        p.bytesDone = mirror.bytesReceived() - before;
        run.report.filesDownloaded += 1;
        if (progress)
            progress(p);
    }

    // 5. Build the new generation beside the current one and switch.
    bool rejected = false;
    if (QString err = builder.build(*manifest, manifestFile, progress, &rejected); !err.isEmpty())
        return run.end(rejected ? Outcome::Rejected : Outcome::Failed, err + ". " + keep);
    SyncReport &done = run.end(Outcome::Updated, {});
    if (damaged > 0) {
        // Staff learn that the kiosk's storage lost data, even though the sync went well.
        done.problem = QStringLiteral("repaired");
        done.warnings.append(QStringLiteral("%1 catalog file(s) stored on this kiosk were damaged; they "
                                            "were downloaded again and replaced").arg(damaged));
    }
    return done;
}

std::optional<ManifestMetadata> CatalogUpdater::servedManifest(const RootMetadata &root) const
{
    const QString dir = CatalogGenerations(m_root).currentDirectory();
    if (dir.isEmpty())
        return std::nullopt;
    QString why;
    const auto env = readEnvelope(content::readSmallFile(dir + QStringLiteral("/manifest.json"), kMaxManifestBytes), &why);
    if (!env)
        return std::nullopt;
    if (QString bad = checkThreshold(*env, root, root.manifest, QStringLiteral("the catalog list in use"));
        !bad.isEmpty()) {
        qCInfo(lcSync).noquote() << "the catalog in use is not vouched for by the trusted keys:" << bad;
        return std::nullopt;
    }
    auto manifest = ManifestMetadata::parse(env->signedBytes, &why);
    if (manifest && manifest->version != GenerationBuilder::versionOfGeneration(dir))
        return std::nullopt;
    return manifest;
}

QString outcomeName(SyncReport::Outcome outcome)
{
    switch (outcome) {
    case Outcome::Updated: return QStringLiteral("updated");
    case Outcome::UpToDate: return QStringLiteral("up to date");
    case Outcome::Expired: return QStringLiteral("expired");
    case Outcome::Rejected: return QStringLiteral("rejected");
    case Outcome::Failed: return QStringLiteral("failed");
    }
    return {};
}

} // namespace catalogsync
