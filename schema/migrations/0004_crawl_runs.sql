-- Crawls: one row per site crawl (a `touzi crawl` of three sites writes three rows), the
-- failures each met, and every article URL the crawler has settled, so that a URL is never
-- fetched twice even when its content was already stored from another address.
CREATE TABLE crawl_runs (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,                -- site config name (spiders/sites/NAME.toml)
    status TEXT NOT NULL,              -- running | finished | stopped | failed | interrupted
    close_reason TEXT,                 -- Scrapy's reason: finished, shutdown, closespider_…
    pid INTEGER,                       -- process that ran it (to tell a killed run from a live one)
    started_at TEXT NOT NULL,
    finished_at TEXT,
    options TEXT,                      -- JSON: since, max_pages, extract, jobdir, resumed
    pages_fetched INTEGER NOT NULL DEFAULT 0,
    articles_new INTEGER NOT NULL DEFAULT 0,
    articles_known INTEGER NOT NULL DEFAULT 0,
    articles_failed INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    report TEXT                        -- JSON: the full crawl report (see touzi.spiders.report)
);
CREATE INDEX crawl_runs_site ON crawl_runs(site, id);

CREATE TABLE crawl_errors (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES crawl_runs(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    kind TEXT NOT NULL,                -- http_404, timeout, connection_lost, redirect_loop, …
    detail TEXT,
    at TEXT NOT NULL
);
CREATE INDEX crawl_errors_run ON crawl_errors(run_id);
CREATE INDEX crawl_errors_url ON crawl_errors(url);

-- Article URLs as the crawler left them. `settled` ones are never fetched again: stored
-- (new | known | failed), gone (HTTP 404/410), blocked (robots.txt), skipped (not HTML), or
-- given up after repeated transient errors; `error` rows are retried by the next crawl.
CREATE TABLE crawl_urls (
    url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    status TEXT NOT NULL,              -- new | known | failed | gone | blocked | skipped | error
    settled INTEGER NOT NULL,          -- 1: never fetch again; 0: try again next crawl
    article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    first_run INTEGER,
    last_run INTEGER,
    updated_at TEXT NOT NULL
);
CREATE INDEX crawl_urls_site ON crawl_urls(site);
