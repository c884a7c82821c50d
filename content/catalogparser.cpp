#include "catalogparser.h"
#include "fieldreader.h"
#include "promptaudio.h"
#include "regularfile.h"
#include "uitextkeys.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>

namespace content {
namespace {

const QStringList kKinds = {"stage",   "scenario", "guide",   "policy",
                            "interpretation", "qa", "gazette", "point"};
const QStringList kLanguages = {"zh-Hans", "en", "ug"};
const QStringList kTranslationLanguages = {"en", "ug"};

// Fields each kind may have (besides id and kind), and which of them translate.
const QHash<QString, QSet<QString>> &allowedFields()
{
    static const QHash<QString, QSet<QString>> fields = {
        {"stage", {"audience", "order", "title", "summary", "icon"}},
        {"scenario", {"title", "audience", "stages", "guides", "summary", "related", "keywords"}},
        {"guide",
         {"title", "basic_code", "impl_code", "type", "agency", "audience", "stages",
          "consult_phone", "complaint_phone", "basis", "eligibility", "no_application",
          "quantity_limit", "materials", "steps", "channels", "visits", "online_url",
          "legal_limit", "promised_limit", "place", "hours", "points", "fee", "related",
          "effective", "updated", "repealed", "keywords", "summary"}},
        {"policy",
         {"index_no", "title", "agency", "doc_no", "written", "published", "topics", "disclosure",
          "validity", "validity_date", "replaced_by", "keywords", "attachments", "related",
          "summary"}},
        {"interpretation",
         {"policy", "title", "form", "agency", "published", "related", "keywords", "summary"}},
        {"qa", {"question", "source", "clause", "guides", "tags", "related", "updated",
                "keywords"}},
        {"gazette",
         {"year", "number", "total_number", "published", "title", "documents", "summary"}},
        {"point",
         {"name", "category", "district", "address", "hours", "phone", "lat", "lon", "guides",
          "keywords", "summary"}},
    };
    return fields;
}

const QSet<QString> kTranslatable = {"title", "question", "name", "summary", "agency",
                                     "eligibility", "place", "hours", "address"};

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9-]{0,79}$"));
    return re;
}

void addLinks(ItemRecord &rec, const FieldReader &r, const char *key, const QString &relation,
              const QStringList &kinds, bool required = false)
{
    const QStringList ids = r.list(key, required);
    const int line = r.lineOf(r.node(key));
    for (const QString &id : ids)
        rec.links.append({id, relation, kinds, line});
}

void readLimit(ItemRecord &rec, const FieldReader &r, const char *key)
{
    const YAML::Node n = r.node(key);
    if (!n || n.IsNull()) {
        r.errorAt(r.line(), QStringLiteral("missing required field '%1'").arg(key));
        return;
    }
    if (!n.IsMap()) {
        r.error(n, QStringLiteral("'%1' must be a map {days, unit}").arg(key));
        return;
    }
    const FieldReader sub = r.nested(n, QString::fromUtf8(key));
    sub.rejectUnknown({"days", "unit"});
    if (auto d = sub.integer("days", true, 0, 3650))
        rec.ints.insert(QString::fromUtf8(key) + ".days", *d);
    rec.text.insert(QString::fromUtf8(key) + ".unit",
                    sub.choice("unit", true, {"工作日", "自然日"}));
}

