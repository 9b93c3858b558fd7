-- 0010: drop incidents_type (event_type, sub_event_type, date_start), from 0001, as SQLite's 0017 does: the type
-- and sub-type filters read incidents_type_order and incidents_subtype_order (0004) instead, and each write of
-- an incident's type or start date no longer updates it.
DROP INDEX IF EXISTS incidents_type;
