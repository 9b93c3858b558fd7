-- 0022: drop incidents_type_order (event_type, date_start, rid), from 0003. Every incident stored wrote an entry in
-- it: an ingest of 1,000 documents into a store of a million incidents changed 809 of its pages (of 11,513). A
-- listing under an event-type filter reads instead the ranges of its sub-types in incidents_subtype_order, merged
-- in listing order (read_type.go), and the incidents whose sub-type is empty, outside the taxonomy or another
-- type's from incidents_type_other, which holds only those: none in a store the extractor wrote. Its condition
-- is typeOtherCond's, which the listings name so that the planner reads this index.
DROP INDEX IF EXISTS incidents_type_order;
CREATE INDEX IF NOT EXISTS incidents_type_other ON incidents(event_type, date_start, rid) WHERE CASE sub_event_type
    WHEN 'Armed clash' THEN event_type <> 'Battles'
    WHEN 'Government regains territory' THEN event_type <> 'Battles'
    WHEN 'Non-state actor overtakes territory' THEN event_type <> 'Battles'
    WHEN 'Chemical weapon' THEN event_type <> 'Explosions/Remote violence'
    WHEN 'Air/drone strike' THEN event_type <> 'Explosions/Remote violence'
    WHEN 'Suicide bomb' THEN event_type <> 'Explosions/Remote violence'
    WHEN 'Shelling/artillery/missile attack' THEN event_type <> 'Explosions/Remote violence'
    WHEN 'Remote explosive/landmine/IED' THEN event_type <> 'Explosions/Remote violence'
    WHEN 'Grenade' THEN event_type <> 'Explosions/Remote violence'
    WHEN 'Sexual violence' THEN event_type <> 'Violence against civilians'
    WHEN 'Attack' THEN event_type <> 'Violence against civilians'
    WHEN 'Abduction/forced disappearance' THEN event_type <> 'Violence against civilians'
    WHEN 'Peaceful protest' THEN event_type <> 'Protests'
    WHEN 'Protest with intervention' THEN event_type <> 'Protests'
    WHEN 'Excessive force against protesters' THEN event_type <> 'Protests'
    WHEN 'Violent demonstration' THEN event_type <> 'Riots'
    WHEN 'Mob violence' THEN event_type <> 'Riots'
    WHEN 'Agreement' THEN event_type <> 'Strategic developments'
    WHEN 'Arrests' THEN event_type <> 'Strategic developments'
    WHEN 'Change to group/activity' THEN event_type <> 'Strategic developments'
    WHEN 'Disrupted weapons use' THEN event_type <> 'Strategic developments'
    WHEN 'Headquarters or base established' THEN event_type <> 'Strategic developments'
    WHEN 'Looting/property destruction' THEN event_type <> 'Strategic developments'
    WHEN 'Non-violent transfer of territory' THEN event_type <> 'Strategic developments'
    WHEN 'Other' THEN event_type <> 'Strategic developments'
    ELSE 1 END;
