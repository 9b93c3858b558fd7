-- 0012: two indexes no query reads: events_date (events by start date: events are read by id, by document and
-- from the full-text index, never by date; incidents carry the dates the listings filter on) and
-- documents_fetched (documents by fetch time: ListDocuments pages by rowid). Every stored event inserted an
-- entry at a random place of events_date, a page more for each batch to write, journal and checkpoint. Counting
-- the events (Counts) now reads events_document, the next smallest index.
DROP INDEX IF EXISTS events_date;
DROP INDEX IF EXISTS documents_fetched;
