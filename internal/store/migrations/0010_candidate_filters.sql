-- 0010: the candidate indexes (0006) also hold the two columns the candidate query tests besides its index range,
-- date_end and sub_event_type, so SQLite tests them in the index and reads the row (and its body, 3.5 KB on
-- average) only of the incidents that pass. Before, it read the row of every incident in the range of each
-- date class to test them: in a store where many incidents lie near a report, most of these rows, of other
-- sub-types, were read to be dropped. Both indexes are rebuilt, which reads every incident once.
DROP INDEX incidents_cand_geo;
DROP INDEX incidents_cand_country;
CREATE INDEX incidents_cand_geo ON incidents(geo_key, date_class, date_start, date_end, sub_event_type);
CREATE INDEX incidents_cand_country ON incidents(country, date_class, date_start, date_end, sub_event_type);
