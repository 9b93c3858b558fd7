package store

import (
	"slices"
	"strings"
)

// An event-type filter reads no index of its own (SQLite, migration 0022): incidents_type_order (event_type,
// date_start, rid) cost every ingest a page write for most incidents it stored (809 of the 11,513 pages an
// ingest of 1,000 documents changed in a store of a million incidents). An event type is the union of its
// sub-types, each a range of incidents_subtype_order (sub_event_type, date_start, rid) already in listing
// order, so a listing under a type filter is the UNION ALL of one arm per sub-type, ordered and limited as a
// whole: SQLite merges the arms, reading of each only the rows the merge takes, about the rows of one walk of
// the type's own index.
//
// An incident's event type is its sub-type's (incident.recompute), except where the sub-type is empty or
// outside the taxonomy: then it is the first type its reports give, whatever that is. Those incidents, and any
// whose pair is not one of typeSubTypes, are the entries of the partial index incidents_type_other (event_type,
// date_start, rid), empty in a store written by the extractor: a last arm reads them under the type, so no
// incident of the type is missed whatever its sub-type.

// typeSubTypes are the sub-event types and their event types as migration 0022 wrote them into the condition of
// incidents_type_other (typeOtherCond): fixed by the migration, whatever the taxonomy becomes.
var typeSubTypes = [][2]string{
	{"Armed clash", "Battles"}, {"Government regains territory", "Battles"},
	{"Non-state actor overtakes territory", "Battles"},
	{"Chemical weapon", "Explosions/Remote violence"}, {"Air/drone strike", "Explosions/Remote violence"},
	{"Suicide bomb", "Explosions/Remote violence"}, {"Shelling/artillery/missile attack", "Explosions/Remote violence"},
	{"Remote explosive/landmine/IED", "Explosions/Remote violence"}, {"Grenade", "Explosions/Remote violence"},
	{"Sexual violence", "Violence against civilians"}, {"Attack", "Violence against civilians"},
	{"Abduction/forced disappearance", "Violence against civilians"},
	{"Peaceful protest", "Protests"}, {"Protest with intervention", "Protests"},
	{"Excessive force against protesters", "Protests"},
	{"Violent demonstration", "Riots"}, {"Mob violence", "Riots"},
	{"Agreement", "Strategic developments"}, {"Arrests", "Strategic developments"},
	{"Change to group/activity", "Strategic developments"}, {"Disrupted weapons use", "Strategic developments"},
	{"Headquarters or base established", "Strategic developments"},
	{"Looting/property destruction", "Strategic developments"},
	{"Non-violent transfer of territory", "Strategic developments"}, {"Other", "Strategic developments"},
}

// typeOtherCond is the condition of incidents_type_other as migration 0022 writes it: true for an incident
// whose sub-event type is not one of typeSubTypes with that sub-type's event type. A query names it word for
// word, so that SQLite's planner sees that the partial index holds its rows.
func typeOtherCond() string {
	var b strings.Builder
	b.WriteString(`CASE sub_event_type`)
	for _, p := range typeSubTypes {
		b.WriteString(` WHEN '` + p[0] + `' THEN event_type <> '` + p[1] + `'`)
	}
	b.WriteString(` ELSE 1 END`)
	return b.String()
}

// typeArm is one arm of a listing under an event-type filter: its condition, and the index it reads ("": the
// planner's choice).
type typeArm struct{ index, cond string }

