-- 0007: the listing order index also holds each incident's point, so a listing filtered by a large bounding box
-- walks the index newest first, testing the points there and reading only the rows in the box, instead of
-- collecting and sorting every incident of the box (see readPlan). It replaces incidents_order, whose columns
-- are its prefix, so writes keep the same number of indexes.
DROP INDEX incidents_order;
CREATE INDEX incidents_order_point ON incidents(date_start, rid, lat, lon);
