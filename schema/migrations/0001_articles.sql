-- Articles: one row per stored copy of an article, with its raw input kept.
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,              -- the id records use: given id, file stem, or hash prefix
    origin TEXT NOT NULL,              -- file path (with #line for JSONL) or crawled URL
    url TEXT,
    title TEXT,
    title_original TEXT,               -- before traditional->simplified, when it differed
    text TEXT,                         -- clean text: normalised, simplified, furniture removed
    text_original TEXT,                -- normalised text before traditional->simplified
    raw BLOB,                          -- the exact input bytes
    raw_kind TEXT NOT NULL,            -- text | html
    encoding TEXT,                     -- codec used to decode raw (gb18030 for GB2312/GBK)
    pub_date TEXT,                     -- ISO 8601, with +08:00 when a time is known
    pub_date_precision TEXT,           -- year | month | day | minute | second
    pub_date_source TEXT,              -- metadata | header | html | dateline | none
    source TEXT,                       -- outlet named by the article (来源)
    site TEXT,                         -- site that published this copy
    author TEXT,
    variant TEXT,                      -- simplified | traditional | mixed
    content_hash TEXT NOT NULL,        -- sha1 of clean text (of raw bytes when text is empty)
    identity TEXT NOT NULL,            -- what makes two inputs the same item: sha1 of the raw
                                       -- bytes, or of url and clean text for crawled pages
    near_dup_of INTEGER REFERENCES articles(id),
    near_dup_score REAL,
    ingested_at TEXT NOT NULL,
    error TEXT,                        -- why this item could not be read or cleaned
    warnings TEXT                      -- JSON list of non-fatal notes
);
CREATE UNIQUE INDEX articles_identity ON articles(identity);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_doc_id ON articles(doc_id);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_pub_date ON articles(pub_date);
CREATE INDEX articles_near_dup_of ON articles(near_dup_of);

-- MinHash LSH buckets of each article's shingles, for near-duplicate lookup in SQL.
CREATE TABLE article_lsh (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    band INTEGER NOT NULL,
    bucket TEXT NOT NULL
);
CREATE INDEX article_lsh_bucket ON article_lsh(band, bucket);

CREATE TABLE article_signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash BLOB NOT NULL
);

-- Full-text index over jieba-segmented title and text (space-separated words), so that
-- two-character words like 吉利 and 年产 match; see touzi.corpus.segment.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'unicode61');
