#include "catalogbuilder.h"
#include "catalogparser.h"
#include "catalogschema.h"
#include "durablefile.h"
#include "sqlitedb.h"
#include "uitextkeys.h"
#include "search/pinyinlexicon.h"
#include "search/searchindexbuilder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <QFileInfo>
#include <QSaveFile>
#include <fcntl.h>
#include <unistd.h>

namespace content {
namespace {

void insertItem(SqliteDb &db, const ItemRecord &rec)
{
    db.cached("INSERT INTO items(id, kind, title, summary, body_md, body_html, source_path) "
               "VALUES (?,?,?,?,?,?,?)")
        .bind(1, rec.id)
        .bind(2, rec.kind)
        .bind(3, rec.title)
        .bindOptional(4, rec.summary)
        .bindOptional(5, rec.bodyMd)
        .bindOptional(6, rec.bodyMd.isEmpty() ? QString() : rec.body.html)
        .bind(7, rec.path)
        .run();

    Statement &sec = db.cached("INSERT INTO sections(item_id, ord, heading, text) VALUES (?,?,?,?)");
    for (int i = 0; i < rec.body.sections.size(); ++i) {
        sec.bind(1, rec.id).bind(2, i).bindOptional(3, rec.body.sections[i].heading)
            .bind(4, rec.body.sections[i].text);
        sec.run();
    }
    Statement &kw = db.cached("INSERT INTO item_keywords(item_id, keyword) VALUES (?,?)");
    for (const QString &k : rec.keywords) {
        kw.bind(1, rec.id).bind(2, k);
        kw.run();
    }
    Statement &tag = db.cached("INSERT INTO item_tags(item_id, tag) VALUES (?,?)");
    for (const QString &t : rec.tags) {
        tag.bind(1, rec.id).bind(2, t);
        tag.run();
    }
    Statement &link = db.cached(
        "INSERT OR IGNORE INTO links(from_id, to_id, relation, ord) VALUES (?,?,?,?)");
    int ord = 0;
    for (const LinkRecord &l : rec.links) {
        if (l.relation == "stage")
            continue; // stored in item_stages
        link.bind(1, rec.id).bind(2, l.to).bind(3, l.relation).bind(4, ord++);
        link.run();
    }
    Statement &st = db.cached("INSERT OR IGNORE INTO item_stages(item_id, stage_id) VALUES (?,?)");
    for (const QString &s : rec.stages) {
        st.bind(1, rec.id).bind(2, s);
        st.run();
    }
    Statement &att = db.cached("INSERT INTO attachments(item_id, ord, title, file) VALUES (?,?,?,?)");
    for (int i = 0; i < rec.attachments.size(); ++i) {
        att.bind(1, rec.id).bind(2, i).bind(3, rec.attachments[i].title)
            .bind(4, rec.attachments[i].file);
        att.run();
    }
    Statement &tr = db.cached(
        "INSERT INTO translations(item_id, lang, field, value) VALUES (?,?,?,?)");
    for (const TranslationRecord &t : rec.translations) {
        for (auto it = t.fields.cbegin(); it != t.fields.cend(); ++it) {
            tr.bind(1, rec.id).bind(2, t.lang).bind(3, it.key()).bind(4, it.value());
            tr.run();
        }
    }
}

void insertGuide(SqliteDb &db, const ItemRecord &r)
{
    db.cached("INSERT INTO guides(id, basic_code, impl_code, type, agency, for_person, "
               "for_business, consult_phone, complaint_phone, eligibility_html, no_application, "
               "quantity_limit, visits, online_url, legal_days, legal_unit, promised_days, "
               "promised_unit, place, hours, fee_charged, fee_standard, fee_basis, effective, "
               "updated, repealed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, r.id)
        .bind(2, r.text.value("basic_code"))
        .bind(3, r.text.value("impl_code"))
        .bind(4, r.text.value("type"))
        .bind(5, r.text.value("agency"))
        .bind(6, r.audience.contains("person"))
        .bind(7, r.audience.contains("business"))
        .bind(8, r.text.value("consult_phone"))
        .bind(9, r.text.value("complaint_phone"))
        .bind(10, r.eligibility.html)
        .bind(11, r.flags.value("no_application"))
        .bind(12, r.text.value("quantity_limit"))
        .bind(13, r.ints.value("visits"))
        .bindOptional(14, r.text.value("online_url"))
        .bind(15, r.ints.value("legal_limit.days"))
        .bind(16, r.text.value("legal_limit.unit"))
        .bind(17, r.ints.value("promised_limit.days"))
        .bind(18, r.text.value("promised_limit.unit"))
        .bind(19, r.text.value("place"))
        .bind(20, r.text.value("hours"))
        .bind(21, r.flags.value("fee.charged"))
        .bind(22, r.text.value("fee.standard"))
        .bindOptional(23, r.text.value("fee.basis"))
        .bind(24, r.text.value("effective"))
        .bind(25, r.text.value("updated"))
        .bindOptional(26, r.text.value("repealed"))
        .run();
    Statement &ch = db.cached("INSERT INTO guide_channels(guide_id, channel) VALUES (?,?)");
    for (const QString &c : r.channels) {
        ch.bind(1, r.id).bind(2, c);
        ch.run();
    }
    Statement &b = db.cached(
        "INSERT INTO guide_basis(guide_id, ord, policy_id, clause, text) VALUES (?,?,?,?,?)");
    for (int i = 0; i < r.basis.size(); ++i) {
        b.bind(1, r.id).bind(2, i).bindOptional(3, r.basis[i].policyId)
            .bindOptional(4, r.basis[i].clause).bindOptional(5, r.basis[i].text);
        b.run();
    }
    Statement &m = db.cached(
        "INSERT INTO guide_materials(guide_id, ord, name, form, copies, necessity, condition, "
        "source, blank_form, sample, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    for (int i = 0; i < r.materials.size(); ++i) {
        const MaterialRecord &x = r.materials[i];
        m.bind(1, r.id).bind(2, i).bind(3, x.name).bind(4, x.form).bind(5, x.copies)
            .bind(6, x.necessity).bindOptional(7, x.condition).bind(8, x.source)
            .bindOptional(9, x.blankForm).bindOptional(10, x.sample).bindOptional(11, x.notes);
        m.run();
    }
    Statement &s = db.cached("INSERT INTO guide_steps(guide_id, ord, name, description, actor, "
                             "duration) VALUES (?,?,?,?,?,?)");
    for (int i = 0; i < r.steps.size(); ++i) {
        s.bind(1, r.id).bind(2, i).bind(3, r.steps[i].name).bind(4, r.steps[i].description)
            .bindOptional(5, r.steps[i].actor).bindOptional(6, r.steps[i].duration);
        s.run();
    }
}

void insertKindRow(SqliteDb &db, const ItemRecord &r)
{
    if (r.kind == "guide") {
        insertGuide(db, r);
    } else if (r.kind == "stage") {
        db.cached("INSERT INTO stages(id, audience, ord, icon) VALUES (?,?,?,?)")
            .bind(1, r.id).bind(2, r.text.value("audience")).bind(3, r.ints.value("order"))
            .bindOptional(4, r.text.value("icon")).run();
    } else if (r.kind == "scenario") {
        db.cached("INSERT INTO scenarios(id, audience) VALUES (?,?)")
            .bind(1, r.id).bind(2, r.text.value("audience")).run();
        Statement &g = db.cached(
            "INSERT OR IGNORE INTO scenario_guides(scenario_id, guide_id, ord) VALUES (?,?,?)");
        for (int i = 0; i < r.orderedIds.size(); ++i) {
            g.bind(1, r.id).bind(2, r.orderedIds[i]).bind(3, i);
            g.run();
        }
    } else if (r.kind == "policy") {
        db.cached("INSERT INTO policies(id, index_no, agency, doc_no, written, published, "
                   "disclosure, validity, validity_date, replaced_by) VALUES (?,?,?,?,?,?,?,?,?,?)")
            .bind(1, r.id).bind(2, r.text.value("index_no")).bind(3, r.text.value("agency"))
            .bind(4, r.text.value("doc_no")).bind(5, r.text.value("written"))
            .bind(6, r.text.value("published")).bind(7, r.text.value("disclosure"))
            .bind(8, r.text.value("validity")).bindOptional(9, r.text.value("validity_date"))
            .bindOptional(10, r.text.value("replaced_by")).run();
        Statement &t = db.cached("INSERT INTO policy_topics(policy_id, topic) VALUES (?,?)");
        for (const QString &topic : r.topics) {
            t.bind(1, r.id).bind(2, topic);
            t.run();
        }
    } else if (r.kind == "interpretation") {
        db.cached("INSERT INTO interpretations(id, policy_id, form, agency, published) "
                   "VALUES (?,?,?,?,?)")
            .bind(1, r.id).bind(2, r.text.value("policy")).bind(3, r.text.value("form"))
            .bind(4, r.text.value("agency")).bind(5, r.text.value("published")).run();
    } else if (r.kind == "qa") {
        db.cached("INSERT INTO qa(id, source_id, clause, updated) VALUES (?,?,?,?)")
            .bind(1, r.id).bind(2, r.text.value("source")).bindOptional(3, r.text.value("clause"))
            .bind(4, r.text.value("updated")).run();
    } else if (r.kind == "gazette") {
        Statement &g = db.cached("INSERT INTO gazette_issues(id, year, number, total_number, "
                                 "published) VALUES (?,?,?,?,?)");
        g.bind(1, r.id).bind(2, r.ints.value("year")).bind(3, r.ints.value("number"));
        if (r.ints.contains("total_number"))
            g.bind(4, r.ints.value("total_number"));
        g.bind(5, r.text.value("published")).run();
        Statement &d = db.cached(
            "INSERT INTO gazette_documents(issue_id, ord, policy_id) VALUES (?,?,?)");
        for (int i = 0; i < r.orderedIds.size(); ++i) {
            d.bind(1, r.id).bind(2, i).bind(3, r.orderedIds[i]);
            d.run();
        }
    } else if (r.kind == "point") {
        db.cached("INSERT INTO points(id, category, district, address, hours, phone, lat, lon) "
                   "VALUES (?,?,?,?,?,?,?,?)")
            .bind(1, r.id).bind(2, r.text.value("category")).bind(3, r.text.value("district"))
            .bind(4, r.text.value("address")).bind(5, r.text.value("hours"))
            .bind(6, r.text.value("phone")).bind(7, r.reals.value("lat"))
            .bind(8, r.reals.value("lon")).run();
    }
}

void writeDatabase(const CatalogRecords &records, const PinyinDictionary &dictionary,
                   const QString &path)
{
    SqliteDb db;
    db.open(path, SqliteDb::Mode::ReadWriteCreate);
    db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON;");
    db.exec("BEGIN");
    // Links may point forward to items inserted later: check keys at COMMIT.
    db.exec("PRAGMA defer_foreign_keys=ON");
    db.exec(catalogSchemaSql());
    Statement meta = db.prepare("INSERT INTO catalog_meta(key, value) VALUES (?,?)");
    for (auto it = records.meta.cbegin(); it != records.meta.cend(); ++it) {
        meta.bind(1, it.key()).bind(2, it.value());
        meta.run();
    }
    meta.bind(1, QStringLiteral("schema_version")).bind(2, QString::number(kCatalogSchemaVersion));
    meta.run();
    Statement str = db.prepare("INSERT INTO ui_strings(lang, key, value) VALUES (?,?,?)");
    for (auto l = records.strings.cbegin(); l != records.strings.cend(); ++l)
        for (auto k = l.value().cbegin(); k != l.value().cend(); ++k) {
            str.bind(1, l.key()).bind(2, k.key()).bind(3, k.value());
            str.run();
        }
    Statement prompt = db.prepare("INSERT INTO prompts(lang, key, pcm) VALUES (?,?,?)");
    for (auto p = records.prompts.cbegin(); p != records.prompts.cend(); ++p) {
        prompt.bind(1, p.key().first).bind(2, p.key().second).bindBlob(3, p.value());
        prompt.run();
    }
    Statement home = db.prepare(
        "INSERT INTO home_entries(ord, id, label_key, target, status) VALUES (?,?,?,?,?)");
    for (int i = 0; i < records.home.size(); ++i) {
        const HomeEntryRecord &h = records.home[i];
        home.bind(1, i).bind(2, h.id).bind(3, h.labelKey).bind(4, h.target).bind(5, h.status);
        home.run();
    }
    for (const ItemRecord &r : records.items)
        insertItem(db, r);
    for (const ItemRecord &r : records.items)
        insertKindRow(db, r);
    writeSearchIndex(db, records, dictionary);
    db.exec("COMMIT"); // fails if any deferred foreign key is violated
    db.exec("PRAGMA journal_mode=DELETE; VACUUM; ANALYZE;");
    db.close();
}

} // namespace

BuildReport buildCatalog(const QString &sourceDir, const QString &outputPath)
{
    BuildReport report;
    report.outputPath = outputPath;
    QList<SourceError> found;
    const CatalogRecords records = parseCatalogSources(sourceDir, &found);
    for (const SourceError &e : std::as_const(found))
        (e.warning ? report.warnings : report.errors).append(e);
    for (auto it = records.meta.cbegin(); it != records.meta.cend(); ++it)
        if (it.key().startsWith(uiCoverageMetaKey(QString())))
            report.uiCoverage.insert(it.key().mid(uiCoverageMetaKey(QString()).size()),
                                     it.value().toInt());
    if (!report.errors.isEmpty())
        return report;
    PinyinDictionary dictionary;
    QString dictionaryError;
    if (!dictionary.load(PinyinDictionary::defaultPath(), &dictionaryError)) {
        report.errors.append({outputPath, 0, dictionaryError});
        return report;
    }

    const QFileInfo out(outputPath);
    if (!QDir().mkpath(out.absolutePath())) {
        report.errors.append({outputPath, 0, QStringLiteral("cannot create the output directory")});
        return report;
    }
    const QString temp = out.absolutePath() + "/." + out.fileName() + ".building-" +
                         QString::number(QCoreApplication::applicationPid());
    QFile::remove(temp);
    try {
        writeDatabase(records, dictionary, temp);
    } catch (const std::exception &e) {
        QFile::remove(temp);
        report.errors.append({outputPath, 0, QStringLiteral("writing the catalog failed: %1")
                                                 .arg(QString::fromUtf8(e.what()))});
        report.writeFailed = true;
        return report;
    }
    // Durable before visible: flush the new file, rename it over the target, then
    // flush the directory entry.
    QString moved = fsyncPath(temp) ? renameDurably(temp, out.absoluteFilePath())
                                    : QStringLiteral("cannot flush %1: the disk reports an error (%2)")
                                          .arg(temp, QString::fromLocal8Bit(strerror(errno)));
    if (!moved.isEmpty()) {
        QFile::remove(temp);
        report.errors.append({outputPath, 0, QStringLiteral("cannot move the new catalog into "
                                                            "place: %1").arg(moved)});
        report.writeFailed = true;
        return report;
    }
    for (const ItemRecord &r : records.items) {
        report.itemCounts[r.kind] += 1;
        report.translationCount += int(r.translations.size());
    }
    return report;
}

} // namespace content