void parseGuide(ItemRecord &rec, const FieldReader &r)
{
    for (const char *k : {"basic_code", "impl_code", "agency", "consult_phone", "complaint_phone",
                          "quantity_limit", "place", "hours"})
        rec.text.insert(k, r.text(k, true));
    rec.text.insert("type", r.choice("type", true,
                                     {"行政许可", "行政给付", "行政确认", "行政征收", "行政裁决",
                                      "行政奖励", "公共服务", "其他行政权力"}));
    rec.audience = r.list("audience", true);
    for (const QString &a : rec.audience)
        if (a != "person" && a != "business")
            r.error(r.node("audience"),
                    QStringLiteral("'audience' has '%1' but must be person or business").arg(a));
    rec.stages = r.list("stages", true);
    for (const QString &s : rec.stages)
        rec.links.append({s, "stage", {"stage"}, r.lineOf(r.node("stages"))});

    const QString eligibility = r.text("eligibility", true);
    QList<MarkdownProblem> mdProblems;
    rec.eligibility = renderMarkdown(eligibility, &mdProblems);
    for (const auto &p : mdProblems)
        r.error(r.node("eligibility"), QStringLiteral("eligibility: %1").arg(p.message));

    if (auto b = r.boolean("no_application", true))
        rec.flags.insert("no_application", *b);
    if (auto v = r.integer("visits", true, 0, 10))
        rec.ints.insert("visits", *v);

    r.eachMap("basis", true, [&](const FieldReader &b, int) {
        b.rejectUnknown({"policy", "clause", "text"});
        BasisRecord rec2{b.text("policy", false), b.text("clause", false), b.text("text", false)};
        if (rec2.policyId.isEmpty() && rec2.text.isEmpty())
            b.errorAt(b.line(), QStringLiteral("%1 needs a 'policy' id or a 'text'")
                                    .arg(b.label("").chopped(1)));
        if (!rec2.policyId.isEmpty())
            rec.links.append({rec2.policyId, "basis", {"policy"}, b.line()});
        rec.basis.append(rec2);
    });
    r.eachMap("materials", true, [&](const FieldReader &m, int) {
        m.rejectUnknown({"name", "form", "copies", "necessity", "condition", "source",
                         "blank_form", "sample", "notes"});
        MaterialRecord mat;
        mat.name = m.text("name", true);
        mat.form = m.choice("form", true, {"原件", "复印件", "原件和复印件", "电子证照", "原件或电子证照"});
        mat.copies = int(m.integer("copies", true, 0, 99).value_or(1));
        mat.necessity = m.choice("necessity", true, {"必要", "容缺", "情形"});
        mat.condition = m.text("condition", mat.necessity == QStringLiteral("情形"));
        mat.source = m.text("source", true);
        mat.blankForm = m.text("blank_form", false);
        mat.sample = m.text("sample", false);
        mat.notes = m.text("notes", false);
        rec.materials.append(mat);
    });
    r.eachMap("steps", true, [&](const FieldReader &s, int) {
        s.rejectUnknown({"name", "description", "actor", "duration"});
        rec.steps.append({s.text("name", true), s.text("description", true),
                          s.text("actor", false), s.text("duration", false)});
    });
    rec.channels = r.list("channels", true);
    for (const QString &c : rec.channels)
        if (!QStringList{"窗口", "网办", "自助终端", "邮寄"}.contains(c))
            r.error(r.node("channels"),
                    QStringLiteral("'channels' has '%1' but must be 窗口, 网办, 自助终端 or 邮寄")
                        .arg(c));
    rec.text.insert("online_url", r.text("online_url", rec.channels.contains("网办")));
    const QString url = rec.text.value("online_url");
    if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://"))
        r.error(r.node("online_url"), QStringLiteral("'online_url' must be an http(s) address"));
    readLimit(rec, r, "legal_limit");
    readLimit(rec, r, "promised_limit");
    addLinks(rec, r, "points", "points", {"point"});

    const YAML::Node fee = r.node("fee");
    if (!fee || !fee.IsMap()) {
        r.error(fee, QStringLiteral("'fee' is required and must be a map {charged, standard, basis}"));
    } else {
        const FieldReader f = r.nested(fee, "fee");
        f.rejectUnknown({"charged", "standard", "basis"});
        rec.flags.insert("fee.charged", f.boolean("charged", true).value_or(false));
        rec.text.insert("fee.standard", f.text("standard", true));
        rec.text.insert("fee.basis", f.text("basis", rec.flags.value("fee.charged")));
    }
    rec.text.insert("effective", r.date("effective", true));
    rec.text.insert("updated", r.date("updated", true));
    rec.text.insert("repealed", r.date("repealed", false));
}

