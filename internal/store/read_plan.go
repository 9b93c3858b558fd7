package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// readPlan is how a listing applies its full-text and bounding-box filters. Every plan selects the same
// incidents in the same order; the plans differ only in cost.
//
// The zero plan collects the incidents matching the words from the full-text indexes first, only those under the
// listing's country and type filters (see dialect.ftsIncidents), and every incident in the box from the spatial
// index, then applies the other filters and the order; its cost grows with the number of matches: right for rare
// words and small boxes. A walk reads the rows the other filters select in
// listing order and checks the words (or the point) per row, stopping when the listing is full; its cost grows
// with the rows read per match: right for common words and large boxes.
type readPlan struct {
	// walk checks the words of the full-text query per walked row.
	walk bool
	// box tests the bounding box on each walked row's point columns instead of collecting the box's incidents
	// from the spatial index.
	box bool
	// budget is how many rows a text walk may read before it collects the rest instead (0: no limit); see
	// orderedRows.
	budget int
	// scan, when the words are collected under a country filter (at once, or after a walk that ran out of
	// budget), has SQLite read the country's rows and keep those matching the words, instead of looking up
	// each match's row (see sqliteDialect.ftsIncidents).
	scan bool
	// chunk, when a text walk has a budget, is how many rows a first, narrower walk reads, checking the words
	// only against the matches among those rows' events and documents (see dialect.ftsCheckWithin and
	// orderedRows); 0: none.
	chunk int
	// within, set by orderedRows for that first walk, selects the rids of the rows it reads (with its
	// arguments).
	within *rowSet
	// types, set by orderedRows or walkChunk for a walk under an event-type filter that reads no arms (see
	// typeRowSet), selects the rids of the type's rows the walk may read (with its arguments): the walk reads
	// incidents_order_point and keeps only these rows, instead of reading every row's table entry to test its
	// type.
	types *rowSet
}

// rowSet is a SELECT of incident rids and its arguments, and the least and greatest rowids of their events and
// of their documents (zero in typeRowSet's sets, which no full-text read bounds).
type rowSet struct {
	q      string
	args   []any
	bounds [4]int64
}

// textFilter is a listing's equality filters on the columns that the full-text tables hold beside each linked
// event (SQLite's incident_event_rows, PostgreSQL's incident_event_words): country, event type and sub-event
// type, in that order, those set in the Filter, cleaned as whereWith cleans them.
type textFilter []textEq

// textEq is one filter of a textFilter: column col equals v.
type textEq struct{ col, v string }

func textFilterOf(f Filter) textFilter {
	var t textFilter
	for _, eq := range []textEq{{"country", f.Country}, {"event_type", f.EventType},
		{"sub_event_type", f.SubEventType}} {
		if eq.v != "" {
			t = append(t, textEq{eq.col, clean(eq.v)})
		}
	}
	return t
}

// conds is " AND " prefix col " = ?" for each filter, and their values.
func (t textFilter) conds(prefix string) (string, []any) {
	var b strings.Builder
	var args []any
	for _, eq := range t {
		b.WriteString(` AND ` + prefix + eq.col + ` = ?`)
		args = append(args, eq.v)
	}
	return b.String(), args
}

// value is the value of the filter on col, if set.
func (t textFilter) value(col string) (string, bool) {
	for _, eq := range t {
		if eq.col == col {
			return eq.v, true
		}
	}
	return "", false
}

// without is t without the filter on col.
func (t textFilter) without(col string) textFilter {
	var out textFilter
	for _, eq := range t {
		if eq.col != col {
			out = append(out, eq)
		}
	}
	return out
}

// textHits is what a plan counts, or estimates, of a full-text query's matches (see dialect.filteredHits).
type textHits struct {
	// events is how many event summaries match, under how many of them are under the listing's filters, docs
	// how many documents match.
	events, under float64
	docs          int64
	// share is the share of the store's rows under the filters (1 where not estimated).
	share float64
	// extra is what collecting the matches under the filters costs beyond one unit per match, and scan the
	// plan's scan.
	extra float64
	scan  bool
	// allEvents and allDocs estimate every matching event summary and document, past the caps that events and
	// docs stop at (extrapolated from how far into the rowids the counted matches reach), for sizing a chunk.
	allEvents, allDocs float64
}

