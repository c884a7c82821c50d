#include "itempresenter.h"
#include "itemlistmodel.h"
#include "qrimageprovider.h"

namespace kiosk {

namespace {

QString tx(const TextTable &t, const char *key, const char *fallback)
{
    return t.value(QString::fromUtf8(key), QString::fromUtf8(fallback));
}

QString listOf(const TextTable &t, const QStringList &parts)
{
    return parts.join(t.value(QStringLiteral("format.list_separator"), QStringLiteral("、")));
}

} // namespace

QString vocabulary(const TextTable &t, const QString &value)
{
    if (value.isEmpty())
        return value;
    const auto it = t.constFind(QStringLiteral("vocab.") + value);
    if (it != t.constEnd())
        return *it;
    // Several terms of the vocabulary (窗口、网办): each on its own.
    const QStringList parts = value.split(u'、', Qt::SkipEmptyParts);
    if (parts.size() > 1) {
        QStringList out;
        for (const QString &p : parts)
            out << vocabulary(t, p);
        return listOf(t, out);
    }
    return value; // not part of the vocabulary: the item's own text
}

namespace {

} // namespace

QString formatTimeLimit(const content::TimeLimit &limit, const TextTable &t)
{
    if (limit.days == 0)
        return tx(t, "guide.immediate", "即办");
    return tx(t, "guide.days_format", "%1个%2").arg(limit.days).arg(vocabulary(t, limit.unit));
}

QString displayHtml(const QString &html)
{
    QString out = html;
    out.replace(QStringLiteral("<table>"),
                QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"8\" "
                               "width=\"100%\">"));
    return out;
}

QVariantMap presentGuide(const content::ServiceGuide &g, const TextTable &t)
{
    QVariantList materials;
    int n = 0;
    for (const auto &m : g.materials) {
        materials.append(QVariantMap{
            {"index", ++n},
            {"name", m.name},
            {"form", vocabulary(t, m.form)},
            {"copies", m.copies},
            {"copiesText", tx(t, "material.copies_format", "%1份").arg(m.copies)},
            {"necessity", vocabulary(t, m.necessity)},
            {"required", m.necessity == QStringLiteral("必要")},
            {"condition", m.condition},
            {"source", m.source},
            {"blankForm", m.blankForm},
            {"sample", m.sample},
            {"notes", m.notes},
        });
    }
    QVariantList steps;
    n = 0;
    for (const auto &s : g.steps)
        steps.append(QVariantMap{{"index", ++n},
                                 {"name", s.name},
                                 {"description", s.description},
                                 {"actor", s.actor},
                                 {"duration", s.duration}});
    QVariantList basis;
    for (const auto &b : g.basis)
        basis.append(QVariantMap{{"policyId", b.policyId},
                                 {"title", b.policyId.isEmpty() ? b.text : b.policyTitle},
                                 {"clause", b.clause},
                                 {"text", b.text}});
    QStringList audience;
    if (g.forPerson)
        audience << tx(t, "audience.person", "自然人");
    if (g.forBusiness)
        audience << tx(t, "audience.business", "法人");

    return {
        {"id", g.id},
        {"title", g.title},
        {"summary", g.summary},
        {"basicCode", g.basicCode},
        {"implCode", g.implCode},
        {"type", vocabulary(t, g.type)},
        {"agency", g.agency},
        {"audience", listOf(t, audience)},
        {"consultPhone", g.consultPhone},
        {"complaintPhone", g.complaintPhone},
        {"eligibilityHtml", displayHtml(g.eligibilityHtml)},
        {"noApplication", g.noApplication},
        {"noApplicationText",
         g.noApplication ? tx(t, "common.yes", "是") : tx(t, "common.no", "否")},
        {"quantityLimit", g.quantityLimit},
        {"materials", materials},
        {"requiredMaterials",
         int(std::count_if(g.materials.begin(), g.materials.end(),
                           [](const auto &m) { return m.necessity == QStringLiteral("必要"); }))},
        {"steps", steps},
        {"channels", vocabulary(t, g.channels.join(QStringLiteral("、")))},
        {"visits", g.visits},
        {"visitsText", g.visits == 0 ? tx(t, "guide.visits_zero", "零跑动")
                                     : tx(t, "guide.visits_format", "最多跑%1次").arg(g.visits)},
        {"onlineUrl", g.onlineUrl},
        {"onlineQr", QrImageProvider::sourceFor(g.onlineUrl)},
        {"legalLimit", formatTimeLimit(g.legalLimit, t)},
        {"promisedLimit", formatTimeLimit(g.promisedLimit, t)},
        {"place", g.place},
        {"hours", g.hours},
        {"feeCharged", g.feeCharged},
        {"fee", g.feeCharged ? g.feeStandard : tx(t, "guide.fee_free", "不收费")},
        {"feeBasis", g.feeBasis},
        {"effective", g.effective},
        {"updated", g.updated},
        {"repealed", g.repealed},
        {"bodyHtml", displayHtml(g.bodyHtml)},
        {"basis", basis},
        {"stages", toVariantList(g.stages)},
        {"policies", toVariantList(g.policies)},
        {"qa", toVariantList(g.qa)},
        {"points", toVariantList(g.points)},
        {"scenarios", toVariantList(g.scenarios)},
        {"related", toVariantList(g.related)},
    };
}

