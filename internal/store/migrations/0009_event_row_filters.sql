-- 0009: incident_event_rows (0008) also carries its incident's filter columns (country, event type, sub-event
-- type), as PostgreSQL's incident_event_words does (postgres/0007), and the index incident_event_rows_country
-- holds each event's rowid under its country. A text query under a filter then keeps only the matches under it
-- on this narrow table, by testing each match's row here or, under a country, by reading that country's range of
-- the index against the set of matches, instead of reading every match's incident (or every incident of the
-- country) to test the filter: a word common in the store but rare under the filter cost tens of milliseconds.
-- The table is rebuilt with the new columns. Triggers on incident_reports (link, unlink, relink) and on
-- incidents (a merge or a split changing the filter columns) keep it equal to the join of incident_reports,
-- events, documents and incidents (events are never deleted and keep their rowid and document).
DROP TRIGGER incident_event_rows_link;
DROP TRIGGER incident_event_rows_unlink;
DROP TRIGGER incident_event_rows_relink;
DROP TABLE incident_event_rows;
CREATE TABLE incident_event_rows (
    event_rowid    INTEGER PRIMARY KEY,
    incident_rid   INTEGER NOT NULL,
    document_rowid INTEGER NOT NULL,
    country        TEXT NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL
);
INSERT INTO incident_event_rows (event_rowid, incident_rid, document_rowid, country, event_type, sub_event_type)
    SELECT e.rowid, ir.incident_rid, d.rowid, i.country, i.event_type, i.sub_event_type FROM incident_reports ir
    JOIN events e ON e.id = ir.event_id JOIN documents d ON d.id = e.document_id
    JOIN incidents i ON i.rid = ir.incident_rid ORDER BY e.rowid;
CREATE INDEX incident_event_rows_incident ON incident_event_rows(incident_rid, document_rowid);
CREATE INDEX incident_event_rows_country ON incident_event_rows(country);
CREATE TRIGGER incident_event_rows_link AFTER INSERT ON incident_reports BEGIN
    INSERT INTO incident_event_rows (event_rowid, incident_rid, document_rowid, country, event_type, sub_event_type)
        SELECT e.rowid, NEW.incident_rid, d.rowid, i.country, i.event_type, i.sub_event_type
        FROM events e JOIN documents d ON d.id = e.document_id JOIN incidents i ON i.rid = NEW.incident_rid
        WHERE e.id = NEW.event_id;
END;
CREATE TRIGGER incident_event_rows_unlink AFTER DELETE ON incident_reports BEGIN
    DELETE FROM incident_event_rows WHERE event_rowid = (SELECT rowid FROM events WHERE id = OLD.event_id);
END;
CREATE TRIGGER incident_event_rows_relink AFTER UPDATE ON incident_reports BEGIN
    DELETE FROM incident_event_rows WHERE event_rowid = (SELECT rowid FROM events WHERE id = OLD.event_id);
    INSERT INTO incident_event_rows (event_rowid, incident_rid, document_rowid, country, event_type, sub_event_type)
        SELECT e.rowid, NEW.incident_rid, d.rowid, i.country, i.event_type, i.sub_event_type
        FROM events e JOIN documents d ON d.id = e.document_id JOIN incidents i ON i.rid = NEW.incident_rid
        WHERE e.id = NEW.event_id;
END;
CREATE TRIGGER incident_event_rows_filters AFTER UPDATE OF country, event_type, sub_event_type ON incidents
    WHEN OLD.country IS NOT NEW.country OR OLD.event_type IS NOT NEW.event_type
        OR OLD.sub_event_type IS NOT NEW.sub_event_type BEGIN
    UPDATE incident_event_rows SET country = NEW.country, event_type = NEW.event_type,
        sub_event_type = NEW.sub_event_type WHERE incident_rid = NEW.rid;
END;
