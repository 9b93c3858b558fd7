-- 0008 (PostgreSQL): the date classes (0006) that some incident has or had, besides 0. A candidate query has an
-- arm per date class and geographic key, each a scan of incidents_cand_geo or incidents_cand_country; most
-- incidents are of class 0, so most arms of the other classes found nothing. The write path reads this table
-- under its write lock and binds NULL as the lowest start of each class it does not hold, which skips that
-- class's arms. A trigger adds the class of each incident row inserted or given new dates; none is ever removed
-- (a class that no incident has any more costs only its scans). Class 0 is always searched and not recorded.
CREATE TABLE incident_date_classes (date_class INTEGER PRIMARY KEY);
INSERT INTO incident_date_classes (date_class) SELECT DISTINCT date_class FROM incidents WHERE date_class <> 0;

CREATE FUNCTION incident_date_classes_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO incident_date_classes (date_class) VALUES (NEW.date_class) ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER incident_date_classes_insert AFTER INSERT ON incidents
    FOR EACH ROW WHEN (NEW.date_class <> 0) EXECUTE FUNCTION incident_date_classes_add();
CREATE TRIGGER incident_date_classes_update AFTER UPDATE OF date_start, date_end ON incidents
    FOR EACH ROW WHEN (NEW.date_class <> 0) EXECUTE FUNCTION incident_date_classes_add();
