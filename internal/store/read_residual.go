package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"

	"sitrep/internal/event"
)

// A listing walks an order index (date_start, rid; under a country, event type or sub-event type filter, the
// index of that column first; on SQLite, since 0022, an event type reads its sub-types' ranges merged, see
// read_type.go) newest first, and tests its other filters on each row it reaches: From (date_end),
// Admin1, MinFatalities, Actor, and the text and box filters when their plan walks. That is cheap when many rows
// pass them, and reads most of the table when few do: on a store of a million incidents, min_fatalities=50 or an
// admin1 that no incident has took 6 s on SQLite and up to 45 s on PostgreSQL.
//
// So the filters that have an index of their own (migrations SQLite 0014, PostgreSQL 0009: MinFatalities,
// Admin1 and From; Actor: SQLite 0016, PostgreSQL 0009) are counted through it first, each up to the number of
// rows a walk is expected to read at most: with M of N incidents passing a filter, a walk reads about n*N/M rows
// to fill a listing of n, and collecting the M rows through the filter's index and sorting them costs about M,
// so the listing collects through the filter that selects the fewest rows when that is below sqrt(n*N), and
// walks otherwise. Either way it reads on the order of sqrt(n*N) rows (7,100 for a page of 50 in a million),
// unless the filters are rare only together.
//
// A walk under From also stops at the earliest start an incident ending on or after From may have (see
// fromLowBound); without that bound a From filter never ends a walk, and a rare filter beside it (a sub-event
// type in one country over two days) read every older row of the order index.

// residualIndex is a listing filter the order indexes do not serve, with the index that selects its rows.
// Either the listing reads its table through index (INDEXED BY on SQLite) under cond, or, when index is "",
// cond is a rid IN (...) over arms that each read an index of their own (union).
type residualIndex struct {
	index string
	cond  string
	args  []any
	// union is the arms' UNION ALL, which cond wraps and a count reads.
	union string
}

// residualPlan is how a listing applies its residual filters: collect is the filter to collect the listing's
// rows through (nil: walk), low the condition that bounds a walk to the rows it needs to read ("": no bound;
// see fromLowBound).
type residualPlan struct {
	collect *residualIndex
	low     string
}

// residualIndexes are f's filters that an index of their own serves.
func (s *sqlStore) residualIndexes(f Filter) []residualIndex {
	var out []residualIndex
	if f.MinFatalities > 0 {
		out = append(out, residualIndex{index: `incidents_fatalities`, cond: `fatalities_best >= ?`,
			args: []any{f.MinFatalities}})
	}
	if f.Admin1 != "" {
		r := residualIndex{index: `incidents_admin1`, cond: `admin1 = ?`, args: []any{clean(f.Admin1)}}
		if f.Country != "" {
			r.cond, r.args = r.cond+` AND country = ?`, append(r.args, clean(f.Country))
		}
		out = append(out, r)
	}
	if !f.From.IsZero() {
		out = append(out, s.fromIndex(f))
	}
	if f.Actor != "" {
		if r, ok := s.d.actorMatches(strings.ToLower(clean(f.Actor))); ok {
			out = append(out, r)
		}
	}
	return out
}

