-- 0003: indexes that serve ListIncidents' order (date_start DESC, rid DESC) under an equality filter on country,
-- event type or sub-event type, so a filtered page reads a range of the index instead of sorting every match.
CREATE INDEX incidents_country_order ON incidents(country, date_start, rid);
CREATE INDEX incidents_type_order ON incidents(event_type, date_start, rid);
CREATE INDEX incidents_subtype_order ON incidents(sub_event_type, date_start, rid);
