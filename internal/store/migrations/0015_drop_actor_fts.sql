-- 0015: drop the FTS5 trigram index of actor names and its triggers, which an earlier version of 0014 created
-- (a development build between two releases): nothing reads it, and keeping it cost 15-20% of the CPU of an
-- ingest into a large store (see 0014). On every other store this does nothing.
DROP TRIGGER IF EXISTS incidents_actors_fts_insert;
DROP TRIGGER IF EXISTS incidents_actors_fts_delete;
DROP TRIGGER IF EXISTS incidents_actors_fts_update;
DROP TABLE IF EXISTS incidents_actors_fts;
