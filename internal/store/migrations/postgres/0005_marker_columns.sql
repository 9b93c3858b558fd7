-- 0005 (PostgreSQL): the marker columns of migrations/0004_marker_columns.sql (place name, first actor1, the
-- body's date end), filled from the bodies of existing rows.
ALTER TABLE incidents ADD COLUMN place_name TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN actor1 TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN given_end TEXT NOT NULL DEFAULT '';
UPDATE incidents SET
    place_name = coalesce(body::jsonb #>> '{location,name}', ''),
    actor1 = coalesce((SELECT x.a ->> 'name' FROM jsonb_array_elements(CASE jsonb_typeof(body::jsonb -> 'actors')
        WHEN 'array' THEN body::jsonb -> 'actors' END) WITH ORDINALITY AS x(a, n)
        WHERE x.a ->> 'role' = 'actor1' ORDER BY x.n LIMIT 1), ''),
    given_end = CASE coalesce(body::jsonb #>> '{date,end}', '0001-01-01') WHEN '0001-01-01' THEN ''
        ELSE body::jsonb #>> '{date,end}' END;
