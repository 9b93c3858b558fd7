-- 0014: indexes for the listing filters that the order indexes do not serve (see read_residual.go). A listing
-- walks an order index newest first and tests such a filter on each row; when few incidents pass it, the walk
-- read most of the table (a million-incident store: 6 s for min_fatalities=50 or an admin1 no incident has).
-- The listing now counts, through these indexes, the incidents each such filter selects, and collects the few
-- through the index and sorts them instead.
--   incidents_admin1 replaces incidents_country (country, admin1, date_start): the same seeks for a country
--   and an admin1, and an admin1 without a country has one too (a country alone has incidents_country_order).
--   incidents_end_class replaces incidents_end (date_end): date_end >= a date is four ranges of it, one per
--   date class, and so is date_end between a date and another widened by the class's longest interval.
--   The actor filter (a substring of a name) has no index here: an FTS5 trigram index of the actors column,
--   kept by triggers or by the write path, made FTS5 write its pending terms out at every statement of a
--   write transaction and cost 15-20% of the CPU of an ingest into a million-incident store. PostgreSQL has
--   one (pg_trgm, migration 0009).
DROP INDEX IF EXISTS incidents_country;
CREATE INDEX incidents_admin1 ON incidents(admin1, country, date_start);
DROP INDEX IF EXISTS incidents_end;
CREATE INDEX incidents_end_class ON incidents(date_class, date_end, date_start);
CREATE INDEX incidents_fatalities ON incidents(fatalities_best);
