-- Extracted records: projects with their facts, regional claims, and which article was
-- extracted by which extractor version. Every record keeps its evidence offsets into the
-- article's clean text and the whole record as JSON (the export format).

CREATE TABLE extractions (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    extractor TEXT NOT NULL,           -- e.g. touzi.extract/0.3
    extracted_at TEXT NOT NULL,
    status TEXT NOT NULL,              -- ok | failed
    error TEXT,                        -- why extraction failed, or a component's failure
    n_projects INTEGER NOT NULL DEFAULT 0,
    n_claims INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX extractions_extractor ON extractions(extractor);

-- One canonical project, many mentions: projects from several articles that name the same
-- undertaking in the same county share a cluster.
CREATE TABLE project_clusters (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,          -- normalised name core | adcode
    name TEXT NOT NULL,                -- the longest name seen
    adcode TEXT,
    mentions INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    doc_id TEXT,
    name TEXT NOT NULL,
    company TEXT,
    province TEXT,
    city TEXT,
    county TEXT,
    town TEXT,
    zone TEXT,
    adcode TEXT,
    total_cny REAL,                    -- the total investment in yuan, when stated in CNY
    confidence REAL,
    extractor TEXT NOT NULL,
    evidence TEXT,                     -- JSON list of {start, end}
    record TEXT NOT NULL,              -- the record as exported (JSON)
    cluster_id INTEGER REFERENCES project_clusters(id)
);
CREATE INDEX projects_article ON projects(article_id);
CREATE INDEX projects_adcode ON projects(adcode);
CREATE INDEX projects_cluster ON projects(cluster_id);

-- Figures and events of a project, one row each, for querying and summing.
CREATE TABLE project_facts (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                -- investment | capacity | output_value | land | event
    type TEXT,                         -- total, phase, ...; signed, started, ...; annual_output
    amount REAL,                       -- money in its currency, or a quantity
    amount_cny REAL,
    unit TEXT,
    currency TEXT,
    qualifier TEXT,
    product TEXT,
    per TEXT,
    date TEXT,
    precision TEXT,
    text TEXT
);
CREATE INDEX project_facts_project ON project_facts(project_id);
CREATE INDEX project_facts_kind ON project_facts(kind, type);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    doc_id TEXT,
    province TEXT,
    city TEXT,
    county TEXT,
    town TEXT,
    zone TEXT,
    adcode TEXT,
    indicator TEXT NOT NULL,
    indicator_text TEXT,
    period TEXT,
    value REAL,
    unit TEXT,
    count REAL,
    growth_pct REAL,
    target_pct REAL,
    rank TEXT,
    is_target INTEGER NOT NULL DEFAULT 0,
    text TEXT,
    confidence REAL,
    extractor TEXT NOT NULL,
    evidence TEXT,
    record TEXT NOT NULL
);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_region ON claims(adcode, indicator, period);

-- Records of articles that are not near-duplicates of another stored article: counting over
-- these does not count a republished article twice.
CREATE VIEW canonical_claims AS
    SELECT c.*, a.pub_date, a.source, a.title
    FROM claims c JOIN articles a ON a.id = c.article_id
    WHERE a.near_dup_of IS NULL;

CREATE VIEW canonical_projects AS
    SELECT p.*, a.pub_date, a.source, a.title
    FROM projects p JOIN articles a ON a.id = p.article_id
    WHERE a.near_dup_of IS NULL;
