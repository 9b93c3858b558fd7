-- 0016: an index for the actor filter (a substring of the actors column, see read_residual.go), which 0014 left
-- without one. actor_names holds each distinct name of the actors columns (the column's pieces between its
-- '|'s), incident_actor_names links each name to the incidents whose column holds it. A substring without '|'
-- lies inside one piece, so the incidents linked to the names that contain it are a superset of the incidents
-- that match (the listing still tests the column), and the names are few beside the incidents. The write path
-- (actor_index.go) adds the names and links of a row it inserts or whose actors change; no trigger, no FTS5
-- (whose pending terms, flushed at every statement of a write transaction, cost 15-20% of an ingest's CPU, see
-- 0014). A name that leaves an incident's column keeps its link: the index only needs to select a superset.
-- The backfill splits every row's column on '|'.
CREATE TABLE actor_names (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE incident_actor_names (
    name_id INTEGER NOT NULL,
    rid     INTEGER NOT NULL,
    PRIMARY KEY (name_id, rid)
) WITHOUT ROWID;
CREATE TEMP TABLE actor_pieces AS
    WITH RECURSIVE s(rid, name, rest) AS (
        SELECT rid, NULL, actors || '|' FROM incidents WHERE actors <> ''
        UNION ALL
        SELECT rid, substr(rest, 1, instr(rest, '|') - 1), substr(rest, instr(rest, '|') + 1) FROM s
        WHERE rest <> ''
    )
    SELECT rid, name FROM s WHERE name <> '';
INSERT INTO actor_names (name) SELECT DISTINCT name FROM actor_pieces ORDER BY name;
INSERT OR IGNORE INTO incident_actor_names (name_id, rid)
    SELECT n.id, p.rid FROM actor_pieces p JOIN actor_names n ON n.name = p.name ORDER BY n.id, p.rid;
DROP TABLE actor_pieces;