QVariantMap presentInterpretation(const content::Interpretation &i, const TextTable &)
{
    return {{"id", i.id},
            {"title", i.title},
            {"form", i.form},
            {"agency", i.agency},
            {"published", i.published},
            {"bodyHtml", displayHtml(i.bodyHtml)},
            {"policy", toVariantMap(i.policy)}};
}

QVariantMap presentPolicy(const content::PolicyDocument &p, const TextTable &t)
{
    QVariantList interpretations;
    for (const auto &i : p.interpretations)
        interpretations.append(presentInterpretation(i, t));
    QVariantList attachments;
    for (const auto &a : p.attachments)
        attachments.append(QVariantMap{{"title", a.title}, {"file", a.file}});
    const bool valid = p.validity == QStringLiteral("有效");
    QString validityText = p.validity;
    if (!valid && !p.validityDate.isEmpty())
        validityText += QStringLiteral("（%1）").arg(p.validityDate);
    return {
        {"id", p.id},
        {"title", p.title},
        {"indexNo", p.indexNo},
        {"agency", p.agency},
        {"docNo", p.docNo},
        {"written", p.written},
        {"published", p.published},
        {"disclosure", p.disclosure},
        {"validity", p.validity},
        {"valid", valid},
        {"validityText", validityText},
        {"topics", p.topics.join(QStringLiteral("、"))},
        {"keywords", p.keywords.join(QStringLiteral("  "))},
        {"bodyHtml", displayHtml(p.bodyHtml)},
        {"attachments", attachments},
        {"interpretations", interpretations},
        {"replacedBy", p.replacedBy ? toVariantMap(*p.replacedBy) : QVariantMap()},
        {"replaces", toVariantList(p.replaces)},
        {"guides", toVariantList(p.guides)},
        {"qa", toVariantList(p.qa)},
        {"gazetteIssues", toVariantList(p.gazetteIssues)},
        {"related", toVariantList(p.related)},
    };
}

QVariantMap presentQa(const content::QaItem &q, const TextTable &)
{
    return {{"id", q.id},
            {"question", q.question},
            {"title", q.question},
            {"answerHtml", displayHtml(q.answerHtml)},
            {"clause", q.clause},
            {"updated", q.updated},
            {"tags", q.tags},
            {"source", q.source ? toVariantMap(*q.source) : QVariantMap()},
            {"guides", toVariantList(q.guides)},
            {"related", toVariantList(q.related)}};
}

QVariantMap presentGazette(const content::GazetteIssue &g, const TextTable &t)
{
    QString number = tx(t, "gazette.number_format", "%1年第%2期").arg(g.year).arg(g.number);
    if (g.totalNumber > 0)
        number += tx(t, "gazette.total_format", "（总第%1期）").arg(g.totalNumber);
    return {{"id", g.id},
            {"title", g.title},
            {"published", g.published},
            {"numberText", number},
            {"year", g.year},
            {"bodyHtml", displayHtml(g.bodyHtml)},
            {"documents", toVariantList(g.documents)}};
}

QVariantMap presentPoint(const content::ServicePoint &p, const TextTable &)
{
    // The QR code takes the resident's phone to navigation: a standard geo: URI that
    // phone map apps understand, without tying the kiosk to one map provider.
    const QString geo = QStringLiteral("geo:%1,%2?q=%1,%2(%3)")
                            .arg(p.lat, 0, 'f', 6)
                            .arg(p.lon, 0, 'f', 6)
                            .arg(p.name);
    return {{"id", p.id},
            {"title", p.name},
            {"category", p.category},
            {"district", p.district},
            {"address", p.address},
            {"hours", p.hours},
            {"phone", p.phone},
            {"bodyHtml", displayHtml(p.bodyHtml)},
            {"navigationUri", geo},
            {"navigationQr", QrImageProvider::sourceFor(geo)},
            {"guides", toVariantList(p.guides)}};
}

QVariantMap presentScenario(const content::Scenario &s, const TextTable &)
{
    return {{"id", s.id},
            {"title", s.title},
            {"summary", s.summary},
            {"bodyHtml", displayHtml(s.bodyHtml)},
            {"guides", toVariantList(s.guides)}};
}

} // namespace kiosk