void parsePolicy(ItemRecord &rec, const FieldReader &r)
{
    for (const char *k : {"index_no", "agency", "doc_no"})
        rec.text.insert(k, r.text(k, true));
    rec.text.insert("written", r.date("written", true));
    rec.text.insert("published", r.date("published", true));
    if (!rec.text["written"].isEmpty() && rec.text["published"] < rec.text["written"])
        r.error(r.node("published"), QStringLiteral("'published' is before 'written'"));
    rec.topics = r.list("topics", true);
    rec.text.insert("disclosure", r.choice("disclosure", true, {"主动公开", "依申请公开", "不予公开"}));
    const QString validity = r.choice("validity", true, {"有效", "失效", "废止"});
    rec.text.insert("validity", validity);
    rec.text.insert("validity_date", r.date("validity_date", !validity.isEmpty() && validity != "有效"));
    const QString replacedBy = r.text("replaced_by", false);
    rec.text.insert("replaced_by", replacedBy);
    if (!replacedBy.isEmpty())
        rec.links.append({replacedBy, "replaced_by", {"policy"}, r.lineOf(r.node("replaced_by"))});
    r.eachMap("attachments", false, [&](const FieldReader &a, int) {
        a.rejectUnknown({"title", "file"});
        rec.attachments.append({a.text("title", true), a.text("file", true)});
    });
}

void parseByKind(ItemRecord &rec, const FieldReader &r)
{
    const QString &kind = rec.kind;
    if (kind == "qa")
        rec.title = r.text("question", true);
    else if (kind == "point")
        rec.title = r.text("name", true);
    else
        rec.title = r.text("title", true);
    rec.summary = r.text("summary", false);
    rec.keywords = r.list("keywords", false);
    addLinks(rec, r, "related", "related", {});

    if (kind == "stage") {
        rec.text.insert("audience", r.choice("audience", true, {"person", "business"}));
        if (auto o = r.integer("order", true, 0, 999))
            rec.ints.insert("order", *o);
        rec.text.insert("icon", r.text("icon", false));
    } else if (kind == "scenario") {
        rec.text.insert("audience", r.choice("audience", true, {"person", "business"}));
        rec.stages = r.list("stages", true);
        for (const QString &s : rec.stages)
            rec.links.append({s, "stage", {"stage"}, r.lineOf(r.node("stages"))});
        rec.orderedIds = r.list("guides", true);
        for (const QString &g : rec.orderedIds)
            rec.links.append({g, "guides", {"guide"}, r.lineOf(r.node("guides"))});
    } else if (kind == "guide") {
        parseGuide(rec, r);
    } else if (kind == "policy") {
        parsePolicy(rec, r);
    } else if (kind == "interpretation") {
        const QString policy = r.text("policy", true);
        rec.text.insert("policy", policy);
        if (!policy.isEmpty())
            rec.links.append({policy, "interprets", {"policy"}, r.lineOf(r.node("policy"))});
        rec.text.insert("form", r.choice("form", true, {"文字解读", "图解", "问答", "视频"}));
        rec.text.insert("agency", r.text("agency", true));
        rec.text.insert("published", r.date("published", true));
    } else if (kind == "qa") {
        const QString source = r.text("source", true);
        rec.text.insert("source", source);
        if (!source.isEmpty())
            rec.links.append({source, "source", {"policy"}, r.lineOf(r.node("source"))});
        rec.text.insert("clause", r.text("clause", false));
        addLinks(rec, r, "guides", "guides", {"guide"});
        rec.tags = r.list("tags", false);
        rec.text.insert("updated", r.date("updated", true));
    } else if (kind == "gazette") {
        if (auto y = r.integer("year", true, 1949, 2100))
            rec.ints.insert("year", *y);
        if (auto n = r.integer("number", true, 1, 99))
            rec.ints.insert("number", *n);
        if (auto t = r.integer("total_number", false, 1, 99999))
            rec.ints.insert("total_number", *t);
        rec.text.insert("published", r.date("published", true));
        rec.orderedIds = r.list("documents", false);
        for (const QString &d : rec.orderedIds)
            rec.links.append({d, "documents", {"policy"}, r.lineOf(r.node("documents"))});
    } else if (kind == "point") {
        rec.text.insert("category", r.choice("category", true,
                                             {"政务服务中心", "便民服务站", "医院服务窗口",
                                              "银行网点", "其他"}));
        for (const char *k : {"district", "address", "hours", "phone"})
            rec.text.insert(k, r.text(k, true));
        if (auto lat = r.real("lat", true, -90, 90))
            rec.reals.insert("lat", *lat);
        if (auto lon = r.real("lon", true, -180, 180))
            rec.reals.insert("lon", *lon);
        addLinks(rec, r, "guides", "guides", {"guide"});
    }
}

