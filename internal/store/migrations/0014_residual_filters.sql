-- 0014: indexes for the listing filters that the order indexes do not serve (see read_residual.go). A listing
-- walks an order index newest first and tests such a filter on each row; when few incidents pass it, the walk
-- read most of the table (a million-incident store: 6 s for min_fatalities=50, an admin1 no incident has or an
-- actor no incident has). The listing now counts, through these indexes, the incidents each such filter selects,
-- and collects the few through the index and sorts them instead.
--   incidents_admin1 replaces incidents_country (country, admin1, date_start): the same seeks for a country
--   and an admin1, and an admin1 without a country has one too (a country alone has incidents_country_order).
--   incidents_end_class replaces incidents_end (date_end): date_end >= a date is four ranges of it, one per
--   date class, and so is date_end between a date and another widened by the class's longest interval.
--   incidents_actors_fts is a trigram index of the actors column (lower-case names between bars), which
--   serves the actor filter, a substring of a name, as LIKE '%name%'. Triggers keep it; it reads the names
--   from incidents (external content), so it holds no copy of them.
DROP INDEX IF EXISTS incidents_country;
CREATE INDEX incidents_admin1 ON incidents(admin1, country, date_start);
DROP INDEX IF EXISTS incidents_end;
CREATE INDEX incidents_end_class ON incidents(date_class, date_end, date_start);
CREATE INDEX incidents_fatalities ON incidents(fatalities_best);
CREATE VIRTUAL TABLE incidents_actors_fts USING fts5(actors, content='incidents', content_rowid='rid',
    tokenize='trigram', detail='none');
INSERT INTO incidents_actors_fts(incidents_actors_fts) VALUES ('rebuild');
CREATE TRIGGER incidents_actors_fts_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO incidents_actors_fts(rowid, actors) VALUES (NEW.rid, NEW.actors);
END;
CREATE TRIGGER incidents_actors_fts_delete AFTER DELETE ON incidents BEGIN
    INSERT INTO incidents_actors_fts(incidents_actors_fts, rowid, actors) VALUES ('delete', OLD.rid, OLD.actors);
END;
CREATE TRIGGER incidents_actors_fts_update AFTER UPDATE OF actors ON incidents BEGIN
    INSERT INTO incidents_actors_fts(incidents_actors_fts, rowid, actors) VALUES ('delete', OLD.rid, OLD.actors);
    INSERT INTO incidents_actors_fts(rowid, actors) VALUES (NEW.rid, NEW.actors);
END;