// walkFactor is how many times dearer checking the words of one walked row is than collecting one match.
const walkFactor = 2

// walkSlack is how many times more rows than expected a walk reads before it gives up on the expectation:
// with the words spread over the rows independently of the other filters, a walk fills its listing well within
// twice the expected rows, so running out of budget means the words are rarer where the filters point.
const walkSlack = 3

// chunkRowCost is what a row of a chunk (see readPlan.chunk) costs, in the time that collecting a match into
// a set of every match costs beyond streaming it through a set of the chunk's matches: about 4 µs (its events
// and documents looked up in incident_event_rows three times: for the bounds and for each set) against 0.2 µs
// (an insert into an ephemeral index against a lookup), measured at a million events with modernc.org/sqlite.
// Matches outside the chunk's range of rowids, which are not streamed at all, are not counted: the chunk pays
// off at least as well as this says.
const chunkRowCost = 20

// chunkSlack is how many times the expected rows a chunk reads: as walkSlack says, a walk fills its listing
// well within twice the expected rows when the words are spread over the rows independently of the filters.
const chunkSlack = 2

// boxWalkFactor is how many times cheaper testing the point of one walked row is (an entry of the order index,
// which holds the point) than collecting one incident of the box (a table row read and a sort entry).
const boxWalkFactor = 40

