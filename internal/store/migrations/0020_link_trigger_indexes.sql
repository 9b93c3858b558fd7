-- 0020: the triggers that keep incident_event_rows (0009) name the indexes they read events and documents by. On
-- the statistics of a store analysed while small (PRAGMA optimize when the store opens), SQLite's planner read
-- every row of events for each report linked (two rows, said the statistics) instead of seeking its id, so an
-- ingest into such a store grew quadratically until the statistics were refreshed, a minute later at the
-- earliest: 1,000 documents into a store that held one took 1.6 ms of CPU a document, against 1.1 ms into an
-- empty one.
DROP TRIGGER IF EXISTS incident_event_rows_link;
DROP TRIGGER IF EXISTS incident_event_rows_unlink;
DROP TRIGGER IF EXISTS incident_event_rows_relink;
CREATE TRIGGER incident_event_rows_link AFTER INSERT ON incident_reports BEGIN
    INSERT INTO incident_event_rows (event_rowid, incident_rid, document_rowid, country, event_type, sub_event_type)
        SELECT e.rowid, NEW.incident_rid, d.rowid, i.country, i.event_type, i.sub_event_type
        FROM events e INDEXED BY sqlite_autoindex_events_1
        JOIN documents d INDEXED BY sqlite_autoindex_documents_1 ON d.id = e.document_id
        JOIN incidents i ON i.rid = NEW.incident_rid
        WHERE e.id = NEW.event_id;
END;
CREATE TRIGGER incident_event_rows_unlink AFTER DELETE ON incident_reports BEGIN
    DELETE FROM incident_event_rows
        WHERE event_rowid = (SELECT rowid FROM events INDEXED BY sqlite_autoindex_events_1 WHERE id = OLD.event_id);
END;
CREATE TRIGGER incident_event_rows_relink AFTER UPDATE ON incident_reports BEGIN
    DELETE FROM incident_event_rows
        WHERE event_rowid = (SELECT rowid FROM events INDEXED BY sqlite_autoindex_events_1 WHERE id = OLD.event_id);
    INSERT INTO incident_event_rows (event_rowid, incident_rid, document_rowid, country, event_type, sub_event_type)
        SELECT e.rowid, NEW.incident_rid, d.rowid, i.country, i.event_type, i.sub_event_type
        FROM events e INDEXED BY sqlite_autoindex_events_1
        JOIN documents d INDEXED BY sqlite_autoindex_documents_1 ON d.id = e.document_id
        JOIN incidents i ON i.rid = NEW.incident_rid
        WHERE e.id = NEW.event_id;
END;
