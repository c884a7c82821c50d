// What the kiosk reads from a catalog: plain value types, already in the requested
// language (a missing translation falls back to zh-Hans).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace content {

// A reference to an item, enough to list it and open it.
struct ItemRef {
    QString id;
    QString kind;
    QString title;
    QString subtitle; // e.g. agency and number of a policy, category of a point
    QString relation; // how it is linked, when it comes from a link
    bool repealed = false;
};

struct Stage {
    QString id, audience, title, summary, icon;
    int order = 0;
    int guideCount = 0;
};

struct Material {
    QString name, form, necessity, condition, source, blankForm, sample, notes;
    int copies = 1;
};

struct ProcedureStep {
    QString name, description, actor, duration;
};

struct LegalBasis {
    QString policyId, policyTitle, clause, text;
};

struct TimeLimit {
    int days = 0;
    QString unit; // 工作日 / 自然日
};

struct ServiceGuide {
    QString id, title, summary, basicCode, implCode, type, agency;
    bool forPerson = false, forBusiness = false;
    QString consultPhone, complaintPhone, eligibilityHtml;
    bool noApplication = false;
    QString quantityLimit;
    QList<Material> materials;
    QList<ProcedureStep> steps;
    QStringList channels;
    int visits = 0;
    QString onlineUrl;
    TimeLimit legalLimit, promisedLimit;
    QString place, hours;
    bool feeCharged = false;
    QString feeStandard, feeBasis;
    QString effective, updated, repealed;
    QString bodyHtml;
    QList<LegalBasis> basis;
    QList<ItemRef> stages, policies, qa, points, scenarios, related;
};

struct Attachment {
    QString title, file;
};

struct Interpretation {
    QString id, title, form, agency, published, bodyHtml;
    ItemRef policy;
};

struct PolicyDocument {
    QString id, title, indexNo, agency, docNo, written, published, disclosure;
    QString validity, validityDate;
    QStringList topics, keywords;
    QString bodyHtml;
    QList<Attachment> attachments;
    QList<Interpretation> interpretations;
    std::optional<ItemRef> replacedBy;
    QList<ItemRef> replaces, guides, qa, gazetteIssues, related;
};

struct PolicyFilter {
    QString agency;   // empty = any
    QString topic;    // empty = any
    int year = 0;     // publication year, 0 = any
    QString validity; // 有效 / 失效 / 废止, empty = any
};

struct PolicyFacets {
    QStringList agencies, topics, validities;
    QList<int> years; // newest first
};

struct QaItem {
    QString id, question, answerHtml, clause, updated;
    QStringList tags;
    std::optional<ItemRef> source;
    QList<ItemRef> guides, related;
};

struct GazetteIssue {
    QString id, title, published, bodyHtml;
    int year = 0, number = 0, totalNumber = 0;
    QList<ItemRef> documents;
};

struct ServicePoint {
    QString id, name, category, district, address, hours, phone, bodyHtml;
    double lat = 0, lon = 0;
    QList<ItemRef> guides;
};

struct Scenario {
    QString id, title, summary, bodyHtml, audience;
    QList<ItemRef> guides;
};

struct HomeEntry {
    QString id, labelKey, target, status;
};

} // namespace content
