-- 0013: changes no schema and no data. Since this release events.body may hold a span whose text is its
-- document's bytes at its offsets as [start,end] alone (a body that begins with {"spans":"offsets",; readers take
-- the text from documents.text), which a sitrep older than it cannot decode (it fails with a `decode event`
-- error at run time). Recording this migration makes such a sitrep refuse the store when it opens it
-- (ErrNewerStore: a migration it does not know), as SQLite's 0022, of the same release, does.
SELECT 1;