// A body past kMaxBodyChars is refused; one past kBodyWarningChars is built, with a
// warning, as residents would page through a hundred screens or more.
void checkBodyLength(const SourceDocument &doc, QList<SourceError> *errors)
{
    const qsizetype n = doc.body.size();
    if (n > kMaxBodyChars)
        errors->append({doc.path, doc.bodyLine,
                        QStringLiteral("the body has %1 characters; an item may have at most %2 "
                                       "(split it into several items, or check that nothing was "
                                       "pasted twice)").arg(n).arg(kMaxBodyChars)});
    else if (n > kBodyWarningChars)
        errors->append({doc.path, doc.bodyLine,
                        QStringLiteral("the body has %1 characters, more than %2: residents page "
                                       "through it screen by screen; consider splitting it")
                            .arg(n).arg(kBodyWarningChars),
                        0, true});
}

void renderBody(ItemRecord &rec, const SourceDocument &doc, QList<SourceError> *errors,
                bool required)
{
    rec.bodyMd = doc.body.trimmed();
    if (required && rec.bodyMd.isEmpty())
        errors->append({doc.path, doc.bodyLine, QStringLiteral("the Markdown body is empty")});
    checkBodyLength(doc, errors);
    QList<MarkdownProblem> problems;
    rec.body = renderMarkdown(doc.body, &problems);
    for (const auto &p : problems)
        errors->append({doc.path, doc.bodyLine + p.line - 1, p.message});
    for (const auto &link : rec.body.itemLinks)
        rec.links.append({link.targetId, "mentions", {}, doc.bodyLine + link.line - 1});
}

// Splits "name.en.md" into ("name", "en"); base files give an empty language.
QString languageOfFile(const QString &fileName)
{
    const QStringList parts = fileName.split('.');
    if (parts.size() >= 3 && kTranslationLanguages.contains(parts.at(parts.size() - 2)))
        return parts.at(parts.size() - 2);
    return {};
}

