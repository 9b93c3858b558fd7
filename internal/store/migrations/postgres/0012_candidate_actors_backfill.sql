-- 0012: the backfill of actor1_key (0011), as SQLite's 0018 does it: incident.Actor1Key computed from each body's
-- actors where SQL folds a name as incident.Actor1Key does (printable ASCII, single inner spaces: translate lowers
-- such a name exactly, where lower() follows the database's locale), else NULL, unknown (the candidate is then
-- read). An incident that a merge rewrote since 0011 gets its key computed again: the same, or NULL.
UPDATE incidents SET actor1_key = (
    SELECT CASE
        WHEN count(*) = 0 THEN ''
        WHEN bool_or(NOT simple) THEN NULL
        ELSE CASE WHEN bool_or(attribution NOT IN ('', 'stated')) THEN '~' ELSE '=' END
            || string_agg(chr(10) || lowered, '' ORDER BY n) END
    FROM (SELECT n, name, kind, attribution,
            translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS lowered,
            (octet_length(name) = char_length(name) AND name !~ '[\x01-\x1f\x7f]' AND name = btrim(name, ' ')
                AND strpos(name, '  ') = 0) AS simple
        FROM (SELECT x.n, coalesce(x.a ->> 'name', '') AS name, coalesce(x.a ->> 'kind', '') AS kind,
                coalesce(x.a ->> 'attribution', '') AS attribution
            FROM jsonb_array_elements(CASE jsonb_typeof(body::jsonb -> 'actors')
                WHEN 'array' THEN body::jsonb -> 'actors' END) WITH ORDINALITY AS x(a, n)
            WHERE jsonb_typeof(x.a) = 'object' AND x.a ->> 'role' = 'actor1') AS r) AS t
    WHERE NOT simple OR (name <> '' AND kind <> 'unknown' AND substr(lowered, 1, 12) <> 'unidentified'
        AND substr(lowered, 1, 7) <> 'unknown'));
