-- 0021: one index on incidents by country serves both the country listings and the merge candidates of a report
-- without a point. incidents_country_order (country, date_start, rid) ordered the listings under a country, and
-- incidents_cand_country (country, date_class, date_start, date_end, sub_event_type, actor1_key, 0018) held the
-- candidates; an ingest wrote an entry of each for every incident inserted and every merge that moved its
-- dates (1,000 documents into a store of a million incidents: 1,525 distinct pages of incidents_cand_country
-- and 530 of incidents_country_order changed). Yet almost every incident is of date class 0 (up to 8 days),
-- whose candidates are one range of starts under a country. So incidents_country_order now also holds
-- date_class, date_end, sub_event_type and actor1_key, after the listing order (listings read it as before),
-- and the candidate query reads class 0 there, from its index entries only (candidateQuery); the candidates of
-- classes 1 to 3 are read through incidents_cand_country, which now holds only those (see
-- dialect.countryClassPartial), as incidents_end_class does since 0019.
DROP INDEX IF EXISTS incidents_cand_country;
DROP INDEX IF EXISTS incidents_country_order;
CREATE INDEX incidents_country_order ON incidents(country, date_start, rid, date_class, date_end, sub_event_type,
    actor1_key);
CREATE INDEX incidents_cand_country ON incidents(country, date_class, date_start, date_end, sub_event_type,
    actor1_key) WHERE date_class > 0;