void parseTranslation(const SourceDocument &doc, const QString &expectedKind,
                      QHash<QString, TranslationRecord> *out, QHash<QString, QString> *ids,
                      QList<SourceError> *errors)
{
    FieldReader r(doc.path, doc.front, doc.frontLine, errors);
    const QString id = r.text("id", true);
    const QString kind = r.text("kind", false);
    if (!kind.isEmpty() && kind != expectedKind)
        r.error(r.node("kind"), QStringLiteral("kind '%1' does not belong in %2/")
                                    .arg(kind, directoryForKind(expectedKind)));
    QSet<QString> allowed = {"id", "kind", "lang"};
    for (const QString &f : allowedFields().value(expectedKind))
        if (kTranslatable.contains(f))
            allowed.insert(f);
    for (auto it = doc.front.begin(); it != doc.front.end(); ++it) {
        const QString key = QString::fromStdString(it->first.Scalar());
        if (!allowed.contains(key))
            r.error(it->first, QStringLiteral("field '%1' cannot be translated").arg(key));
    }
    TranslationRecord tr;
    tr.lang = doc.lang;
    tr.path = doc.path;
    for (const QString &f : allowed) {
        if (f == "id" || f == "kind" || f == "lang")
            continue;
        const QByteArray key = f.toUtf8();
        if (!r.has(key.constData()))
            continue;
        const QString value = r.text(key.constData(), false);
        const QString field = (f == "question" || f == "name") ? QStringLiteral("title") : f;
        if (f == "eligibility") {
            QList<MarkdownProblem> problems;
            tr.fields.insert("eligibility_html", renderMarkdown(value, &problems).html);
            for (const auto &p : problems)
                r.error(r.node("eligibility"), p.message);
        } else {
            tr.fields.insert(field, value);
        }
    }
    checkBodyLength(doc, errors);
    if (!doc.body.trimmed().isEmpty()) {
        QList<MarkdownProblem> problems;
        tr.fields.insert("body_html", renderMarkdown(doc.body, &problems).html);
        for (const auto &p : problems)
            errors->append({doc.path, doc.bodyLine + p.line - 1, p.message});
    }
    if (id.isEmpty())
        return;
    const QString key = id + '\n' + doc.lang;
    if (out->contains(key)) {
        errors->append({doc.path, r.lineOf(r.node("id")),
                        QStringLiteral("duplicate %1 translation of '%2' (also in %3)")
                            .arg(doc.lang, id, out->value(key).path)});
        return;
    }
    ids->insert(key, id);
    out->insert(key, tr);
}

void parseMeta(const QString &root, CatalogRecords &records, QList<SourceError> *errors)
{
    YAML::Node node;
    if (!readYamlFile(root, "catalog.yaml", &node, errors))
        return;
    FieldReader r("catalog.yaml", node, 1, errors);
    r.rejectUnknown({"id", "name", "region", "version", "published", "languages", "demo",
                     "notice"});
    records.meta.insert("id", r.text("id", true));
    records.meta.insert("name", r.text("name", true));
    records.meta.insert("region", r.text("region", true));
    records.meta.insert("version", QString::number(r.integer("version", true, 1, 1LL << 40).value_or(0)));
    records.meta.insert("published", r.date("published", true));
    const QStringList langs = r.list("languages", true);
    for (const QString &l : langs)
        if (!kLanguages.contains(l))
            r.error(r.node("languages"), QStringLiteral("unknown language '%1'").arg(l));
    if (!langs.contains("zh-Hans"))
        r.error(r.node("languages"), QStringLiteral("'languages' must include zh-Hans"));
    records.meta.insert("languages", langs.join(','));
    records.meta.insert("demo", r.boolean("demo", false).value_or(false) ? "true" : "false");
    records.meta.insert("notice", r.text("notice", false));
}

// A catalog must give every screen text of this kiosk version a zh-Hans text: the
// kiosk would otherwise show residents the raw key (bar.home). The languages'
// coverage is recorded in catalog_meta, where the kiosk reads it to decide which
// languages to offer (display/min_language_coverage).
void checkUiTextKeys(CatalogRecords &records, QList<SourceError> *errors)
{
    const QHash<QString, QString> zh = records.strings.value("zh-Hans");
    QStringList missing;
    for (const QString &key : uiTextKeys())
        if (!zh.contains(key)) // a separator may be a space: presence is what counts
            missing.append(key);
    if (!missing.isEmpty())
        errors->append({"ui/strings.yaml", 0,
                        QStringLiteral("zh-Hans lacks %1 of the %2 screen texts the kiosk shows "
                                       "(residents would see the raw key; the list is "
                                       "content/ui-keys.txt): %3")
                            .arg(missing.size()).arg(uiTextKeys().size())
                            .arg(missing.join(QStringLiteral(", ")))});
    for (const QString &lang : records.meta.value("languages").split(',', Qt::SkipEmptyParts))
        records.meta.insert(uiCoverageMetaKey(lang),
                            QString::number(uiTextCoverage(records.strings.value(lang)).percent()));
}

