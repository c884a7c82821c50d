#include "catalogschema.h"

namespace content {

const char *catalogSchemaSql()
{
    return R"SQL(
CREATE TABLE catalog_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Every item of every kind; zh-Hans text. Kind-specific fields live in side tables.
CREATE TABLE items (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('stage','scenario','guide','policy',
                    'interpretation','qa','gazette','point')),
    title       TEXT NOT NULL,
    summary     TEXT,
    body_md     TEXT,
    body_html   TEXT,
    source_path TEXT NOT NULL
);
CREATE INDEX items_kind ON items(kind);

-- Per-item translations of text fields (title, summary, body_html, agency, …).
CREATE TABLE translations (
    item_id TEXT NOT NULL REFERENCES items(id),
    lang    TEXT NOT NULL,
    field   TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (item_id, lang, field)
);

-- Sections of long bodies (split at headings) so a hit can open at the right place.
CREATE TABLE sections (
    item_id TEXT NOT NULL REFERENCES items(id),
    ord     INTEGER NOT NULL,
    heading TEXT,
    text    TEXT NOT NULL,
    PRIMARY KEY (item_id, ord)
);

-- "看、问、办": links written once; read in both directions.
CREATE TABLE links (
    from_id  TEXT NOT NULL REFERENCES items(id),
    to_id    TEXT NOT NULL REFERENCES items(id),
    relation TEXT NOT NULL,
    ord      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (from_id, to_id, relation)
);
CREATE INDEX links_to ON links(to_id);

CREATE TABLE item_keywords (item_id TEXT NOT NULL REFERENCES items(id), keyword TEXT NOT NULL);
CREATE INDEX item_keywords_item ON item_keywords(item_id);
CREATE TABLE item_tags (item_id TEXT NOT NULL REFERENCES items(id), tag TEXT NOT NULL);
CREATE INDEX item_tags_tag ON item_tags(tag);

CREATE TABLE stages (
    id       TEXT PRIMARY KEY REFERENCES items(id),
    audience TEXT NOT NULL CHECK (audience IN ('person','business')),
    ord      INTEGER NOT NULL,
    icon     TEXT
);
-- Which guides and scenarios appear under which stage.
CREATE TABLE item_stages (
    item_id  TEXT NOT NULL REFERENCES items(id),
    stage_id TEXT NOT NULL REFERENCES stages(id),
    PRIMARY KEY (item_id, stage_id)
);
CREATE INDEX item_stages_stage ON item_stages(stage_id);

CREATE TABLE scenarios (
    id       TEXT PRIMARY KEY REFERENCES items(id),
    audience TEXT NOT NULL
);
CREATE TABLE scenario_guides (
    scenario_id TEXT NOT NULL REFERENCES scenarios(id),
    guide_id    TEXT NOT NULL REFERENCES items(id),
    ord         INTEGER NOT NULL,
    PRIMARY KEY (scenario_id, guide_id)
);

CREATE TABLE guides (
    id               TEXT PRIMARY KEY REFERENCES items(id),
    basic_code       TEXT NOT NULL,
    impl_code        TEXT NOT NULL,
    type             TEXT NOT NULL,
    agency           TEXT NOT NULL,
    for_person       INTEGER NOT NULL,
    for_business     INTEGER NOT NULL,
    consult_phone    TEXT NOT NULL,
    complaint_phone  TEXT NOT NULL,
    eligibility_html TEXT NOT NULL,
    no_application   INTEGER NOT NULL,
    quantity_limit   TEXT NOT NULL,
    visits           INTEGER NOT NULL,
    online_url       TEXT,
    legal_days       INTEGER NOT NULL,
    legal_unit       TEXT NOT NULL,
    promised_days    INTEGER NOT NULL,
    promised_unit    TEXT NOT NULL,
    place            TEXT NOT NULL,
    hours            TEXT NOT NULL,
    fee_charged      INTEGER NOT NULL,
    fee_standard     TEXT NOT NULL,
    fee_basis        TEXT,
    effective        TEXT NOT NULL,
    updated          TEXT NOT NULL,
    repealed         TEXT
);
CREATE TABLE guide_channels (guide_id TEXT NOT NULL REFERENCES guides(id), channel TEXT NOT NULL);
CREATE TABLE guide_basis (
    guide_id  TEXT NOT NULL REFERENCES guides(id),
    ord       INTEGER NOT NULL,
    policy_id TEXT REFERENCES items(id),
    clause    TEXT,
    text      TEXT
);
CREATE TABLE guide_materials (
    guide_id   TEXT NOT NULL REFERENCES guides(id),
    ord        INTEGER NOT NULL,
    name       TEXT NOT NULL,
    form       TEXT NOT NULL,
    copies     INTEGER NOT NULL,
    necessity  TEXT NOT NULL,
    condition  TEXT,
    source     TEXT NOT NULL,
    blank_form TEXT,
    sample     TEXT,
    notes      TEXT,
    PRIMARY KEY (guide_id, ord)
);
CREATE TABLE guide_steps (
    guide_id    TEXT NOT NULL REFERENCES guides(id),
    ord         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    actor       TEXT,
    duration    TEXT,
    PRIMARY KEY (guide_id, ord)
);

CREATE TABLE policies (
    id            TEXT PRIMARY KEY REFERENCES items(id),
    index_no      TEXT NOT NULL,
    agency        TEXT NOT NULL,
    doc_no        TEXT NOT NULL,
    written       TEXT NOT NULL,
    published     TEXT NOT NULL,
    disclosure    TEXT NOT NULL,
    validity      TEXT NOT NULL CHECK (validity IN ('有效','失效','废止')),
    validity_date TEXT,
    replaced_by   TEXT REFERENCES items(id)
);
CREATE TABLE policy_topics (policy_id TEXT NOT NULL REFERENCES policies(id), topic TEXT NOT NULL);
CREATE INDEX policy_topics_topic ON policy_topics(topic);
CREATE TABLE attachments (
    item_id TEXT NOT NULL REFERENCES items(id),
    ord     INTEGER NOT NULL,
    title   TEXT NOT NULL,
    file    TEXT NOT NULL
);

CREATE TABLE interpretations (
    id        TEXT PRIMARY KEY REFERENCES items(id),
    policy_id TEXT NOT NULL REFERENCES policies(id),
    form      TEXT NOT NULL,
    agency    TEXT NOT NULL,
    published TEXT NOT NULL
);
CREATE INDEX interpretations_policy ON interpretations(policy_id);

CREATE TABLE qa (
    id        TEXT PRIMARY KEY REFERENCES items(id),
    source_id TEXT NOT NULL REFERENCES items(id),
    clause    TEXT,
    updated   TEXT NOT NULL
);

CREATE TABLE gazette_issues (
    id           TEXT PRIMARY KEY REFERENCES items(id),
    year         INTEGER NOT NULL,
    number       INTEGER NOT NULL,
    total_number INTEGER,
    published    TEXT NOT NULL
);
CREATE TABLE gazette_documents (
    issue_id  TEXT NOT NULL REFERENCES gazette_issues(id),
    ord       INTEGER NOT NULL,
    policy_id TEXT NOT NULL REFERENCES items(id),
    PRIMARY KEY (issue_id, ord)
);

CREATE TABLE points (
    id       TEXT PRIMARY KEY REFERENCES items(id),
    category TEXT NOT NULL,
    district TEXT NOT NULL,
    address  TEXT NOT NULL,
    hours    TEXT NOT NULL,
    phone    TEXT NOT NULL,
    lat      REAL NOT NULL,
    lon      REAL NOT NULL
);

CREATE TABLE ui_strings (lang TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                         PRIMARY KEY (lang, key));
-- Recorded prompts (ui/prompts/): a screen text's recording, 16-bit mono 22050 Hz PCM.
CREATE TABLE prompts (lang TEXT NOT NULL, key TEXT NOT NULL, pcm BLOB NOT NULL,
                      PRIMARY KEY (lang, key));
CREATE TABLE home_entries (
    ord       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL,
    label_key TEXT NOT NULL,
    target    TEXT NOT NULL,
    status    TEXT NOT NULL CHECK (status IN ('available','coming'))
);

-- Search support (the FTS5 index itself is created by searchindexbuilder once the
-- kiosk_cjk tokenizer is registered on the connection).
CREATE TABLE synonyms (term TEXT NOT NULL, group_id INTEGER NOT NULL);
CREATE INDEX synonyms_term ON synonyms(term);
CREATE TABLE hot_searches (ord INTEGER PRIMARY KEY, term TEXT NOT NULL);
CREATE TABLE pinyin_lexicon (
    word     TEXT NOT NULL,
    full     TEXT NOT NULL,
    initials TEXT NOT NULL,
    weight   INTEGER NOT NULL
);
CREATE INDEX pinyin_full ON pinyin_lexicon(full);
CREATE INDEX pinyin_initials ON pinyin_lexicon(initials);
)SQL";
}

const char *searchIndexSql()
{
    // One row per item, plus one per section of long bodies (section > 0), so a hit
    // deep in a long policy or gazette issue opens at the right place and common
    // pairs do not float huge documents to the top.
    // search_titles repeats each item's title and keywords (rowid = its section-0 row
    // in search_index): small doclists that rank quickly even for one character.
    return "CREATE VIRTUAL TABLE search_index USING fts5("
           "title, keywords, body, item_id UNINDEXED, section UNINDEXED, "
           "tokenize='kiosk_cjk');"
           "CREATE VIRTUAL TABLE search_titles USING fts5("
           "title, keywords, item_id UNINDEXED, tokenize='kiosk_cjk');";
}

const char *searchRowsSql()
{
    // What ranking needs of each search_index row (id = its rowid) besides its text.
    // FTS5 stores item_id after the body, so reading it from there walks the body's
    // overflow pages; here it is one small row.
    return "CREATE TABLE search_rows (id INTEGER PRIMARY KEY, item_id TEXT NOT NULL, "
           "section INTEGER NOT NULL, kind TEXT NOT NULL, repealed INTEGER NOT NULL, "
           "date TEXT NOT NULL);";
}

} // namespace content
