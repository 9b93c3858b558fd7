-- 0008: the incident and the document of each linked event, keyed by the event's rowid, the key under which the
-- full-text index events_fts gives its matches (documents_fts gives the document's rowid). A text query maps a
-- matching event to its incident with one lookup in this small table, and checks an incident's words by looking
-- up its events here (index incident_event_rows_incident), instead of reading the event's row for its id and
-- document and then incident_reports by that id: reads in large tables per match or per row, which made a word
-- common in the store but rare among the filtered rows cost hundreds of milliseconds. Triggers on
-- incident_reports keep the table equal to the join of incident_reports, events and documents (events are never
-- deleted and keep their rowid and document).
CREATE TABLE incident_event_rows (
    event_rowid    INTEGER PRIMARY KEY,
    incident_rid   INTEGER NOT NULL,
    document_rowid INTEGER NOT NULL
);
INSERT INTO incident_event_rows (event_rowid, incident_rid, document_rowid)
    SELECT e.rowid, ir.incident_rid, d.rowid FROM incident_reports ir JOIN events e ON e.id = ir.event_id
    JOIN documents d ON d.id = e.document_id ORDER BY e.rowid;
CREATE INDEX incident_event_rows_incident ON incident_event_rows(incident_rid, document_rowid);
CREATE TRIGGER incident_event_rows_link AFTER INSERT ON incident_reports BEGIN
    INSERT INTO incident_event_rows (event_rowid, incident_rid, document_rowid)
        SELECT e.rowid, NEW.incident_rid, d.rowid FROM events e JOIN documents d ON d.id = e.document_id
        WHERE e.id = NEW.event_id;
END;
CREATE TRIGGER incident_event_rows_unlink AFTER DELETE ON incident_reports BEGIN
    DELETE FROM incident_event_rows WHERE event_rowid = (SELECT rowid FROM events WHERE id = OLD.event_id);
END;
CREATE TRIGGER incident_event_rows_relink AFTER UPDATE ON incident_reports BEGIN
    DELETE FROM incident_event_rows WHERE event_rowid = (SELECT rowid FROM events WHERE id = OLD.event_id);
    INSERT INTO incident_event_rows (event_rowid, incident_rid, document_rowid)
        SELECT e.rowid, NEW.incident_rid, d.rowid FROM events e JOIN documents d ON d.id = e.document_id
        WHERE e.id = NEW.event_id;
END;
