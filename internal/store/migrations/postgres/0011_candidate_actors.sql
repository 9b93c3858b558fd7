-- 0011: actor1_key, as SQLite's 0018: incident.Actor1Key of each incident's actors, which the write path sets
-- (incidents_write.go) and a candidate query tests before it reads the incident's row (readCandidates). The
-- existing incidents keep it NULL, unknown, and are read as before until a merge writes their row again.
ALTER TABLE incidents ADD COLUMN actor1_key TEXT;