// planFor picks the plan for a listing of rows rows filtered by f.
func (s *sqlStore) planFor(ctx context.Context, f Filter, rows int) (readPlan, error) {
	arg := s.d.ftsArg(f.Query)
	boxHits := ""
	if f.BBox != nil {
		boxHits = s.d.bboxHits()
	}
	if arg == "" && boxHits == "" {
		return readPlan{}, nil
	}
	var incidents, documents int64
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(rid), 0) FROM incidents),
		(SELECT coalesce(max(rowid), 0) FROM documents)`).Scan(&incidents, &documents); err != nil {
		return readPlan{}, fmt.Errorf("read plan: %w", err)
	}
	if incidents == 0 {
		return readPlan{}, nil
	}
	var plan readPlan
	if arg != "" {
		var err error
		if plan, err = s.ftsPlan(ctx, f, arg, rows, incidents, documents); err != nil {
			return readPlan{}, err
		}
	}
	if boxHits != "" {
		// With M of N incidents in the box, a walk reads about rows*N/M entries, collecting costs about
		// boxWalkFactor per incident in the box: walk when M*M >= rows*N/boxWalkFactor.
		threshold := int64(math.Ceil(math.Sqrt(float64(rows) * float64(incidents) / boxWalkFactor)))
		b := *f.BBox
		var hits int64
		if err := s.db.QueryRowContext(ctx, s.d.rebind(boxHits), b.MinLat, b.MaxLat, b.MinLon, b.MaxLon,
			threshold).Scan(&hits); err != nil {
			return readPlan{}, fmt.Errorf("read plan: %w", err)
		}
		plan.box = hits >= threshold
	}
	return plan, nil
}

// ftsPlan picks how a listing of rows rows over incidents incidents and documents documents, filtered by f,
// applies the full-text query arg (in the dialect's form). Collecting costs about one unit per match M; walking
// about walkFactor units per row walked, and with M of N incidents matching, a walk reads about W = rows*N/M of
// them to fill the listing. So it walks when M*M >= walkFactor*rows*N, with a budget of walkSlack*W rows,
// against filters that hold few of the matches, and at most what collecting would cost, so that a walk that
// runs out and collects after all costs at most twice collecting at once (under an event type on SQLite, more:
// see below). (At half, a walk chosen near the threshold, expected to read more than half, ran out more often
// than not.) M is estimated from the full-text indexes, counting at most the threshold: matching event
// summaries plus matching documents times the incidents per document.
//
// Under a country, event type or sub-event type filter, M counts only the summaries under the filters (see
// dialect.filteredHits), as collecting reads only those (see dialect.ftsIncidents), and N only the rows under
// them, as far as the dialect estimates their share (PostgreSQL keeps the whole store's, which errs toward
// collecting, whose cost the count bounds); and collecting costs extra units where the dialect tests the
// filters per match or per filtered row (SQLite): it walks when walkFactor*W <= M + extra.
//
// Under an event type without a country, sub-type or box on SQLite, a walk reads every row of
// incidents_order_point and keeps the type's (see typeRowSet): each row of the type it reads costs typeSetCost
// more, and each row of another type typeSkipCost, about 1/share-1 of them for each of the type's; so a walk
// under a rare type costs several times what it does under a common one, and collecting wins more often. Its
// budget stays reckoned at walkFactor (see below), so a walk there that runs out has cost up to
// min(3, perRow/2) times collecting before it collects (3 under a type of 3%, 2.3 under one of 9%): up to 4
// times collecting at once in all, not twice.
//
// A walk on SQLite reads a chunk first where that pays (see chunkFor): the counts that stopped at the threshold
// are then extrapolated, to size it from the density of the words rather than from a bound on it.
func (s *sqlStore) ftsPlan(ctx context.Context, f Filter, arg string, rows int, incidents, documents int64) (readPlan, error) {
	perDoc := max(1, float64(incidents)/float64(max(documents, 1)))
	threshold := math.Sqrt(walkFactor * float64(rows) * float64(incidents))
	// Counting stops at the threshold: past it the walk is chosen anyway, and a budget reckoned from a count
	// below the true M still costs at most collecting. (PostgreSQL reads a heap row per match counted,
	// which for a common word cost more than the walk itself.)
	evCap, docCap := int64(math.Ceil(threshold)), int64(math.Ceil(threshold/perDoc))
	h := textHits{share: 1}
	if tf := textFilterOf(f); len(tf) > 0 {
		var err error
		if h, err = s.d.filteredHits(ctx, s.db, arg, tf, evCap, docCap); err != nil {
			return readPlan{}, err
		}
	} else {
		var evHits int64
		if err := s.db.QueryRowContext(ctx, s.d.rebind(s.d.ftsHits()), arg, evCap, arg, docCap).Scan(&evHits,
			&h.docs); err != nil {
			return readPlan{}, fmt.Errorf("full-text plan: %w", err)
		}
		h.events, h.under = float64(evHits), float64(evHits)
	}
	m := h.under + float64(h.docs)*perDoc
	if m <= 0 {
		return readPlan{scan: h.scan}, nil
	}
	walked := float64(rows) * h.share * float64(incidents) / m
	perRow := float64(walkFactor)
	if s.typeRowsSkipped(f) {
		perRow += typeSetCost + typeSkipCost*(1/h.share-1)
	}
	if perRow*walked > m+h.extra {
		return readPlan{scan: h.scan}, nil
	}
	// The budget stays reckoned at walkFactor: at perRow, the smaller budget left no room for a chunk (chunkFor)
	// under a rare type, and a walk without one builds the set of every match (30,000 incidents, a type of 3%,
	// a word in 60% of the summaries: 12 ms of CPU against 8).
	plan := readPlan{walk: true, budget: int(math.Ceil(min(walkSlack*walked, (m+h.extra)/walkFactor))),
		scan: h.scan}
	if s.chunked() {
		var err error
		if h, err = s.extrapolated(ctx, arg, h, evCap, docCap); err != nil {
			return readPlan{}, err
		}
		plan.chunk = chunkFor(h, rows, incidents, perDoc, plan.budget)
	}
	return plan, nil
}

// extrapolated sets h.allEvents and h.allDocs, for sizing a walk's chunk: the counts of matching summaries and
// documents, or where they stopped at their caps, the counts extrapolated from how far into the rowids the
// counted matches reach (dialect.ftsReach, read only then, and only for a walk). The summaries under filters
// come extrapolated already (h.allEvents, from filteredHits).
func (s *sqlStore) extrapolated(ctx context.Context, arg string, h textHits, evCap, docCap int64) (textHits,
	error) {
	evLimit := limitIf(h.allEvents == 0 && h.events >= float64(evCap), evCap)
	docLimit := limitIf(h.docs >= docCap, docCap)
	evReach, docReach := 1.0, 1.0
	if evLimit > 0 || docLimit > 0 {
		var err error
		if evReach, docReach, err = s.d.ftsReach(ctx, s.db, arg, evLimit, docLimit); err != nil {
			return textHits{}, err
		}
	}
	if h.allEvents == 0 {
		h.allEvents = extrapolate(int64(h.events), evCap, evReach)
	}
	h.allDocs = extrapolate(h.docs, docCap, docReach)
	return h, nil
}

// chunked reports whether the dialect walks a chunk first (see readPlan.chunk).
func (s *sqlStore) chunked() bool {
	cond, _ := s.d.ftsCheckWithin("")
	return cond != ""
}

// limitIf is limit when cond, else 0.
func limitIf(cond bool, limit int64) int64 {
	if cond {
		return limit
	}
	return 0
}

// chunkFor sizes the first walk of a text walk with the given budget (see readPlan.chunk), or returns 0 when it
// would not pay. The chunk reads chunkSlack times the rows a walk is expected to read, from the estimates of
// every match (h.allEvents, h.allDocs): the matching summaries under the filters, and the incidents of the
// matching documents, as many of them under the filters as the filters' share of the store. Walking a chunk
// costs chunkRowCost per row and saves about a unit per summary and document matching in the whole store
// (each is streamed through the chunk's set instead of collected into a set of every match).
func chunkFor(h textHits, rows int, incidents int64, perDoc float64, budget int) int {
	under := h.under
	if h.events > 0 {
		under *= max(1, h.allEvents/h.events)
	}
	dense := min(under+h.allDocs*perDoc*h.share, h.share*float64(incidents))
	if dense <= 0 {
		return 0
	}
	chunk := int(math.Ceil(chunkSlack * float64(rows) * h.share * float64(incidents) / dense))
	if chunk >= budget || float64(chunkRowCost*chunk) >= h.allEvents+h.allDocs {
		return 0
	}
	return chunk
}

// extrapolate estimates every match from n counted, at most limit, whose largest rowid lies at reach (a
// fraction) of the table's largest: n when n is under the limit, 0 when reach is 0 (not estimated).
func extrapolate(n, limit int64, reach float64) float64 {
	switch {
	case reach <= 0:
		return 0
	case n < limit:
		return float64(n)
	}
	return float64(n) / min(1, reach)
}

// ftsCondition is the dialect's full-text condition for the query arg on incidents in the form plan names,
// under f's filters, and its arguments.
func (s *sqlStore) ftsCondition(f Filter, arg string, plan readPlan) (string, []any) {
	if w := plan.within; plan.walk && w != nil {
		args := append(append([]any{arg, w.bounds[0], w.bounds[1]}, w.args...), arg, w.bounds[2], w.bounds[3])
		cond, _ := s.d.ftsCheckWithin(w.q)
		return cond, append(args, w.args...)
	}
	if plan.walk {
		return s.d.ftsCheckIncidents(), []any{arg, arg}
	}
	return s.d.ftsIncidents(arg, textFilterOf(f), plan.scan)
}

// bboxCondition is the dialect's bounding-box condition on incidents in the form plan names.
func (s *sqlStore) bboxCondition(b BBox, plan readPlan) (string, []any) {
	if plan.box {
		return s.d.bboxCheck(b)
	}
	return s.d.bboxIncidents(b)
}

// walkChunk walks the first plan.chunk rows that f's filters but its text and the extra conditions select (all of
// them when fewer), in listing order, for at most n rows matching the words, checked against the matches among
// these rows' events and documents only (dialect.ftsCheckWithin), calling scan on each. It returns how many rows
// it read and the chunk's last row, after which the listing goes on unless done: the n rows were read, or the
// chunk held every row left. The least and greatest rowids of the chunk's events and documents are read first,
// to bound the full-text indexes' ranges.
func (s *sqlStore) walkChunk(ctx context.Context, f Filter, cols string, extra []string, n int, plan readPlan,
	scan func(*sql.Rows) error) (got int, last cursor, done bool, err error) {
	g := f
	g.Query = ""
	where, args, err := s.whereWith(g, readPlan{box: plan.box})
	if err != nil {
		return 0, cursor{}, false, err
	}
	where = append(where, extra...)
	// Under an event-type filter, the rows of its sub-types' ranges (see typeArms), read once (typeChunk).
	arms := s.typeArms(g)
	var set *rowSet
	var ok bool
	if arms != nil {
		set, last, ok, err = s.typeChunk(ctx, where, args, arms, plan.chunk)
	} else {
		last, ok, err = s.walkBound(ctx, f, extra, readPlan{box: plan.box, budget: plan.chunk})
	}
	if err != nil {
		return 0, cursor{}, false, err
	}
	within := append([]string(nil), extra...)
	var lastArgs []any
	if ok {
		// Written, like the cursor condition, so that it bounds a range of the order index.
		within = append(within, `date_start >= ? AND (date_start > ? OR rid >= ?)`)
		lastArgs = []any{last.key, last.key, last.rid}
	}
	if set == nil {
		rows, setArgs := s.armsQuery(`rid`, append(where, within[len(extra):]...),
			append(append([]any(nil), args...), lastArgs...), nil, ``)
		set = &rowSet{q: rows, args: setArgs}
	}
	_, bounds := s.d.ftsCheckWithin(set.q)
	if err := s.db.QueryRowContext(ctx, bounds, set.args...).Scan(&set.bounds[0], &set.bounds[1], &set.bounds[2],
		&set.bounds[3]); err != nil {
		return 0, cursor{}, false, err
	}
	chunk := readPlan{walk: true, box: plan.box, within: set}
	if arms != nil {
		chunk.types = set // the walk keeps the chunk's rows, as typeRowSet says
	}
	got, err = s.runOrdered(ctx, f, cols, within, n, chunk, scan, lastArgs...)
	return got, last, err != nil || got == n || !ok, err
}

// typeChunk reads, for a chunk under an event-type filter, the rids of the first n rows that where selects (with
// args) from the type's arms, in listing order, once: the chunk's walk names its rows three times (the two sets
// of dialect.ftsCheckWithin and the set of its type's rows) and its bounds query once, and each would read the
// arms again, a table entry per row to test the type. It returns them as a rowSet over SQLite's json_each (the
// chunk is SQLite's), the last row, and whether there were n.
func (s *sqlStore) typeChunk(ctx context.Context, where []string, args []any, arms []typeArm, n int) (*rowSet,
	cursor, bool, error) {
	q, all := s.armsQuery(`date_start, rid`, where, args, arms, listingOrder+fmt.Sprintf(` LIMIT %d`, n))
	rows, err := s.db.QueryContext(ctx, s.d.rebind(q), all...)
	if err != nil {
		return nil, cursor{}, false, err
	}
	defer rows.Close()
	var b strings.Builder
	var c cursor
	got := 0
	b.WriteByte('[')
	for rows.Next() {
		if err := rows.Scan(&c.key, &c.rid); err != nil {
			return nil, cursor{}, false, err
		}
		if got > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(c.rid, 10))
		got++
	}
	if err := rows.Err(); err != nil {
		return nil, cursor{}, false, err
	}
	b.WriteByte(']')
	return &rowSet{q: `SELECT value FROM json_each(?)`, args: []any{b.String()}}, c, got == n, nil
}
