-- 0009 (PostgreSQL): indexes for the listing filters that the order indexes do not serve (see
-- read_residual.go). A listing walks an order index newest first and tests such a filter on each row; when few
-- incidents pass it, the walk read most of the table (a million-incident store: 45 s for min_fatalities=50,
-- 15 s for an actor no incident has). The listing now counts, through these indexes, the incidents each such
-- filter selects, and collects the few through the index and sorts them instead.
--   incidents_admin1 replaces incidents_country (country, admin1, date_start): the same seeks for a country
--   and an admin1, and an admin1 without a country has one too (a country alone has incidents_country_order).
--   incidents_end_class replaces incidents_end (date_end): date_end >= a date is four ranges of it, one per
--   date class, and so is date_end between a date and another widened by the class's longest interval.
--   incidents_actors_trgm is a trigram index (pg_trgm, a trusted extension shipped with PostgreSQL) of the
--   actors column, which serves the actor filter, a substring of a name, as LIKE '%name%'. As with PostGIS
--   (0003), when the server lacks pg_trgm or this role may not create it, there is no such index and the actor
--   filter walks the order index (OpenPostgres looks for the index).
DROP INDEX IF EXISTS incidents_country;
CREATE INDEX incidents_admin1 ON incidents(admin1, country, date_start);
DROP INDEX IF EXISTS incidents_end;
CREATE INDEX incidents_end_class ON incidents(date_class, date_end, date_start);
CREATE INDEX incidents_fatalities ON incidents(fatalities_best);
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'sitrep: pg_trgm is available but this role may not create it; no actor index';
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX incidents_actors_trgm ON incidents USING gin (actors gin_trgm_ops)';
    END IF;
END
$$;