void parseUi(const QString &root, CatalogRecords &records, QList<SourceError> *errors)
{
    YAML::Node strings;
    if (readYamlFile(root, "ui/strings.yaml", &strings, errors)) {
        for (auto it = strings.begin(); it != strings.end(); ++it) {
            const QString lang = QString::fromStdString(it->first.Scalar());
            const int line = it->first.Mark().line + 1;
            if (!kLanguages.contains(lang)) {
                errors->append({"ui/strings.yaml", line, QStringLiteral("unknown language '%1'").arg(lang)});
                continue;
            }
            if (!it->second.IsMap()) {
                errors->append({"ui/strings.yaml", line,
                                QStringLiteral("'%1' must be a map of text keys").arg(lang)});
                continue;
            }
            for (auto s = it->second.begin(); s != it->second.end(); ++s) {
                const QString key = QString::fromStdString(s->first.Scalar());
                if (!s->second.IsScalar()) {
                    errors->append({"ui/strings.yaml", s->second.Mark().line + 1,
                                    QStringLiteral("text '%1' must be a single string").arg(key)});
                    continue;
                }
                records.strings[lang].insert(key, QString::fromStdString(s->second.Scalar()));
            }
        }
        if (!records.strings.contains("zh-Hans"))
            errors->append({"ui/strings.yaml", 1, QStringLiteral("zh-Hans texts are required")});
        for (auto it = records.strings.cbegin(); it != records.strings.cend(); ++it)
            for (auto k = it.value().cbegin(); k != it.value().cend(); ++k)
                if (it.key() != "zh-Hans" && !records.strings.value("zh-Hans").contains(k.key()))
                    errors->append({"ui/strings.yaml", 0,
                                    QStringLiteral("%1 text '%2' has no zh-Hans original")
                                        .arg(it.key(), k.key())});
        checkUiTextKeys(records, errors);
    }

    YAML::Node home;
    if (!readYamlFile(root, "ui/home.yaml", &home, errors))
        return;
    FieldReader r("ui/home.yaml", home, 1, errors);
    r.rejectUnknown({"entries"});
    r.eachMap("entries", true, [&](const FieldReader &e, int) {
        e.rejectUnknown({"id", "label", "target", "status"});
        HomeEntryRecord entry{e.text("id", true), e.text("label", true),
                              e.choice("target", true,
                                       {"policies", "interpretations", "qa", "gazette", "points",
                                        "scenarios", "apply", "feedback"}),
                              e.choice("status", true, {"available", "coming"})};
        if (!entry.labelKey.isEmpty() && !records.strings.value("zh-Hans").contains(entry.labelKey))
            e.error(e.node("label"), QStringLiteral("label '%1' is not a key of ui/strings.yaml")
                                         .arg(entry.labelKey));
        records.home.append(entry);
    });
}

// search/synonyms.yaml: groups of equivalent terms, colloquial → official terms,
// and the hot searches offered on the search screen. Optional.
// ui/prompts/<key>.<lang>.<wav|flac|ogg>: a recording of the text of <key> in <lang>.
void parsePrompts(const QString &root, CatalogRecords &records, QList<SourceError> *errors)
{
    const QDir dir(root + QStringLiteral("/ui/prompts"));
    if (!dir.exists())
        return;
    static const QRegularExpression name(QStringLiteral("^([a-z0-9_.]+)\\.(zh-Hans|en|ug)\\.(wav|flac|ogg)$"));
    for (const QFileInfo &file : dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString rel = QStringLiteral("ui/prompts/") + file.fileName();
        const QRegularExpressionMatch m = name.match(file.fileName());
        if (!m.hasMatch()) {
            errors->append({rel, 0, QStringLiteral("a prompt's name is <ui key>.<zh-Hans|en|ug>.<wav|flac|ogg>")});
            continue;
        }
        if (!records.strings.value(m.captured(2)).contains(m.captured(1))) {
            errors->append({rel, 0, QStringLiteral("'%1' is not a %2 text of ui/strings.yaml: a "
                                                   "prompt records one of those texts")
                                        .arg(m.captured(1), m.captured(2))});
            continue;
        }
        QString problem;
        const QByteArray pcm = decodePrompt(file.absoluteFilePath(), &problem);
        if (pcm.isEmpty())
            errors->append({rel, 0, problem});
        else
            records.prompts.insert({m.captured(2), m.captured(1)}, pcm);
    }
}

