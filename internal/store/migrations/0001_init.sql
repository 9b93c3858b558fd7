-- 0001: documents, events, incidents and their history, feed sources, full-text and spatial indexes.
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    canonical_url TEXT,
    content_hash  TEXT NOT NULL,
    url           TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    publisher     TEXT NOT NULL DEFAULT '',
    published     TEXT,
    language      TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL DEFAULT '',
    fetched_at    TEXT NOT NULL,
    duplicate_of  TEXT REFERENCES documents(id)
);
CREATE UNIQUE INDEX documents_canonical_url ON documents(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE UNIQUE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_fetched ON documents(fetched_at, id);

CREATE TABLE events (
    id              TEXT PRIMARY KEY,
    document_id     TEXT NOT NULL REFERENCES documents(id),
    body            TEXT NOT NULL,
    date_start      TEXT,
    date_end        TEXT,
    lat             REAL,
    lon             REAL,
    country         TEXT,
    admin1          TEXT,
    event_type      TEXT,
    sub_event_type  TEXT,
    fatalities_best INTEGER,
    summary         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_date ON events(date_start);

CREATE TABLE incidents (
    rid             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    body            TEXT NOT NULL,
    date_start      TEXT NOT NULL DEFAULT '',
    date_end        TEXT NOT NULL DEFAULT '',
    lat             REAL,
    lon             REAL,
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

CREATE TABLE incident_reports (
    incident_rid INTEGER NOT NULL REFERENCES incidents(rid) ON DELETE CASCADE,
    event_id     TEXT NOT NULL REFERENCES events(id),
    PRIMARY KEY (incident_rid, event_id)
);
CREATE UNIQUE INDEX incident_reports_event ON incident_reports(event_id);

CREATE TABLE incident_changes (
    seq         INTEGER PRIMARY KEY,
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

-- Full-text search over document titles and text, and over event summaries (external content tables).
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE VIRTUAL TABLE events_fts USING fts5(summary, content='events', content_rowid='rowid');

-- Spatial index over incident points for bounding-box queries.
CREATE VIRTUAL TABLE incidents_rtree USING rtree(rid, min_lat, max_lat, min_lon, max_lon);