// fromIndex is the From filter's index. An incident of date class c < 3 that ends on or after From starts at
// most dateClassDays[c] days before it, and one that starts on or before To ends at most that many days after
// it. So under a country each class is one range of starts in incidents_cand_country (country, date_class,
// date_start, date_end), and with a To each class is one range of ends in incidents_end_class (date_class,
// date_end); class 3 is unbounded but rare. Without either, the filter is the ends from From on.
//
// Where incidents_end_class holds only classes 1 to 3 (SQLite, migration 0019; see dialect.endClassPartial),
// the listing reads instead, outside a country, the starts from From less dateClassDays[0] on (up to To) in the
// order index incidents_order_point, which holds every incident of class 0 that the filter selects, beside the
// incidents of the other classes that start before them (each class's range of ends as above). Those starts
// also hold incidents of class 0 that end before From, at most dateClassDays[0] days of them: the rows are a
// superset of the filter's, which the listing applies as well, and the count an estimate slightly above it.
func (s *sqlStore) fromIndex(f Filter) residualIndex {
	if f.Country == "" && s.d.endClassPartial() != "" {
		return s.fromStarts(f)
	}
	from := f.From.String()
	var arms []string
	var args []any
	for class := range len(dateClassDays) + 1 {
		var idx, cond string
		var a []any
		switch {
		case f.Country != "":
			idx, cond, a = `incidents_cand_country`, `country = ? AND date_class = `+fmt.Sprint(class), []any{clean(f.Country)}
			if class < len(dateClassDays) {
				cond, a = cond+` AND date_start >= ?`, append(a, f.From.AddDays(-dateClassDays[class]).String())
			}
			if !f.To.IsZero() {
				cond, a = cond+` AND date_start <= ?`, append(a, f.To.String())
			}
			cond, a = cond+` AND date_end >= ?`, append(a, from)
		case !f.To.IsZero():
			idx, cond, a = `incidents_end_class`, `date_class = `+fmt.Sprint(class)+` AND date_end >= ?`, []any{from}
			if class < len(dateClassDays) {
				cond, a = cond+` AND date_end <= ?`, append(a, f.To.AddDays(dateClassDays[class]).String())
			}
		default:
			return residualIndex{index: `incidents_end_class`, cond: `date_class IN (0, 1, 2, 3) AND date_end >= ?`,
				args: []any{from}}
		}
		arms = append(arms, `SELECT rid FROM incidents`+s.d.indexedBy(idx)+` WHERE `+cond)
		args = append(args, a...)
	}
	union := strings.Join(arms, ` UNION ALL `)
	return residualIndex{cond: `rid IN (` + union + `)`, args: args, union: union}
}

// fromStarts is fromIndex outside a country where incidents_end_class holds only date classes 1 to 3: the
// starts from low, From less dateClassDays[0], on (to To) in incidents_order_point, and in incidents_end_class,
// for each class 1 to 3, the incidents that end on or after From (up to To widened by the class's longest
// interval) and start before low, so that no incident is read twice. Every string is either at least low or
// below it, the undated and malformed starts of class 3 too. When low is not a plain date (a From near year 0
// or past 9999), the order index's arm is every start, and the other arms none.
func (s *sqlStore) fromStarts(f Filter) residualIndex {
	from, low := f.From.String(), f.From.AddDays(-dateClassDays[0]).String()
	if _, err := event.ParseDate(low); err != nil {
		low = ""
	}
	starts, args := `date_start >= ?`, []any{low}
	if !f.To.IsZero() {
		starts, args = starts+` AND date_start <= ?`, append(args, f.To.String())
	}
	arms := []string{`SELECT rid FROM incidents` + s.d.indexedBy(`incidents_order_point`) + ` WHERE ` + starts}
	// An arm per class: with date_class IN (1, 2, 3), SQLite seeks date_class > 0 and tests the ends in the index.
	for class := 1; class <= len(dateClassDays); class++ {
		cond, a := s.d.endClassPartial()+`date_class = `+fmt.Sprint(class)+` AND date_end >= ?`, []any{from}
		if class < len(dateClassDays) && !f.To.IsZero() {
			cond, a = cond+` AND date_end <= ?`, append(a, f.To.AddDays(dateClassDays[class]).String())
		}
		arms = append(arms, `SELECT rid FROM incidents`+s.d.indexedBy(`incidents_end_class`)+` WHERE `+cond+
			` AND date_start < ?`)
		args = append(args, append(a, low)...)
	}
	union := strings.Join(arms, ` UNION ALL `)
	return residualIndex{cond: `rid IN (` + union + `)`, args: args, union: union}
}