// typeArms are the arms of a listing filtered by f, or nil when it reads one query: where the dialect keeps an
// index of the event types (PostgreSQL), without a type filter or with a sub-type (whose index serves it),
// under a country (whose index serves it, the type tested per row), with words (each arm would collect the
// matches again, or build the sets a walk checks them against again: on a million incidents a walk for a common
// word under a type took two to three times the CPU in arms) and with a box (collected from the spatial index,
// each arm would collect it again; walked, incidents_order_point holds the point, and a walk of it under
// Protests in a box of 6,000 incidents took 12 ms of CPU, the arms 115 ms reading every row of the sub-types to
// test the point). The text walks' chunk of rows (walkChunk) and bound (walkBound) are read in arms.
func (s *sqlStore) typeArms(f Filter) []typeArm {
	if !s.d.typeArms() || f.EventType == "" || f.SubEventType != "" || f.Country != "" ||
		s.d.ftsArg(f.Query) != "" || f.BBox != nil {
		return nil
	}
	t := clean(f.EventType)
	var arms []typeArm
	for _, p := range typeSubTypes {
		if p[1] == t {
			arms = append(arms, typeArm{cond: `sub_event_type = '` + p[0] + `'`})
		}
	}
	return append(arms, typeArm{index: `incidents_type_other`, cond: typeOtherCond()})
}

// armsQuery is SELECT cols FROM incidents WHERE where, then tail (an ORDER BY and LIMIT, or nothing), and its
// arguments; with arms, the UNION ALL of one such SELECT per arm, each with the arm's condition, then tail on
// the whole. The columns of an ordered compound must name date_start and rid.
func (s *sqlStore) armsQuery(cols string, where []string, args []any, arms []typeArm, tail string) (string, []any) {
	if len(arms) == 0 {
		return selectWhere(cols, `incidents`, where) + tail, args
	}
	parts := make([]string, len(arms))
	var all []any
	for i, a := range arms {
		from := `incidents`
		if a.index != "" {
			from += s.d.indexedBy(a.index)
		}
		parts[i] = selectWhere(cols, from, append(slices.Clip(where), a.cond))
		all = append(all, args...)
	}
	return strings.Join(parts, ` UNION ALL `) + tail, all
}

// A text walk under an event-type filter (without a country, sub-type or box: see typeArms) reads no arms but
// incidents_order_point, which does not hold the event type: testing it read every walked row's table entry,
// about 2 µs at a million incidents, so that under a type of 9% of the store a walk read ten table rows for
// each of the type's it checked the words of (since 0022; incidents_type_order held the type before). The walk
// keeps instead only the rows of a set, read from the type's arms over the range it may walk (the chunk's rows,
// or those up to its bound): a row of another type then costs an entry of the order index and a lookup in the
// set, and a row of the type a read of its sub-type's range and its table entry, to build the set.

// typeSetCost and typeSkipCost are what a walk under an event type pays beyond walkFactor, in ftsPlan's units
// (about 2 µs; see walkFactor): for each of the type's rows, a read of its entry in its sub-type's range and of
// its table entry to test the type (one unit), and for each row of another type, an entry of the order index
// and a lookup in the set (0.3-0.4 µs measured at a million incidents).
const (
	typeSetCost  = 1.0
	typeSkipCost = 1.0 / 6
)

// typeRowsSkipped reports whether a text walk filtered by f keeps a set of its event type's rows (typeRowSet):
// under a type without a country, sub-type or box on SQLite, where it reads rows of other types through
// incidents_order_point. (Under a box it reads them too, testing the type on each.)
func (s *sqlStore) typeRowsSkipped(f Filter) bool {
	g := f
	g.Query = ""
	return s.typeArms(g) != nil
}

// typeRowSet is, for a text walk filtered by f whose rows typeRowsSkipped says include other event types', over
// the rows that the conditions within (with their arguments) bound, the rids of the rows the filters other than
// the words select there, read from the type's arms; nil otherwise. within must bound the rows to about a
// walk's budget: the set holds all of them.
func (s *sqlStore) typeRowSet(f Filter, within []string, withinArgs []any, box bool) (*rowSet, error) {
	g := f
	g.Query = ""
	arms := s.typeArms(g)
	if arms == nil {
		return nil, nil
	}
	where, args, err := s.whereWith(g, readPlan{box: box})
	if err != nil {
		return nil, err
	}
	q, all := s.armsQuery(`rid`, append(where, within...), append(args, withinArgs...), arms, ``)
	return &rowSet{q: q, args: all}, nil
}
