-- 0011: actor1_key, as SQLite's 0018: incident.Actor1Key of each incident's actors, which the write path sets
-- (incidents_write.go) and a candidate query tests before it reads the incident's row (readCandidates). NULL is
-- unknown: such an incident is read as before. 0012 fills it for the existing incidents.
ALTER TABLE incidents ADD COLUMN actor1_key TEXT;
