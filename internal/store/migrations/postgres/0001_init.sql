-- 0001 (PostgreSQL): the tables of migrations/0001_init.sql. Differences: identity columns stand in for SQLite's
-- rowid, full-text search is a generated tsvector column with a GIN index (ASCII punctuation read as spaces, as
-- SQLite's unicode61 tokenizer does, so "Air/drone" finds "drone"), and the spatial index is a GiST index on
-- point(lon, lat) instead of an R*Tree. Dates stay ISO text in the "C" collation, so they sort as in SQLite.
CREATE TABLE documents (
    rowid         BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id            TEXT PRIMARY KEY,
    canonical_url TEXT,
    content_hash  TEXT NOT NULL,
    url           TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    publisher     TEXT NOT NULL DEFAULT '',
    published     TEXT COLLATE "C",
    language      TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL DEFAULT '',
    fetched_at    TEXT COLLATE "C" NOT NULL,
    duplicate_of  TEXT REFERENCES documents(id),
    tsv           tsvector GENERATED ALWAYS AS (to_tsvector('simple',
                      regexp_replace(left(title || ' ' || text, 300000), '[[:punct:]]+', ' ', 'g'))) STORED
);
CREATE UNIQUE INDEX documents_canonical_url ON documents(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE UNIQUE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_fetched ON documents(fetched_at, id);
CREATE INDEX documents_tsv ON documents USING gin(tsv);

CREATE TABLE events (
    id              TEXT PRIMARY KEY,
    document_id     TEXT NOT NULL REFERENCES documents(id),
    body            TEXT NOT NULL,
    date_start      TEXT COLLATE "C",
    date_end        TEXT COLLATE "C",
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    country         TEXT,
    admin1          TEXT,
    event_type      TEXT,
    sub_event_type  TEXT,
    fatalities_best INTEGER,
    summary         TEXT NOT NULL DEFAULT '',
    tsv             tsvector GENERATED ALWAYS AS (to_tsvector('simple',
                        regexp_replace(summary, '[[:punct:]]+', ' ', 'g'))) STORED
);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_tsv ON events USING gin(tsv);

CREATE TABLE incidents (
    rid             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    body            TEXT NOT NULL,
    date_start      TEXT COLLATE "C" NOT NULL DEFAULT '',
    date_end        TEXT COLLATE "C" NOT NULL DEFAULT '',
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    loc_precision   TEXT NOT NULL DEFAULT '',
    country         TEXT NOT NULL DEFAULT '',
    admin1          TEXT NOT NULL DEFAULT '',
    event_type      TEXT NOT NULL DEFAULT '',
    sub_event_type  TEXT NOT NULL DEFAULT '',
    actors          TEXT NOT NULL DEFAULT '',
    fatalities_best INTEGER,
    updated         TEXT NOT NULL
);
CREATE INDEX incidents_order ON incidents(date_start, rid);
CREATE INDEX incidents_end ON incidents(date_end);
CREATE INDEX incidents_country ON incidents(country, admin1, date_start);
CREATE INDEX incidents_type ON incidents(event_type, sub_event_type, date_start);
CREATE INDEX incidents_point ON incidents USING gist (point(lon, lat)) WHERE lat IS NOT NULL;

CREATE TABLE incident_reports (
    incident_rid BIGINT NOT NULL REFERENCES incidents(rid) ON DELETE CASCADE,
    event_id     TEXT NOT NULL REFERENCES events(id),
    PRIMARY KEY (incident_rid, event_id)
);
CREATE UNIQUE INDEX incident_reports_event ON incident_reports(event_id);

CREATE TABLE incident_changes (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id TEXT NOT NULL,
    body        TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX incident_changes_incident ON incident_changes(incident_id, seq);

CREATE TABLE sources (
    url           TEXT PRIMARY KEY,
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    last_error    TEXT NOT NULL DEFAULT '',
    next_poll     TEXT NOT NULL DEFAULT '',
    added         TEXT NOT NULL
);