// residualPlanFor picks how a listing of n rows filtered by f, whose text and box filters plan applies, applies
// its residual filters. When plan collects the text matches or the box's incidents, those drive the listing
// already, and it leaves it as it is.
func (s *sqlStore) residualPlanFor(ctx context.Context, f Filter, n int, plan readPlan) (residualPlan, error) {
	if s.walkOnly || (s.d.ftsArg(f.Query) != "" && !plan.walk) || (f.BBox != nil && !plan.box) {
		return residualPlan{}, nil
	}
	rs := s.residualIndexes(f)
	if len(rs) == 0 {
		return residualPlan{}, nil
	}
	var incidents int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(rid), 0) FROM incidents`).Scan(&incidents); err != nil {
		return residualPlan{}, fmt.Errorf("residual plan: %w", err)
	}
	limit := int64(math.Ceil(math.Sqrt(float64(max(n, 1)) * float64(incidents))))
	var rp residualPlan
	best := limit
	for i := range rs {
		r := &rs[i]
		var m int64
		q := `SELECT count(*) FROM (SELECT 1 FROM incidents` + s.d.indexedBy(r.index) + ` WHERE ` + r.cond +
			` LIMIT ?) c`
		if r.union != "" {
			q = `SELECT count(*) FROM (` + r.union + ` LIMIT ?) c`
		}
		if err := s.db.QueryRowContext(ctx, s.d.rebind(q), append(r.args, limit)...).Scan(&m); err != nil {
			return residualPlan{}, fmt.Errorf("residual plan: %w", err)
		}
		if m < best {
			best, rp.collect = m, r
		}
	}
	if rp.collect == nil && !f.From.IsZero() {
		rp.low = s.fromLowBound(f.From)
	}
	return rp, nil
}

// longestBoundedDays is the longest date interval of date classes 0 to 2 (see dateClassDays): an incident of
// those classes ending on or after a date starts at most this many days before it.
var longestBoundedDays = dateClassDays[len(dateClassDays)-1]

// fromLowBound is the condition that bounds a walk under from to the rows that start on or after the earliest
// date_start an incident ending on or after from may have: from less longestBoundedDays, or the earliest start
// of an incident of class 3 ending on or after from when that is earlier. Every such class-3 incident starts
// at or after that earliest start, whatever the form of its start (class 3 holds the undated and the
// malformed too).
//
// The class-3 start is read by the listing's own statement, a scalar subquery that SQLite and PostgreSQL run
// once before the walk, which still reads a range of the order index: read in a statement of its own before
// the listing, it could miss an incident that a merge widened into class 3 between the two, and the listing
// would then drop it. A subquery also keeps the walk the residual plan chose: with a literal bound SQLite's
// planner estimated the rows ending after From from its statistics and read them through incidents_end_class
// and sorted them instead (a box and a From at a million incidents: 26 ms of CPU against 3 to 5 ms walking).
// The dates are written as literals (the conditions beside it take no arguments), so the bound is "" (none)
// unless both are plain ISO dates.
func (s *sqlStore) fromLowBound(from event.Date) string {
	low, end := from.AddDays(-longestBoundedDays).String(), from.String()
	if _, err := event.ParseDate(low); err != nil {
		return "" // a year past 9999 or before 0: not YYYY-MM-DD, whose digits and dashes a literal may hold
	}
	if _, err := event.ParseDate(end); err != nil {
		return ""
	}
	return `date_start >= coalesce((SELECT min(date_start) FROM incidents` + s.d.indexedBy(`incidents_end_class`) +
		` WHERE ` + s.d.endClassPartial() + `date_class = 3 AND date_end >= '` + end + `' AND date_start < '` + low +
		`'), '` + low + `')`
}

// collectOrder is listingOrder on expressions no index holds, so that a collecting listing reads its rows
// through the index of its filter and sorts them, instead of walking an order index.
const collectOrder = ` ORDER BY date_start || '' DESC, rid + 0 DESC`

// runCollected runs a listing that collects its rows through rp.collect: the listing's conditions as runOrdered
// writes them (the filter's among them), its table read through the filter's index, sorted.
func (s *sqlStore) runCollected(ctx context.Context, f Filter, cols string, extra []string, n int, plan readPlan,
	rp residualPlan, scan func(*sql.Rows) error) error {
	where, args, err := s.whereWith(f, plan)
	if err != nil {
		return err
	}
	from := `incidents`
	if rp.collect.index != "" {
		from += s.d.indexedBy(rp.collect.index)
	}
	where = append(append(where, extra...), rp.collect.cond)
	_, err = s.runListing(ctx, cols, from, where, append(args, rp.collect.args...), collectOrder, n, scan)
	return err
}
