-- 0013: the date classes (0006) that some incident has or had, besides 0. A candidate query has an arm per date
-- class and geographic key, each a seek down incidents_cand_geo or incidents_cand_country; most incidents are of
-- class 0 (6,411 of 6,444 over the 5,000-document bench corpus, none of class 2 or 3), so about half of all
-- seeks found nothing. The write path reads this table under its write lock and binds NULL as the lowest start
-- of each class it does not hold, which skips that class's arms without a seek. A trigger adds the class of each
-- incident row inserted or given new dates; none is ever removed (a class that no incident has any more costs
-- only its seeks). Class 0 is always searched and not recorded.
CREATE TABLE incident_date_classes (date_class INTEGER PRIMARY KEY);
INSERT INTO incident_date_classes (date_class) SELECT DISTINCT date_class FROM incidents WHERE date_class <> 0;
CREATE TRIGGER incident_date_classes_insert AFTER INSERT ON incidents WHEN NEW.date_class <> 0
BEGIN
    INSERT OR IGNORE INTO incident_date_classes (date_class) VALUES (NEW.date_class);
END;
CREATE TRIGGER incident_date_classes_update AFTER UPDATE OF date_start, date_end ON incidents
    WHEN NEW.date_class <> 0
BEGIN
    INSERT OR IGNORE INTO incident_date_classes (date_class) VALUES (NEW.date_class);
END;
