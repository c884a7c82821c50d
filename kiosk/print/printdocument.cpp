#include "printdocument.h"

#include <QMap>

namespace kiosk {

namespace {

QString tx(const TextTable &t, const char *key)
{
    const QString k = QString::fromUtf8(key);
    return t.value(k, k); // a missing key shows itself, as on screen: editors notice it
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// Qt's rich text understands HTML 4 tables and a little CSS: the layout below keeps
// to that subset so the PDF and the on-screen preview come out the same.
class Html
{
public:
    void heading(const QString &text, int level = 2)
    {
        m_out += QStringLiteral("<h%1>%2</h%1>").arg(level).arg(esc(text));
    }
    void para(const QString &text)
    {
        if (!text.isEmpty())
            m_out += QStringLiteral("<p>%1</p>").arg(esc(text));
    }
    void raw(const QString &html) { m_out += html; }
    void beginFields() { m_fields.clear(); }
    void field(const QString &label, const QString &value)
    {
        if (value.trimmed().isEmpty())
            return; // empty fields would only waste paper
        m_fields += QStringLiteral("<tr><td width=\"28%\" bgcolor=\"#eeeeee\"><b>%1</b></td>"
                                   "<td>%2</td></tr>")
                        .arg(esc(label), esc(value));
    }
    void endFields()
    {
        if (!m_fields.isEmpty())
            m_out += table() + m_fields + QStringLiteral("</table>");
        m_fields.clear();
    }
    void body(const QString &html)
    {
        if (!html.trimmed().isEmpty())
            m_out += displayHtml(html);
    }
    static QString table()
    {
        return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"5\" "
                              "width=\"100%\" style=\"border-collapse:collapse\">");
    }
    QString text() const { return m_out; }

private:
    QString m_out, m_fields;
};

QString itemLink(const QString &id, const PrintContext &c)
{
    if (c.itemLinkFormat.contains(QLatin1String("%1")))
        return c.itemLinkFormat.arg(id);
    return QStringLiteral("kiosk-item:") + id;
}

PrintableDocument start(const QString &kind, const QString &id, const QString &title,
                        const TextTable &t, const PrintContext &c)
{
    PrintableDocument d;
    d.kind = kind;
    d.itemId = id;
    d.title = title;
    d.issuer = c.issuer;
    d.qrText = itemLink(id, c);
    d.qrCaption = tx(t, "common.scan_to_phone");
    d.pageFormat = tx(t, "print.page_format");
    return d;
}

// The materials as a checklist: a box to tick per material, then what it is.
void materialsChecklist(Html &h, const QList<content::Material> &materials, const TextTable &t)
{
    QString rows = Html::table();
    rows +=
        QStringLiteral("<tr bgcolor=\"#eeeeee\"><th width=\"8%\">%1</th><th>%2</th>"
                       "<th width=\"12%\">%3</th><th width=\"12%\">%4</th>"
                       "<th width=\"10%\">%5</th></tr>")
            .arg(esc(tx(t, "print.tick")), esc(tx(t, "material.name")), esc(tx(t, "material.form")),
                 esc(tx(t, "material.necessity")), esc(tx(t, "material.copies")));
    for (const auto &m : materials) {
        QStringList notes;
        const std::pair<const char *, const QString *> extras[] = {
            {"material.condition", &m.condition},
            {"material.source", &m.source},
            {"material.notes", &m.notes},
        };
        for (const auto &[key, value] : extras)
            if (!value->isEmpty())
                notes << QStringLiteral("%1：%2").arg(esc(tx(t, key)), esc(*value));
        rows += QStringLiteral("<tr><td align=\"center\"><span style=\"font-size:16pt\">□</span>"
                               "</td><td><b>%1</b>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(esc(m.name),
                         notes.isEmpty() ? QString()
                                         : QStringLiteral("<br/><small>%1</small>")
                                               .arg(notes.join(QStringLiteral("<br/>"))),
                         esc(m.form), esc(m.necessity),
                         esc(tx(t, "material.copies_format").arg(m.copies)));
    }
    rows += QStringLiteral("</table>");
    h.raw(rows);
}

// The steps as a flow chart: one framed box per step, arrows between them.
void stepFlow(Html &h, const QList<content::ProcedureStep> &steps, const TextTable &t)
{
    QString out = QStringLiteral("<table border=\"0\" cellspacing=\"0\" cellpadding=\"0\" "
                                 "width=\"70%\" align=\"center\">");
    for (int i = 0; i < steps.size(); ++i) {
        const auto &s = steps[i];
        QStringList meta;
        if (!s.actor.isEmpty())
            meta << QStringLiteral("%1：%2").arg(esc(tx(t, "guide.step_actor")), esc(s.actor));
        if (!s.duration.isEmpty())
            meta << QStringLiteral("%1：%2").arg(esc(tx(t, "guide.step_duration")),
                                                 esc(s.duration));
        out += QStringLiteral("<tr><td>") + Html::table() +
               QStringLiteral("<tr><td align=\"center\" bgcolor=\"#f4f4f4\"><b>%1 %2</b>%3%4"
                              "</td></tr></table></td></tr>")
                   .arg(esc(tx(t, "scenario.step").arg(i + 1)), esc(s.name),
                        s.description.isEmpty() ? QString()
                                                : QStringLiteral("<br/>") + esc(s.description),
                        meta.isEmpty() ? QString()
                                       : QStringLiteral("<br/><small>%1</small>")
                                             .arg(meta.join(QStringLiteral("　"))));
        if (i + 1 < steps.size())
            out += QStringLiteral("<tr><td align=\"center\"><span style=\"font-size:16pt\">↓"
                                  "</span></td></tr>");
    }
    out += QStringLiteral("</table>");
    h.raw(out);
}

void interpretationBody(Html &h, const content::Interpretation &i, const TextTable &t)
{
    h.beginFields();
    h.field(tx(t, "interp.policy"), i.policy.title);
    h.field(tx(t, "interp.form"), i.form);
    h.field(tx(t, "interp.agency"), i.agency);
    h.field(tx(t, "interp.published"), i.published);
    h.endFields();
    h.body(i.bodyHtml);
}

} // namespace

PrintableDocument guideDocument(const content::ServiceGuide &g, const TextTable &t,
                                const PrintContext &c)
{
    PrintableDocument d = start(QStringLiteral("guide"), g.id, g.title, t, c);
    Html h;
    h.heading(g.title, 1);
    if (!g.repealed.isEmpty())
        h.para(tx(t, "guide.repealed_notice").arg(g.repealed));
    h.para(g.summary);
    QStringList audience;
    if (g.forPerson)
        audience << tx(t, "audience.person");
    if (g.forBusiness)
        audience << tx(t, "audience.business");
    h.heading(tx(t, "guide.overview"));
    h.beginFields();
    h.field(tx(t, "guide.type"), g.type);
    h.field(tx(t, "guide.agency"), g.agency);
    h.field(tx(t, "guide.audience"), audience.join(QStringLiteral("、")));
    h.field(tx(t, "guide.channels"), g.channels.join(QStringLiteral("、")));
    h.field(tx(t, "guide.visits"), g.visits == 0 ? tx(t, "guide.visits_zero")
                                                 : tx(t, "guide.visits_format").arg(g.visits));
    h.field(tx(t, "guide.legal_limit"), formatTimeLimit(g.legalLimit, t));
    h.field(tx(t, "guide.promised_limit"), formatTimeLimit(g.promisedLimit, t));
    h.field(tx(t, "guide.no_application"),
            g.noApplication ? tx(t, "common.yes") : tx(t, "common.no"));
    h.field(tx(t, "guide.quantity_limit"), g.quantityLimit);
    h.field(tx(t, "guide.online"), g.onlineUrl);
    h.endFields();

    if (!g.eligibilityHtml.isEmpty()) {
        h.heading(tx(t, "guide.eligibility"));
        h.body(g.eligibilityHtml);
    }
    h.heading(tx(t, "guide.materials") + QStringLiteral("（") +
              tx(t, "material.count").arg(g.materials.size()) + QStringLiteral("）"));
    materialsChecklist(h, g.materials, t);
    if (!g.steps.isEmpty()) {
        h.heading(tx(t, "guide.steps"));
        stepFlow(h, g.steps, t);
    }
    h.heading(tx(t, "guide.where_when"));
    h.beginFields();
    h.field(tx(t, "guide.place"), g.place);
    h.field(tx(t, "guide.hours"), g.hours);
    h.field(tx(t, "guide.consult_phone"), g.consultPhone);
    h.field(tx(t, "guide.complaint_phone"), g.complaintPhone);
    h.field(tx(t, "guide.fee"), g.feeCharged ? g.feeStandard : tx(t, "guide.fee_free"));
    h.field(tx(t, "guide.fee_basis"), g.feeBasis);
    h.endFields();
    if (!g.basis.isEmpty()) {
        h.heading(tx(t, "guide.basis"));
        QString list = QStringLiteral("<ul>");
        for (const auto &b : g.basis)
            list += QStringLiteral("<li>%1 %2</li>")
                        .arg(esc(b.policyId.isEmpty() ? b.text : b.policyTitle), esc(b.clause));
        h.raw(list + QStringLiteral("</ul>"));
    }
    h.heading(tx(t, "guide.codes"));
    h.beginFields();
    h.field(tx(t, "guide.basic_code"), g.basicCode);
    h.field(tx(t, "guide.impl_code"), g.implCode);
    h.field(tx(t, "guide.effective"), g.effective);
    h.field(tx(t, "guide.updated"), g.updated);
    h.endFields();
    if (!g.bodyHtml.isEmpty()) {
        h.heading(tx(t, "guide.notes"));
        h.body(g.bodyHtml);
    }
    d.html = h.text();
    return d;
}

PrintableDocument policyDocument(const content::PolicyDocument &p, const TextTable &t,
                                 const PrintContext &c)
{
    PrintableDocument d = start(QStringLiteral("policy"), p.id, p.title, t, c);
    Html h;
    h.heading(p.title, 1);
    if (p.validity != QStringLiteral("有效"))
        h.para(tx(t, "policy.not_valid_notice").arg(p.validity));
    if (p.replacedBy)
        h.para(tx(t, "policy.replaced_notice").arg(p.replacedBy->title));
    h.beginFields();
    h.field(tx(t, "policy.index_no"), p.indexNo);
    h.field(tx(t, "policy.agency"), p.agency);
    h.field(tx(t, "policy.doc_no"), p.docNo);
    h.field(tx(t, "policy.written"), p.written);
    h.field(tx(t, "policy.published"), p.published);
    h.field(tx(t, "policy.topics"), p.topics.join(QStringLiteral("、")));
    h.field(tx(t, "policy.validity"), p.validity);
    h.field(tx(t, "policy.validity_date"), p.validityDate);
    h.endFields();
    h.heading(tx(t, "policy.body"));
    h.body(p.bodyHtml);
    if (!p.attachments.isEmpty()) {
        h.heading(tx(t, "policy.attachments"));
        QString list = QStringLiteral("<ul>");
        for (const auto &a : p.attachments)
            list += QStringLiteral("<li>%1</li>").arg(esc(a.title));
        h.raw(list + QStringLiteral("</ul>"));
    }
    for (const auto &i : p.interpretations) {
        h.heading(tx(t, "policy.interpretation") + QStringLiteral("：") + i.title);
        interpretationBody(h, i, t);
    }
    d.html = h.text();
    return d;
}

PrintableDocument interpretationDocument(const content::Interpretation &i, const TextTable &t,
                                         const PrintContext &c)
{
    PrintableDocument d = start(QStringLiteral("interpretation"), i.id, i.title, t, c);
    Html h;
    h.heading(i.title, 1);
    interpretationBody(h, i, t);
    d.html = h.text();
    return d;
}

PrintableDocument qaDocument(const content::QaItem &q, const TextTable &t, const PrintContext &c)
{
    PrintableDocument d = start(QStringLiteral("qa"), q.id, q.question, t, c);
    Html h;
    h.heading(tx(t, "qa.question") + QStringLiteral("：") + q.question, 1);
    h.heading(tx(t, "qa.answer"));
    h.body(q.answerHtml);
    h.beginFields();
    h.field(tx(t, "qa.source"), q.source ? q.source->title : QString());
    h.field(tx(t, "qa.clause"), q.clause);
    h.field(tx(t, "qa.tags"), q.tags.join(QStringLiteral("、")));
    h.field(tx(t, "qa.updated"), q.updated);
    h.endFields();
    d.html = h.text();
    return d;
}

QString catalogIssuer(const QMap<QString, QString> &meta)
{
    const QString name = meta.value(QStringLiteral("name"));
    return name.isEmpty() ? meta.value(QStringLiteral("region")) : name;
}

bool isPrintableKind(const QString &kind)
{
    return kind == QLatin1String("guide") || kind == QLatin1String("policy") ||
           kind == QLatin1String("interpretation") || kind == QLatin1String("qa");
}

} // namespace kiosk