void parseSynonyms(const QString &root, CatalogRecords &records, QList<SourceError> *errors)
{
    const QString rel = QStringLiteral("search/synonyms.yaml");
    YAML::Node node;
    if (!readYamlFile(root, rel, &node, errors, SourcePresence::Optional))
        return;
    FieldReader r(rel, node, 1, errors);
    r.rejectUnknown({"groups", "colloquial", "hot"});
    const YAML::Node groups = r.node("groups");
    if (groups && groups.IsSequence()) {
        for (const YAML::Node &g : groups) {
            QStringList terms;
            if (g.IsSequence())
                for (const YAML::Node &t : g)
                    if (t.IsScalar() && !QString::fromStdString(t.Scalar()).trimmed().isEmpty())
                        terms << QString::fromStdString(t.Scalar()).trimmed();
            if (terms.size() < 2)
                r.error(g, QStringLiteral("a synonym group needs at least two terms"));
            else
                records.synonymGroups.append(terms);
        }
    } else if (groups) {
        r.error(groups, QStringLiteral("'groups' must be a list of term lists"));
    }
    const YAML::Node colloquial = r.node("colloquial");
    if (colloquial && colloquial.IsMap()) {
        for (auto it = colloquial.begin(); it != colloquial.end(); ++it) {
            const QString from = QString::fromStdString(it->first.Scalar()).trimmed();
            const QString to = it->second.IsScalar()
                                   ? QString::fromStdString(it->second.Scalar()).trimmed()
                                   : QString();
            if (from.isEmpty() || to.isEmpty())
                r.error(it->first, QStringLiteral("colloquial '%1' needs a term to map to").arg(from));
            else
                records.colloquial.append({from, to});
        }
    } else if (colloquial) {
        r.error(colloquial, QStringLiteral("'colloquial' must map words to catalog terms"));
    }
    records.hotSearches = r.list("hot", false);
}

void checkLinks(const CatalogRecords &records, QList<SourceError> *errors)
{
    QHash<QString, QString> kindOf;
    for (const ItemRecord &item : records.items)
        kindOf.insert(item.id, item.kind);
    for (const ItemRecord &item : records.items) {
        for (const LinkRecord &link : item.links) {
            if (!kindOf.contains(link.to)) {
                errors->append({item.path, link.line,
                                QStringLiteral("'%1' links to '%2', which is not an item of this "
                                               "catalog")
                                    .arg(link.relation, link.to)});
                continue;
            }
            const QString targetKind = kindOf.value(link.to);
            if (!link.allowedKinds.isEmpty() && !link.allowedKinds.contains(targetKind))
                errors->append({item.path, link.line,
                                QStringLiteral("'%1' must name a %2, but '%3' is a %4")
                                    .arg(link.relation, link.allowedKinds.join(" or "), link.to,
                                         targetKind)});
            if (link.to == item.id)
                errors->append({item.path, link.line,
                                QStringLiteral("'%1' links the item to itself").arg(link.relation)});
        }
    }
}

// The item files (*.md) below root/dir. The folder holds regular files and folders only:
// a link would take sources from outside the reviewed tree (or from /dev/zero), a pipe
// would block the build, and skipping them silently would drop items unnoticed.
QStringList itemFiles(const QString &root, const QString &dir, QList<SourceError> *errors)
{
    QList<IrregularEntry> irregular;
    QStringList files = listRegularFiles(root, dir, &irregular);
    for (const IrregularEntry &e : irregular)
        errors->append({e.relPath, 0,
                        QStringLiteral("is %1; a catalog source tree holds only regular files and "
                                       "folders, so it was neither followed nor read")
                            .arg(e.kind)});
    // As QDir's "*.md" matched before: in any case.
    files.removeIf(
        [](const QString &f) { return !f.endsWith(QLatin1String(".md"), Qt::CaseInsensitive); });
    return files;
}

} // namespace

