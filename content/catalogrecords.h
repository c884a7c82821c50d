// In-memory form of a validated catalog source tree, between parsing (catalogparser)
// and writing the database (catalogwriter). Internal to the content library.
#pragma once

#include "markdownbody.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace content {

struct LinkRecord {
    QString to;
    QString relation; // basis, related, source, guides, points, documents, policy, mentions, …
    QStringList allowedKinds; // empty = any kind
    int line = 0;
};

struct MaterialRecord {
    QString name, form, necessity, condition, source, blankForm, sample, notes;
    int copies = 1;
};

struct StepRecord {
    QString name, description, actor, duration;
};

struct BasisRecord {
    QString policyId, clause, text;
};

struct AttachmentRecord {
    QString title, file;
};

// A translation of an item's text fields (title, summary, agency, body_html, …).
struct TranslationRecord {
    QString lang, path;
    QHash<QString, QString> fields;
};

struct ItemRecord {
    QString id, kind, path;
    QString title, summary, bodyMd;
    RenderedMarkdown body;
    QHash<QString, QString> text;  // scalar fields by source name (agency, dates, codes, …)
    QHash<QString, qint64> ints;   // integer fields (order, visits, year, …)
    QHash<QString, double> reals;  // lat, lon
    QHash<QString, bool> flags;    // no_application, fee charged, …
    QStringList keywords, tags, stages, audience, channels, topics;
    QStringList orderedIds; // scenario guides / gazette documents, in order
    QList<LinkRecord> links;
    QList<MaterialRecord> materials;
    QList<StepRecord> steps;
    QList<BasisRecord> basis;
    QList<AttachmentRecord> attachments;
    RenderedMarkdown eligibility;
    QList<TranslationRecord> translations;
};

struct HomeEntryRecord {
    QString id, labelKey, target, status;
};

struct CatalogRecords {
    QMap<QString, QString> meta; // catalog.yaml
    QMap<QString, QHash<QString, QString>> strings; // lang → key → text
    QList<HomeEntryRecord> home;
    QList<ItemRecord> items;
    QList<QStringList> synonymGroups;          // 医保 = 医疗保险 = 医疗保障
    QList<QPair<QString, QString>> colloquial; // 生孩子 → 生育
    QStringList hotSearches;
    QMap<QPair<QString, QString>, QByteArray> prompts; // (lang, ui key) → 22050 Hz mono PCM
};

} // namespace content
