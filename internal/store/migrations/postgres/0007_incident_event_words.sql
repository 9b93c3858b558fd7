-- 0007 (PostgreSQL): the words of each linked event's summary with its incident's row id, its document's row id
-- and the incident's filter columns (country, event type, sub-event type), one row per row of incident_reports.
-- A full-text condition reads the incidents matching the words from this narrow table, instead of reading the
-- row of every matching event (a wide table) and then incident_reports by its id; and since the filter columns
-- are here, PostgreSQL reads only the matches under a country or type filter (a bitmap AND of the GIN index and
-- the filter's index), not every match in the store, each tested on its incident's row: a word common in the
-- store but rare under a filter cost hundreds of milliseconds. Triggers keep the table equal to the join of
-- incident_reports, events, documents and incidents (events are never deleted and never change).
CREATE TABLE incident_event_words (
    incident_rid   BIGINT NOT NULL,
    event_id       TEXT NOT NULL,
    document_rowid BIGINT NOT NULL,
    country        TEXT NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    tsv            tsvector NOT NULL
);
INSERT INTO incident_event_words (incident_rid, event_id, document_rowid, country, event_type, sub_event_type, tsv)
    SELECT ir.incident_rid, e.id, d.rowid, i.country, i.event_type, i.sub_event_type, e.tsv
    FROM incident_reports ir JOIN events e ON e.id = ir.event_id JOIN documents d ON d.id = e.document_id
    JOIN incidents i ON i.rid = ir.incident_rid ORDER BY ir.incident_rid;
CREATE INDEX incident_event_words_incident ON incident_event_words(incident_rid);
CREATE INDEX incident_event_words_document ON incident_event_words(document_rowid);
CREATE INDEX incident_event_words_country ON incident_event_words(country);
CREATE INDEX incident_event_words_type ON incident_event_words(event_type);
CREATE INDEX incident_event_words_subtype ON incident_event_words(sub_event_type);
CREATE INDEX incident_event_words_tsv ON incident_event_words USING gin(tsv);

CREATE FUNCTION incident_event_words_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        DELETE FROM incident_event_words WHERE incident_rid = OLD.incident_rid AND event_id = OLD.event_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO incident_event_words (incident_rid, event_id, document_rowid, country, event_type,
            sub_event_type, tsv)
        SELECT NEW.incident_rid, e.id, d.rowid, i.country, i.event_type, i.sub_event_type, e.tsv
        FROM events e JOIN documents d ON d.id = e.document_id JOIN incidents i ON i.rid = NEW.incident_rid
        WHERE e.id = NEW.event_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER incident_event_words_link AFTER INSERT OR UPDATE OR DELETE ON incident_reports
    FOR EACH ROW EXECUTE FUNCTION incident_event_words_link();

CREATE FUNCTION incident_event_words_filters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE incident_event_words SET country = NEW.country, event_type = NEW.event_type,
        sub_event_type = NEW.sub_event_type WHERE incident_rid = NEW.rid;
    RETURN NULL;
END
$$;
CREATE TRIGGER incident_event_words_filters AFTER UPDATE OF country, event_type, sub_event_type ON incidents
    FOR EACH ROW WHEN (OLD.country IS DISTINCT FROM NEW.country OR OLD.event_type IS DISTINCT FROM NEW.event_type
        OR OLD.sub_event_type IS DISTINCT FROM NEW.sub_event_type)
    EXECUTE FUNCTION incident_event_words_filters();
