-- 0004: what a map marker shows beyond the indexed columns, so Markers reads no incident body: the place name,
-- the first actor1's name and the date end as the body gives it (date_end is clamped to date_start). Existing
-- rows are filled from their bodies.
ALTER TABLE incidents ADD COLUMN place_name TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN actor1 TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN given_end TEXT NOT NULL DEFAULT '';
UPDATE incidents SET
    place_name = coalesce(json_extract(body, '$.location.name'), ''),
    actor1 = coalesce((SELECT json_extract(a.value, '$.name') FROM json_each(body, '$.actors') a
        WHERE json_extract(a.value, '$.role') = 'actor1' ORDER BY a.key LIMIT 1), ''),
    given_end = CASE coalesce(json_extract(body, '$.date.end'), '0001-01-01') WHEN '0001-01-01' THEN ''
        ELSE json_extract(body, '$.date.end') END;
