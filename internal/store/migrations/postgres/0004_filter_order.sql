-- 0004 (PostgreSQL): the indexes of migrations/0003_filter_order.sql, which serve ListIncidents' order under an
-- equality filter on country, event type or sub-event type. (0003 is the PostgreSQL-only PostGIS migration.)
CREATE INDEX incidents_country_order ON incidents(country, date_start, rid);
CREATE INDEX incidents_type_order ON incidents(event_type, date_start, rid);
CREATE INDEX incidents_subtype_order ON incidents(sub_event_type, date_start, rid);
