-- 0017: drop incidents_type (event_type, sub_event_type, date_start), from 0001. Since 0003 every listing, map and
-- timeline under a type or sub-type filter reads incidents_type_order or incidents_subtype_order instead, and
-- nothing names it; but every incident inserted, and every merge that changes a type or the start date, still
-- wrote an entry in it. Without it an ingest of 1,000 documents into a store of a million incidents makes 7%
-- fewer page writes (81,200 -> 75,531 pwrite calls), and the listings of BenchmarkQueries1M are unchanged.
DROP INDEX IF EXISTS incidents_type;
