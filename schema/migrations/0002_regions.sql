-- Regions: the national gazetteer (touzi.schema.gazetteer) as a table, one row per version.
-- Divisions (province, city, county) carry their GB/T 2260 code and the years the version
-- was in force (valid_to NULL = in force now); towns carry their NBS nine-digit code; zones
-- carry their holding county's (or city's) adcode. `adcode` is always the six-digit code a
-- record would use for the row: its own for a division, its county's for a town or zone.
CREATE TABLE regions (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,             -- adcode (divisions), NBS code (towns), zone name (zones)
    level TEXT NOT NULL,            -- province | city | county | town | zone
    kind TEXT,                      -- prefecture_city, district, county_city, town, 高新区, …
    name TEXT NOT NULL,             -- full official name (长兴县, 崇福镇, 桐乡经济开发区)
    short TEXT,                     -- name without its unit word (长兴), '' when none
    adcode TEXT NOT NULL,
    parent_adcode TEXT,             -- the enclosing division's adcode
    province TEXT,                  -- full names of the chain, as records write them
    city TEXT,
    county TEXT,
    valid_from INTEGER,             -- first year-end list the version is on
    valid_to INTEGER,               -- last year-end list it is on; NULL = still in force
    source TEXT
);
CREATE UNIQUE INDEX regions_version ON regions(level, code, coalesce(valid_from, 0));
CREATE INDEX regions_adcode ON regions(adcode);
CREATE INDEX regions_name ON regions(name);
CREATE INDEX regions_short ON regions(short);