QString directoryForKind(const QString &kind)
{
    static const QHash<QString, QString> dirs = {
        {"stage", "stages"},       {"scenario", "scenarios"},
        {"guide", "guides"},       {"policy", "policies"},
        {"interpretation", "interpretations"}, {"qa", "qa"},
        {"gazette", "gazette"},    {"point", "points"}};
    return dirs.value(kind);
}

std::optional<ItemRecord> parseItemDocument(const SourceDocument &doc, const QString &kind,
                                            QList<SourceError> *errors)
{
    FieldReader r(doc.path, doc.front, doc.frontLine, errors);
    ItemRecord rec;
    rec.path = doc.path;
    rec.id = r.text("id", true);
    rec.kind = r.text("kind", true);
    if (rec.id.isEmpty() || rec.kind.isEmpty())
        return std::nullopt;
    if (!idPattern().match(rec.id).hasMatch())
        r.error(r.node("id"),
                QStringLiteral("id '%1' must be lower-case letters, digits and '-'").arg(rec.id));
    if (rec.kind != kind) {
        r.error(r.node("kind"), QStringLiteral("kind '%1' does not belong in %2/")
                                    .arg(rec.kind, directoryForKind(kind)));
        return std::nullopt;
    }
    QSet<QString> allowed = allowedFields().value(kind);
    allowed.insert("id");
    allowed.insert("kind");
    r.rejectUnknown(allowed);
    parseByKind(rec, r);
    const bool bodyRequired =
        kind == "policy" || kind == "interpretation" || kind == "qa" || kind == "gazette";
    renderBody(rec, doc, errors, bodyRequired);
    return rec;
}

CatalogRecords parseCatalogSources(const QString &sourceDir, QList<SourceError> *errors)
{
    CatalogRecords records;
    const QString root = QDir(sourceDir).absolutePath();
    if (!QFileInfo(root).isDir()) {
        errors->append({sourceDir, 0, QStringLiteral("is not a directory")});
        return records;
    }
    parseMeta(root, records, errors);
    parseUi(root, records, errors);
    parseSynonyms(root, records, errors);
    parsePrompts(root, records, errors);

    QHash<QString, QString> firstPathOfId;
    QHash<QString, TranslationRecord> translations;
    QHash<QString, QString> translationIds;
    for (const QString &kind : kKinds) {
        const QString dir = directoryForKind(kind);
        for (const QString &rel : itemFiles(root, dir, errors)) {
            SourceDocument doc;
            if (!readSourceDocument(root, rel, &doc, errors))
                continue;
            doc.lang = languageOfFile(QFileInfo(rel).fileName());
            if (!doc.lang.isEmpty()) {
                parseTranslation(doc, kind, &translations, &translationIds, errors);
                continue;
            }
            std::optional<ItemRecord> rec = parseItemDocument(doc, kind, errors);
            if (!rec)
                continue;
            if (firstPathOfId.contains(rec->id)) {
                FieldReader r(rel, doc.front, doc.frontLine, errors);
                r.error(r.node("id"), QStringLiteral("duplicate id '%1' (already used by %2)")
                                          .arg(rec->id, firstPathOfId.value(rec->id)));
                continue;
            }
            firstPathOfId.insert(rec->id, rel);
            records.items.append(*rec);
        }
    }

    QHash<QString, int> indexOfId;
    for (int i = 0; i < records.items.size(); ++i)
        indexOfId.insert(records.items[i].id, i);
    for (auto it = translations.cbegin(); it != translations.cend(); ++it) {
        const QString id = translationIds.value(it.key());
        if (!indexOfId.contains(id)) {
            errors->append({it.value().path, 0,
                            QStringLiteral("translates '%1', which is not an item of this catalog")
                                .arg(id)});
            continue;
        }
        records.items[indexOfId.value(id)].translations.append(it.value());
    }
    checkLinks(records, errors);
    return records;
}

} // namespace content
