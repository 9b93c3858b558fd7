-- 0006: merge candidates are found through an index whose cost does not grow with the record. Each incident gets
-- a geographic key, its 2x2-degree cell ("g:<lat cell>:<lon cell>") or, without a point or with only a country,
-- its country ("c:<ISO2>"), and a class of date interval length (0: up to 8 days, 1: 40, 2: 400, 3: longer or
-- unknown). The candidate query reads, for each class, the incidents of the few keys around a report whose start
-- falls in the report's date window widened by the class's longest interval. The interval length counts every
-- month as 31 days and every year as 372, which never undercounts (a longer class only widens the search).
DROP INDEX IF EXISTS incidents_unplaced;
ALTER TABLE incidents ADD COLUMN geo_key TEXT COLLATE "C" GENERATED ALWAYS AS (
    CASE WHEN lat IS NOT NULL AND loc_precision <> 'country'
        THEN 'g:' || (trunc((lat + 90) / 2)::int)::text || ':' || (trunc((lon + 180) / 2)::int)::text
        ELSE 'c:' || country END) STORED;
ALTER TABLE incidents ADD COLUMN date_class INTEGER GENERATED ALWAYS AS (
    CASE WHEN date_start !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' OR date_end !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN 3
        ELSE CASE
            WHEN (substr(date_end, 1, 4)::int * 372 + substr(date_end, 6, 2)::int * 31 + substr(date_end, 9, 2)::int)
                - (substr(date_start, 1, 4)::int * 372 + substr(date_start, 6, 2)::int * 31
                + substr(date_start, 9, 2)::int) <= 8 THEN 0
            WHEN (substr(date_end, 1, 4)::int * 372 + substr(date_end, 6, 2)::int * 31 + substr(date_end, 9, 2)::int)
                - (substr(date_start, 1, 4)::int * 372 + substr(date_start, 6, 2)::int * 31
                + substr(date_start, 9, 2)::int) <= 40 THEN 1
            WHEN (substr(date_end, 1, 4)::int * 372 + substr(date_end, 6, 2)::int * 31 + substr(date_end, 9, 2)::int)
                - (substr(date_start, 1, 4)::int * 372 + substr(date_start, 6, 2)::int * 31
                + substr(date_start, 9, 2)::int) <= 400 THEN 2
            ELSE 3 END END) STORED;
CREATE INDEX incidents_cand_geo ON incidents(geo_key, date_class, date_start);
CREATE INDEX incidents_cand_country ON incidents(country, date_class, date_start);
