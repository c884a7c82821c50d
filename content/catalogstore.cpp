#include "catalogstore.h"
#include "catalogschema.h"
#include "search/cjktokenizer.h"

#include <QFileInfo>
#include <QSet>

namespace content {
namespace {

// Columns every item list selects (see rowToRef). ?1 is always the language.
#define REF_COLUMNS                                                                              \
    "i.id, i.kind, "                                                                             \
    "COALESCE((SELECT value FROM translations t WHERE t.item_id=i.id AND t.lang=?1 AND "        \
    "t.field='title'), i.title), "                                                               \
    "CASE i.kind "                                                                               \
    " WHEN 'guide' THEN (SELECT COALESCE((SELECT value FROM translations t WHERE "              \
    "   t.item_id=g.id AND t.lang=?1 AND t.field='agency'), g.agency) FROM guides g WHERE "     \
    "   g.id=i.id) "                                                                             \
    " WHEN 'policy' THEN (SELECT p.agency || '　' || p.doc_no FROM policies p WHERE p.id=i.id) " \
    " WHEN 'interpretation' THEN (SELECT x.form || '　' || x.agency FROM interpretations x "     \
    "   WHERE x.id=i.id) "                                                                       \
    " WHEN 'point' THEN (SELECT pt.category || '　' || pt.district FROM points pt WHERE "        \
    "   pt.id=i.id) "                                                                            \
    " WHEN 'gazette' THEN (SELECT gi.published FROM gazette_issues gi WHERE gi.id=i.id) "        \
    " ELSE COALESCE((SELECT value FROM translations t WHERE t.item_id=i.id AND t.lang=?1 AND "  \
    "   t.field='summary'), i.summary, '') END, "                                                \
    "CASE i.kind WHEN 'policy' THEN (SELECT p.validity <> '有效' FROM policies p WHERE "         \
    "   p.id=i.id) WHEN 'guide' THEN (SELECT g.repealed IS NOT NULL FROM guides g WHERE "       \
    "   g.id=i.id) ELSE 0 END"

ItemRef rowToRef(const Statement &s)
{
    return ItemRef{s.text(0), s.text(1), s.text(2), s.text(3), QString(), s.integer(4) != 0};
}

} // namespace

void CatalogStore::open(const QString &path)
{
    if (!QFileInfo::exists(path))
        throw SqliteError(QStringLiteral("catalog %1 does not exist").arg(path).toStdString());
    SqliteDb db;
    db.open(path, SqliteDb::Mode::ReadOnly);
    try {
        Statement s = db.prepare("SELECT value FROM catalog_meta WHERE key='schema_version'");
        if (!s.step())
            throw SqliteError("no schema version");
        if (s.text(0).toInt() != kCatalogSchemaVersion)
            throw SqliteError(QStringLiteral("catalog has schema version %1, this kiosk reads %2")
                                  .arg(s.text(0))
                                  .arg(kCatalogSchemaVersion)
                                  .toStdString());
    } catch (const SqliteError &e) {
        throw SqliteError(QStringLiteral("%1 is not a usable catalog: %2")
                              .arg(path, QString::fromUtf8(e.what()))
                              .toStdString());
    }
    QString tokenizerError;
    if (!registerCjkTokenizer(db.handle(), &tokenizerError))
        throw SqliteError(QStringLiteral("%1: search unavailable: %2").arg(path, tokenizerError)
                              .toStdString());
    m_db = std::move(db);
    m_path = path;
}

int CatalogStore::schemaVersionOf(const QString &path)
{
    if (!QFileInfo::exists(path))
        return 0;
    try {
        SqliteDb db;
        db.open(path, SqliteDb::Mode::ReadOnly);
        Statement s = db.prepare("SELECT value FROM catalog_meta WHERE key='schema_version'");
        return s.step() ? s.text(0).toInt() : 0;
    } catch (const SqliteError &) {
        return 0;
    }
}

QMap<QString, QString> CatalogStore::meta() const
{
    QMap<QString, QString> out;
    Statement s = db().prepare("SELECT key, value FROM catalog_meta");
    while (s.step())
        out.insert(s.text(0), s.text(1));
    return out;
}

QHash<QString, QString> CatalogStore::uiStrings(const QString &lang) const
{
    QHash<QString, QString> out;
    Statement s = db().prepare("SELECT key, value FROM ui_strings WHERE lang='zh-Hans' "
                               "UNION ALL SELECT key, value FROM ui_strings WHERE lang=?1 "
                               "AND ?1 <> 'zh-Hans'");
    s.bind(1, lang);
    while (s.step())
        out.insert(s.text(0), s.text(1)); // the requested language comes last and wins
    return out;
}

QByteArray CatalogStore::prompt(const QString &lang, const QString &key) const
{
    Statement s = db().prepare("SELECT pcm FROM prompts WHERE lang=?1 AND key=?2");
    s.bind(1, lang).bind(2, key);
    return s.step() ? s.blob(0) : QByteArray();
}

QHash<QPair<QString, QString>, QByteArray> CatalogStore::prompts() const
{
    QHash<QPair<QString, QString>, QByteArray> out;
    Statement s = db().prepare("SELECT lang, key, pcm FROM prompts");
    while (s.step())
        out.insert({s.text(0), s.text(1)}, s.blob(2));
    return out;
}

QList<HomeEntry> CatalogStore::homeEntries() const
{
    QList<HomeEntry> out;
    Statement s = db().prepare("SELECT id, label_key, target, status FROM home_entries ORDER BY ord");
    while (s.step())
        out.append({s.text(0), s.text(1), s.text(2), s.text(3)});
    return out;
}

QHash<QString, QString> CatalogStore::translationsOf(const QString &id, const QString &lang) const
{
    QHash<QString, QString> out;
    Statement s = db().prepare("SELECT field, value FROM translations WHERE item_id=? AND lang=?");
    s.bind(1, id).bind(2, lang);
    while (s.step())
        out.insert(s.text(0), s.text(1));
    return out;
}

QList<ItemRef> CatalogStore::refs(const char *sql, const QString &lang,
                                  const QList<QString> &params) const
{
    QList<ItemRef> out;
    Statement s = db().prepare(sql);
    s.bind(1, lang);
    for (int i = 0; i < params.size(); ++i)
        s.bind(i + 2, params[i]);
    while (s.step())
        out.append(rowToRef(s));
    return out;
}

QList<Stage> CatalogStore::stages(const QString &audience, const QString &lang) const
{
    QList<Stage> out;
    Statement s = db().prepare(
        "SELECT i.id, st.audience, "
        " COALESCE((SELECT value FROM translations t WHERE t.item_id=i.id AND t.lang=?1 AND "
        "  t.field='title'), i.title), "
        " COALESCE((SELECT value FROM translations t WHERE t.item_id=i.id AND t.lang=?1 AND "
        "  t.field='summary'), i.summary, ''), "
        " COALESCE(st.icon, ''), st.ord, "
        " (SELECT COUNT(*) FROM item_stages x JOIN items g ON g.id=x.item_id "
        "  WHERE x.stage_id=i.id AND g.kind='guide') "
        "FROM stages st JOIN items i ON i.id=st.id WHERE st.audience=?2 ORDER BY st.ord, i.id");
    s.bind(1, lang).bind(2, audience);
    while (s.step())
        out.append({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), int(s.integer(5)),
                    int(s.integer(6))});
    return out;
}

