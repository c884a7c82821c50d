// CatalogStore: read-only queries over one built catalog database. One store (one
// SQLite connection) belongs to one thread; the kiosk keeps its store on a worker
// thread so no query runs on the UI thread.
#pragma once

#include "catalogitems.h"
#include "search/catalogsearch.h"
#include "sqlitedb.h"

#include <QHash>
#include <QMap>
#include <optional>

namespace content {

class CatalogStore
{
public:
    CatalogStore() = default;

    // Opens a catalog read-only. Throws SqliteError with a plain reason when the file
    // is missing, is not a catalog, or has another schema version.
    void open(const QString &path);
    // The schema version a catalog database was built with, read without the checks of
    // open(); 0 when the file is missing or carries none. Tells an outdated catalog
    // (rebuildable from its sources) from a broken one.
    static int schemaVersionOf(const QString &path);
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_path; }

    QMap<QString, QString> meta() const;
    // zh-Hans texts overlaid by those of lang.
    QHash<QString, QString> uiStrings(const QString &lang) const;
    // The recorded prompt of a screen text (ui/prompts/), 16-bit mono 22050 Hz PCM;
    // empty when the catalog has none for that language and key.
    QByteArray prompt(const QString &lang, const QString &key) const;
    QHash<QPair<QString, QString>, QByteArray> prompts() const; // (lang, key) → PCM, all
    QList<HomeEntry> homeEntries() const;

    QList<Stage> stages(const QString &audience, const QString &lang) const;
    QList<ItemRef> guidesForStage(const QString &stageId, const QString &lang) const;
    QList<ItemRef> scenariosForStage(const QString &stageId, const QString &lang) const;
    QList<ItemRef> scenarios(const QString &lang) const;
    std::optional<Scenario> scenario(const QString &id, const QString &lang) const;
    std::optional<ServiceGuide> guide(const QString &id, const QString &lang) const;

    PolicyFacets policyFacets() const;
    QList<ItemRef> policies(const PolicyFilter &filter, const QString &lang) const;
    std::optional<PolicyDocument> policy(const QString &id, const QString &lang) const;
    QList<ItemRef> interpretations(const QString &lang) const;
    std::optional<Interpretation> interpretation(const QString &id, const QString &lang) const;

    QStringList qaTags() const; // most used first
    QList<ItemRef> qaItems(const QString &tag, const QString &lang) const;
    std::optional<QaItem> qa(const QString &id, const QString &lang) const;

    QList<int> gazetteYears() const; // newest first
    QList<ItemRef> gazetteIssues(int year, const QString &lang) const;
    std::optional<GazetteIssue> gazetteIssue(const QString &id, const QString &lang) const;

    QStringList pointCategories() const;
    QList<ItemRef> points(const QString &category, const QString &lang) const;
    std::optional<ServicePoint> point(const QString &id, const QString &lang) const;

    SearchResults search(const QString &query, const QString &lang, int limit = 60) const
    {
        return searchCatalog(m_db.handle(), query, lang, limit);
    }
    QStringList pinyinCandidates(const QString &latin, int limit = 8) const
    {
        return content::pinyinCandidates(m_db.handle(), latin, limit);
    }
    QStringList hotSearches() const { return content::hotSearches(m_db.handle()); }

    QString kindOf(const QString &id) const;
    // Every item linked to id, in either direction, optionally only of one kind.
    QList<ItemRef> linked(const QString &id, const QString &kind, const QString &lang) const;
    int itemCount(const QString &kind) const;

private:
    QHash<QString, QString> translationsOf(const QString &id, const QString &lang) const;
    QList<ItemRef> refs(const char *sql, const QString &lang,
                        const QList<QString> &params = {}) const;
    SqliteDb &db() const { return const_cast<SqliteDb &>(m_db); }

    SqliteDb m_db;
    QString m_path;
};

} // namespace content
