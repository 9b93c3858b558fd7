-- 0003 (PostgreSQL only): when PostGIS is installed on the server, enable it (if this role may) and index
-- incident points as geometries; bounding-box queries then use the PostGIS index. Without PostGIS nothing
-- changes and the GiST point index of 0001 serves them.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS postgis;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'sitrep: PostGIS is available but this role may not create it; using the point index';
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') THEN
        EXECUTE 'CREATE INDEX incidents_geom ON incidents USING gist '
            '(ST_SetSRID(ST_MakePoint(lon, lat), 4326)) WHERE lat IS NOT NULL';
    END IF;
END
$$;