QList<ItemRef> CatalogStore::guidesForStage(const QString &stageId, const QString &lang) const
{
    return refs("SELECT " REF_COLUMNS " FROM item_stages x JOIN items i ON i.id=x.item_id "
                "WHERE x.stage_id=?2 AND i.kind='guide' ORDER BY i.title",
                lang, {stageId});
}

QList<ItemRef> CatalogStore::scenariosForStage(const QString &stageId, const QString &lang) const
{
    return refs("SELECT " REF_COLUMNS " FROM item_stages x JOIN items i ON i.id=x.item_id "
                "WHERE x.stage_id=?2 AND i.kind='scenario' ORDER BY i.title",
                lang, {stageId});
}

QList<ItemRef> CatalogStore::scenarios(const QString &lang) const
{
    return refs("SELECT " REF_COLUMNS " FROM items i WHERE i.kind='scenario' ORDER BY i.id",
                lang);
}

std::optional<Scenario> CatalogStore::scenario(const QString &id, const QString &lang) const
{
    Statement s = db().prepare("SELECT i.title, COALESCE(i.summary,''), COALESCE(i.body_html,''), "
                               "sc.audience FROM items i JOIN scenarios sc ON sc.id=i.id "
                               "WHERE i.id=?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    const auto tr = translationsOf(id, lang);
    Scenario out{id, tr.value("title", s.text(0)), tr.value("summary", s.text(1)),
                 tr.value("body_html", s.text(2)), s.text(3), {}};
    out.guides = refs("SELECT " REF_COLUMNS " FROM scenario_guides sg JOIN items i ON "
                      "i.id=sg.guide_id WHERE sg.scenario_id=?2 ORDER BY sg.ord",
                      lang, {id});
    return out;
}

std::optional<ServiceGuide> CatalogStore::guide(const QString &id, const QString &lang) const
{
    Statement s = db().prepare(
        "SELECT i.title, COALESCE(i.summary,''), g.basic_code, g.impl_code, g.type, g.agency, "
        "g.for_person, g.for_business, g.consult_phone, g.complaint_phone, g.eligibility_html, "
        "g.no_application, g.quantity_limit, g.visits, COALESCE(g.online_url,''), g.legal_days, "
        "g.legal_unit, g.promised_days, g.promised_unit, g.place, g.hours, g.fee_charged, "
        "g.fee_standard, COALESCE(g.fee_basis,''), g.effective, g.updated, "
        "COALESCE(g.repealed,''), COALESCE(i.body_html,'') "
        "FROM items i JOIN guides g ON g.id=i.id WHERE i.id=?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    const auto tr = translationsOf(id, lang);
    ServiceGuide g;
    g.id = id;
    g.title = tr.value("title", s.text(0));
    g.summary = tr.value("summary", s.text(1));
    g.basicCode = s.text(2);
    g.implCode = s.text(3);
    g.type = s.text(4);
    g.agency = tr.value("agency", s.text(5));
    g.forPerson = s.integer(6);
    g.forBusiness = s.integer(7);
    g.consultPhone = s.text(8);
    g.complaintPhone = s.text(9);
    g.eligibilityHtml = tr.value("eligibility_html", s.text(10));
    g.noApplication = s.integer(11);
    g.quantityLimit = s.text(12);
    g.visits = int(s.integer(13));
    g.onlineUrl = s.text(14);
    g.legalLimit = {int(s.integer(15)), s.text(16)};
    g.promisedLimit = {int(s.integer(17)), s.text(18)};
    g.place = tr.value("place", s.text(19));
    g.hours = tr.value("hours", s.text(20));
    g.feeCharged = s.integer(21);
    g.feeStandard = s.text(22);
    g.feeBasis = s.text(23);
    g.effective = s.text(24);
    g.updated = s.text(25);
    g.repealed = s.text(26);
    g.bodyHtml = tr.value("body_html", s.text(27));

    Statement m = db().prepare(
        "SELECT name, form, necessity, COALESCE(condition,''), source, COALESCE(blank_form,''), "
        "COALESCE(sample,''), COALESCE(notes,''), copies FROM guide_materials WHERE guide_id=? "
        "ORDER BY ord");
    m.bind(1, id);
    while (m.step())
        g.materials.append({m.text(0), m.text(1), m.text(2), m.text(3), m.text(4), m.text(5),
                            m.text(6), m.text(7), int(m.integer(8))});
    Statement st = db().prepare("SELECT name, description, COALESCE(actor,''), "
                                "COALESCE(duration,'') FROM guide_steps WHERE guide_id=? "
                                "ORDER BY ord");
    st.bind(1, id);
    while (st.step())
        g.steps.append({st.text(0), st.text(1), st.text(2), st.text(3)});
    Statement ch = db().prepare("SELECT channel FROM guide_channels WHERE guide_id=? ORDER BY rowid");
    ch.bind(1, id);
    while (ch.step())
        g.channels << ch.text(0);
    Statement b = db().prepare(
        "SELECT COALESCE(b.policy_id,''), COALESCE((SELECT value FROM translations t WHERE "
        "t.item_id=b.policy_id AND t.lang=?2 AND t.field='title'), i.title, ''), "
        "COALESCE(b.clause,''), COALESCE(b.text,'') FROM guide_basis b LEFT JOIN items i ON "
        "i.id=b.policy_id WHERE b.guide_id=?1 ORDER BY b.ord");
    b.bind(1, id).bind(2, lang);
    while (b.step())
        g.basis.append({b.text(0), b.text(1), b.text(2), b.text(3)});

    g.stages = refs("SELECT " REF_COLUMNS " FROM item_stages x JOIN items i ON i.id=x.stage_id "
                    "WHERE x.item_id=?2",
                    lang, {id});
    g.scenarios = refs("SELECT " REF_COLUMNS " FROM scenario_guides sg JOIN items i ON "
                       "i.id=sg.scenario_id WHERE sg.guide_id=?2",
                       lang, {id});
    g.policies = linked(id, "policy", lang);
    g.qa = linked(id, "qa", lang);
    g.points = linked(id, "point", lang);
    g.related = linked(id, "guide", lang);
    return g;
}

PolicyFacets CatalogStore::policyFacets() const
{
    PolicyFacets f;
    Statement a = db().prepare("SELECT agency, COUNT(*) c FROM policies GROUP BY agency "
                               "ORDER BY c DESC, agency");
    while (a.step())
        f.agencies << a.text(0);
    Statement t = db().prepare("SELECT topic, COUNT(*) c FROM policy_topics GROUP BY topic "
                               "ORDER BY c DESC, topic");
    while (t.step())
        f.topics << t.text(0);
    Statement y = db().prepare("SELECT DISTINCT CAST(substr(published,1,4) AS INTEGER) y FROM "
                               "policies ORDER BY y DESC");
    while (y.step())
        f.years << int(y.integer(0));
    Statement v = db().prepare("SELECT DISTINCT validity FROM policies ORDER BY "
                               "CASE validity WHEN '有效' THEN 0 WHEN '失效' THEN 1 ELSE 2 END");
    while (v.step())
        f.validities << v.text(0);
    return f;
}

QList<ItemRef> CatalogStore::policies(const PolicyFilter &filter, const QString &lang) const
{
    // Valid documents first, then newest first: a repealed document never hides a
    // current one.
    return refs("SELECT " REF_COLUMNS " FROM policies p JOIN items i ON i.id=p.id WHERE "
                "(?2 = '' OR p.agency = ?2) AND "
                "(?3 = '' OR EXISTS (SELECT 1 FROM policy_topics pt WHERE pt.policy_id=p.id AND "
                "pt.topic=?3)) AND "
                "(?4 = '0' OR substr(p.published,1,4) = ?4) AND "
                "(?5 = '' OR p.validity = ?5) "
                "ORDER BY p.validity <> '有效', p.published DESC, i.id",
                lang,
                {filter.agency, filter.topic, QString::number(filter.year), filter.validity});
}

std::optional<PolicyDocument> CatalogStore::policy(const QString &id, const QString &lang) const
{
    Statement s = db().prepare(
        "SELECT i.title, p.index_no, p.agency, p.doc_no, p.written, p.published, p.disclosure, "
        "p.validity, COALESCE(p.validity_date,''), COALESCE(p.replaced_by,''), "
        "COALESCE(i.body_html,'') FROM items i JOIN policies p ON p.id=i.id WHERE i.id=?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    const auto tr = translationsOf(id, lang);
    PolicyDocument d;
    d.id = id;
    d.title = tr.value("title", s.text(0));
    d.indexNo = s.text(1);
    d.agency = tr.value("agency", s.text(2));
    d.docNo = s.text(3);
    d.written = s.text(4);
    d.published = s.text(5);
    d.disclosure = s.text(6);
    d.validity = s.text(7);
    d.validityDate = s.text(8);
    const QString replacedBy = s.text(9);
    d.bodyHtml = tr.value("body_html", s.text(10));

    Statement t = db().prepare("SELECT topic FROM policy_topics WHERE policy_id=? ORDER BY rowid");
    t.bind(1, id);
    while (t.step())
        d.topics << t.text(0);
    Statement k = db().prepare("SELECT keyword FROM item_keywords WHERE item_id=? ORDER BY rowid");
    k.bind(1, id);
    while (k.step())
        d.keywords << k.text(0);
    Statement a = db().prepare("SELECT title, file FROM attachments WHERE item_id=? ORDER BY ord");
    a.bind(1, id);
    while (a.step())
        d.attachments.append({a.text(0), a.text(1)});
    Statement in = db().prepare("SELECT id FROM interpretations WHERE policy_id=? "
                                "ORDER BY published DESC, id");
    in.bind(1, id);
    while (in.step())
        if (auto x = interpretation(in.text(0), lang))
            d.interpretations.append(*x);
    if (!replacedBy.isEmpty()) {
        const auto r = refs("SELECT " REF_COLUMNS " FROM items i WHERE i.id=?2", lang, {replacedBy});
        if (!r.isEmpty())
            d.replacedBy = r.first();
    }
    d.replaces = refs("SELECT " REF_COLUMNS " FROM policies p JOIN items i ON i.id=p.id "
                      "WHERE p.replaced_by=?2",
                      lang, {id});
    d.guides = linked(id, "guide", lang);
    d.qa = linked(id, "qa", lang);
    d.gazetteIssues = linked(id, "gazette", lang);
    QSet<QString> shown{replacedBy};
    for (const auto &r : d.replaces)
        shown.insert(r.id);
    for (const ItemRef &r : linked(id, "policy", lang))
        if (!shown.contains(r.id))
            d.related.append(r);
    return d;
}

QList<ItemRef> CatalogStore::interpretations(const QString &lang) const
{
    return refs("SELECT " REF_COLUMNS " FROM interpretations x JOIN items i ON i.id=x.id "
                "ORDER BY x.published DESC, i.id",
                lang);
}

std::optional<Interpretation> CatalogStore::interpretation(const QString &id,
                                                           const QString &lang) const
{
    Statement s = db().prepare("SELECT i.title, x.form, x.agency, x.published, "
                               "COALESCE(i.body_html,''), x.policy_id FROM items i JOIN "
                               "interpretations x ON x.id=i.id WHERE i.id=?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    const auto tr = translationsOf(id, lang);
    Interpretation out{id, tr.value("title", s.text(0)), s.text(1), tr.value("agency", s.text(2)),
                       s.text(3), tr.value("body_html", s.text(4)), {}};
    const auto p = refs("SELECT " REF_COLUMNS " FROM items i WHERE i.id=?2", lang, {s.text(5)});
    if (!p.isEmpty())
        out.policy = p.first();
    return out;
}

QStringList CatalogStore::qaTags() const
{
    QStringList out;
    Statement s = db().prepare("SELECT t.tag, COUNT(*) c FROM item_tags t JOIN items i ON "
                               "i.id=t.item_id WHERE i.kind='qa' GROUP BY t.tag "
                               "ORDER BY c DESC, t.tag");
    while (s.step())
        out << s.text(0);
    return out;
}

QList<ItemRef> CatalogStore::qaItems(const QString &tag, const QString &lang) const
{
    return refs("SELECT " REF_COLUMNS " FROM qa q JOIN items i ON i.id=q.id WHERE ?2 = '' OR "
                "EXISTS (SELECT 1 FROM item_tags t WHERE t.item_id=q.id AND t.tag=?2) "
                "ORDER BY i.id",
                lang, {tag});
}

std::optional<QaItem> CatalogStore::qa(const QString &id, const QString &lang) const
{
    Statement s = db().prepare("SELECT i.title, COALESCE(i.body_html,''), COALESCE(q.clause,''), "
                               "q.updated, q.source_id FROM items i JOIN qa q ON q.id=i.id "
                               "WHERE i.id=?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    const auto tr = translationsOf(id, lang);
    QaItem out;
    out.id = id;
    out.question = tr.value("title", s.text(0));
    out.answerHtml = tr.value("body_html", s.text(1));
    out.clause = s.text(2);
    out.updated = s.text(3);
    const auto src = refs("SELECT " REF_COLUMNS " FROM items i WHERE i.id=?2", lang, {s.text(4)});
    if (!src.isEmpty())
        out.source = src.first();
    Statement t = db().prepare("SELECT tag FROM item_tags WHERE item_id=? ORDER BY rowid");
    t.bind(1, id);
    while (t.step())
        out.tags << t.text(0);
    out.guides = linked(id, "guide", lang);
    for (const ItemRef &r : linked(id, QString(), lang))
        if (r.kind != "guide" && (!out.source || r.id != out.source->id))
            out.related.append(r);
    return out;
}

QList<int> CatalogStore::gazetteYears() const
{
    QList<int> out;
    Statement s = db().prepare("SELECT DISTINCT year FROM gazette_issues ORDER BY year DESC");
    while (s.step())
        out << int(s.integer(0));
    return out;
}

QList<ItemRef> CatalogStore::gazetteIssues(int year, const QString &lang) const
{
    return refs("SELECT " REF_COLUMNS " FROM gazette_issues g JOIN items i ON i.id=g.id WHERE "
                "?2 = '0' OR g.year = CAST(?2 AS INTEGER) ORDER BY g.year DESC, g.number DESC",
                lang, {QString::number(year)});
}

std::optional<GazetteIssue> CatalogStore::gazetteIssue(const QString &id, const QString &lang) const
{
    Statement s = db().prepare("SELECT i.title, g.published, COALESCE(i.body_html,''), g.year, "
                               "g.number, COALESCE(g.total_number,0) FROM items i JOIN "
                               "gazette_issues g ON g.id=i.id WHERE i.id=?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    const auto tr = translationsOf(id, lang);
    GazetteIssue out{id,
                     tr.value("title", s.text(0)),
                     s.text(1),
                     tr.value("body_html", s.text(2)),
                     int(s.integer(3)),
                     int(s.integer(4)),
                     int(s.integer(5)),
                     {}};
    out.documents = refs("SELECT " REF_COLUMNS " FROM gazette_documents d JOIN items i ON "
                         "i.id=d.policy_id WHERE d.issue_id=?2 ORDER BY d.ord",
                         lang, {id});
    return out;
}

QStringList CatalogStore::pointCategories() const
{
    QStringList out;
    Statement s = db().prepare("SELECT category, COUNT(*) c FROM points GROUP BY category "
                               "ORDER BY c DESC, category");
    while (s.step())
        out << s.text(0);
    return out;
}

QList<ItemRef> CatalogStore::points(const QString &category, const QString &lang) const
{
    return refs("SELECT " REF_COLUMNS " FROM points p JOIN items i ON i.id=p.id WHERE ?2 = '' "
                "OR p.category = ?2 ORDER BY p.district, i.id",
                lang, {category});
}

std::optional<ServicePoint> CatalogStore::point(const QString &id, const QString &lang) const
{
    Statement s = db().prepare("SELECT i.title, p.category, p.district, p.address, p.hours, "
                               "p.phone, COALESCE(i.body_html,''), p.lat, p.lon FROM items i "
                               "JOIN points p ON p.id=i.id WHERE i.id=?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    const auto tr = translationsOf(id, lang);
    ServicePoint out{id,
                     tr.value("title", s.text(0)),
                     s.text(1),
                     s.text(2),
                     tr.value("address", s.text(3)),
                     tr.value("hours", s.text(4)),
                     s.text(5),
                     tr.value("body_html", s.text(6)),
                     s.real(7),
                     s.real(8),
                     {}};
    out.guides = linked(id, "guide", lang);
    return out;
}

QString CatalogStore::kindOf(const QString &id) const
{
    Statement s = db().prepare("SELECT kind FROM items WHERE id=?");
    s.bind(1, id);
    return s.step() ? s.text(0) : QString();
}

QList<ItemRef> CatalogStore::linked(const QString &id, const QString &kind,
                                    const QString &lang) const
{
    Statement s = db().prepare(
        "SELECT " REF_COLUMNS ", l.relation, l.ord FROM links l JOIN items i ON i.id=l.to_id "
        "WHERE l.from_id=?2 AND (?3 = '' OR i.kind=?3) "
        "UNION ALL "
        "SELECT " REF_COLUMNS ", l.relation, 1000000 + l.ord FROM links l JOIN items i ON "
        "i.id=l.from_id WHERE l.to_id=?2 AND (?3 = '' OR i.kind=?3) "
        "ORDER BY 7, 3");
    s.bind(1, lang).bind(2, id).bind(3, kind);
    QList<ItemRef> out;
    QSet<QString> seen;
    while (s.step()) {
        ItemRef r = rowToRef(s);
        if (seen.contains(r.id) || r.id == id)
            continue;
        seen.insert(r.id);
        r.relation = s.text(5);
        out.append(r);
    }
    return out;
}

int CatalogStore::itemCount(const QString &kind) const
{
    Statement s = db().prepare("SELECT COUNT(*) FROM items WHERE ?1 = '' OR kind = ?1");
    s.bind(1, kind);
    return s.step() ? int(s.integer(0)) : 0;
}

} // namespace content
