// The kiosk side in the sync tests: a sync root with pinned keys, synced through the
// real CatalogUpdater.
#pragma once

#include "catalogupdater.h"
#include "httpmirror.h"
#include "syncfixture.h"
#include "truststore.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace synctest {

struct TestKiosk {
    QTemporaryDir dir;
    QString root() const { return dir.path(); }
    QString trust(const QByteArray &rootFile) { return catalogsync::TrustStore(root()).installRoot(rootFile); }
    catalogsync::SyncReport sync(const QString &url, int stallSeconds = 5,
                                 const QDateTime &now = QDateTime::currentDateTimeUtc(),
                                 long *connections = nullptr)
    {
        catalogsync::HttpMirror mirror(QUrl(url), {5, stallSeconds, {}});
        const auto report = catalogsync::CatalogUpdater(root()).update(mirror, now);
        if (connections)
            *connections = mirror.connectionsOpened();
        return report;
    }
    catalogsync::SyncReport import(const QString &directory,
                                   const QDateTime &now = QDateTime::currentDateTimeUtc())
    {
        catalogsync::LocalMirror mirror(directory, QStringLiteral("USB stick"));
        return catalogsync::CatalogUpdater(root()).update(mirror, now);
    }
    qint64 version() const { return catalogsync::CatalogUpdater(root()).currentVersion(); }
    QString catalog() const { return catalogsync::CatalogUpdater(root()).currentCatalog(); }
    QString title() const { return guideTitle(catalog()); }
};

inline const char *describe(const catalogsync::SyncReport &r)
{
    static thread_local QByteArray text;
    text = (catalogsync::outcomeName(r.outcome) + ": " + r.reason).toUtf8();
    return text.constData();
}

// The title of guide g-dibao in the demo sources (version 1 of a TestRepository).
inline const QString kDibaoTitle = QStringLiteral("最低生活保障申请");

// A repository, the nginx serving it and a kiosk.
struct Scenario {
    TestRepository repo;
    NginxServer nginx;
    TestKiosk kiosk;
};

// Repository with version 1 published, served by nginx, kiosk synced to it.
inline void startOnV1(Scenario &s)
{
    QCOMPARE(s.repo.create(), QString());
    QCOMPARE(s.repo.publish(1), QString());
    QCOMPARE(s.nginx.start(s.repo.repo()), QString());
    QCOMPARE(s.kiosk.trust(s.repo.rootFile()), QString());
    const catalogsync::SyncReport r = s.kiosk.sync(s.nginx.url());
    QVERIFY2(r.outcome == catalogsync::SyncReport::Outcome::Updated, describe(r));
    QCOMPARE(s.kiosk.version(), 1);
    QCOMPARE(s.kiosk.title(), kDibaoTitle);
}

#define START_ON_V1(s)              \
    startOnV1(s);                   \
    if (QTest::currentTestFailed()) \
        return;

// Version 1 published in a folder (a stick) and imported by the kiosk.
inline void importV1(TestRepository &repo, TestKiosk &kiosk)
{
    QCOMPARE(repo.create(), QString());
    QCOMPARE(repo.publish(1), QString());
    QCOMPARE(kiosk.trust(repo.rootFile()), QString());
    const catalogsync::SyncReport r = kiosk.import(repo.repo());
    QVERIFY2(r.outcome == catalogsync::SyncReport::Outcome::Updated, describe(r));
}

#define IMPORT_V1(repo, kiosk)      \
    importV1(repo, kiosk);          \
    if (QTest::currentTestFailed()) \
        return;

} // namespace synctest
