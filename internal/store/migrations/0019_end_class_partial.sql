-- 0019: incidents_end_class (0014) holds only the incidents of date classes 1 to 3. It was the index an ingest
-- into a store of a million incidents wrote most (1,210 of 11,538 distinct pages changed by 1,000 documents):
-- every incident inserted, and every merge that moves its end, wrote an entry, at a random leaf since dates are
-- spread. Yet almost every incident is of class 0 (up to 8 days), and a class-0 incident that ends on or after a
-- date starts at most 8 days before it, so the listings read class 0 as a range of starts in the order index
-- incidents_order_point instead (see fromIndex in read_residual.go). The class-3 bound of a walk under From
-- (fromLowBound) reads class 3 only.
DROP INDEX IF EXISTS incidents_end_class;
CREATE INDEX incidents_end_class ON incidents(date_class, date_end, date_start) WHERE date_class > 0;
