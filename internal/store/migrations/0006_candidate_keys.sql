-- 0006: merge candidates are found through an index whose cost does not grow with the record. Each incident gets
-- a geographic key, its 2x2-degree cell ("g:<lat cell>:<lon cell>") or, without a point or with only a country,
-- its country ("c:<ISO2>"), and a class of date interval length (0: up to 8 days, 1: 40, 2: 400, 3: longer or
-- unknown). The candidate query reads, for each class, the incidents of the few keys around a report whose start
-- falls in the report's date window widened by the class's longest interval. Both columns are computed by SQLite.
DROP INDEX IF EXISTS incidents_unplaced;
ALTER TABLE incidents ADD COLUMN geo_key TEXT GENERATED ALWAYS AS (
    CASE WHEN lat IS NOT NULL AND loc_precision <> 'country'
        THEN 'g:' || CAST((lat + 90) / 2 AS INTEGER) || ':' || CAST((lon + 180) / 2 AS INTEGER)
        ELSE 'c:' || country END) VIRTUAL;
ALTER TABLE incidents ADD COLUMN date_class INTEGER GENERATED ALWAYS AS (
    CASE WHEN julianday(date_end) - julianday(date_start) <= 8 THEN 0
        WHEN julianday(date_end) - julianday(date_start) <= 40 THEN 1
        WHEN julianday(date_end) - julianday(date_start) <= 400 THEN 2
        ELSE 3 END) VIRTUAL;
CREATE INDEX incidents_cand_geo ON incidents(geo_key, date_class, date_start);
CREATE INDEX incidents_cand_country ON incidents(country, date_class, date_start);
