package store

import (
	"context"
	"fmt"
	"math"
	"strings"
)

// readPlan is how a listing applies its full-text and bounding-box filters. Every plan selects the same
// incidents in the same order; the plans differ only in cost.
//
// The zero plan collects every incident matching the words from the full-text indexes first (and every incident
// in the box from the spatial index), then applies the other filters and the order; its cost grows with the
// number of matches: right for rare words and small boxes. A walk reads the rows the other filters select in
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
	// probe, when the words are not walked, collects the incidents matching them into a set that the rows the
	// other filters select, read in listing order through their index, are looked up in; instead of reading
	// each matching incident's row to test the other filters. See sqlStore.probeFilters.
	probe bool
}

// walkFactor is how many times dearer checking the words of one walked row is than collecting one match.
const walkFactor = 2

// walkSlack is how many times more rows than expected a walk reads before it gives up on the expectation:
// with the words spread over the rows independently of the other filters, a walk fills its listing well within
// twice the expected rows, so running out of budget means the words are rarer where the filters point.
const walkSlack = 3

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
// against filters that hold few of the matches, and at most half what collecting would cost, so that a walk
// that runs out and collects after all costs at most 1.5 times collecting at once. M is estimated from the
// full-text indexes, counting at most the threshold: matching event summaries plus matching documents times
// the incidents per document.
//
// On PostgreSQL the summaries are counted under f's country, event type and sub-event type filters (see
// filteredHits), as collecting reads only those; N stays the whole store's, more than the filtered rows, which
// errs toward collecting, whose cost the count bounds.
func (s *sqlStore) ftsPlan(ctx context.Context, f Filter, arg string, rows int, incidents, documents int64) (readPlan, error) {
	perDoc := max(1, float64(incidents)/float64(max(documents, 1)))
	threshold := math.Sqrt(walkFactor * float64(rows) * float64(incidents))
	// Counting stops at the threshold: past it the walk is chosen anyway, and a budget reckoned from a count
	// below the true M still costs at most half of collecting. (PostgreSQL reads a heap row per match counted,
	// which for a common word cost more than the walk itself.)
	evCap, docCap := int64(math.Ceil(threshold)), int64(math.Ceil(threshold/perDoc))
	q, args := s.d.ftsHits(), []any{arg, evCap, arg, docCap}
	if fq, fargs := s.filteredHits(f); fq != "" {
		q, args = fq, append(append([]any{arg}, fargs...), evCap, arg, docCap)
	}
	var evHits, docHits int64
	if err := s.db.QueryRowContext(ctx, s.d.rebind(q), args...).Scan(&evHits, &docHits); err != nil {
		return readPlan{}, fmt.Errorf("full-text plan: %w", err)
	}
	m := float64(evHits) + float64(docHits)*perDoc
	if m < threshold {
		return readPlan{}, nil
	}
	walked := float64(rows) * float64(incidents) / m
	return readPlan{walk: true, budget: int(math.Ceil(min(walkSlack*walked, m/(2*walkFactor))))}, nil
}

// filteredHits is, on PostgreSQL with a country, event type or sub-event type filter in f, the dialect's
// ftsHits counting only the summaries under those filters (placeholders: query, the filters' values, limit,
// query, limit), and their values; "" otherwise.
//
// PostgreSQL collects a text query's matches from incident_event_words (migration 0007), which holds these
// filter columns: under a selective filter it reads only the matches there, so a word common in the store but
// rare under the filter is cheap to collect, and a walk chosen from the count in the whole store (which reads
// about walkSlack*rows*N/M rows of the filter before it gives up) costs far more.
func (s *sqlStore) filteredHits(f Filter) (string, []any) {
	if _, ok := s.d.(postgresDialect); !ok {
		return "", nil
	}
	var conds []string
	var args []any
	for _, eq := range []struct{ col, v string }{{"country", f.Country}, {"event_type", f.EventType},
		{"sub_event_type", f.SubEventType}} {
		if eq.v != "" {
			conds, args = append(conds, ` AND `+eq.col+` = ?`), append(args, clean(eq.v))
		}
	}
	if len(conds) == 0 {
		return "", nil
	}
	return `SELECT (SELECT count(*) FROM (SELECT 1 FROM incident_event_words
			WHERE tsv @@ plainto_tsquery('simple', ?)` + strings.Join(conds, "") + ` LIMIT ?) e),
		(SELECT count(*) FROM (SELECT 1 FROM documents WHERE tsv @@ plainto_tsquery('simple', ?) LIMIT ?) d)`, args
}

// probeFilters reports whether f has an equality filter with an index in listing order (migration 0003), whose
// rows a probe plan reads.
//
// When a walk with a budget runs out, the words are rarer among the filtered rows than their count in the store
// suggested: a word common in the store but rare where a selective filter points. Collecting then reads the row
// of every incident matching the words, in the whole store, to test the filter: a random read in the largest
// table per match (about 7 µs on SQLite). Reading the filter's index entries from the walk's end instead, and
// looking each up in the set of matches, costs about 0.2 µs per entry, and stops when the page is full.
//
// Only on SQLite: PostgreSQL collects only the matches under these filters (see postgresDialect.ftsIncidents).
func (s *sqlStore) probeFilters(f Filter) bool {
	if _, ok := s.d.(sqliteDialect); !ok {
		return false
	}
	return f.Country != "" || f.EventType != "" || f.SubEventType != ""
}

// ftsCondition is the dialect's full-text condition on incidents in the form plan names.
func (s *sqlStore) ftsCondition(plan readPlan) string {
	if plan.walk {
		return s.d.ftsCheckIncidents()
	}
	if _, ok := s.d.(sqliteDialect); ok && plan.probe {
		// SQLite's condition is incidents.rid IN (...); the unary plus keeps the planner from reading the
		// incidents by the matches' row ids, so it reads them through the other filters' index. (PostgreSQL
		// reads only the matches under the filters already: see postgresDialect.ftsIncidents.)
		return `+` + s.d.ftsIncidents()
	}
	return s.d.ftsIncidents()
}

// bboxCondition is the dialect's bounding-box condition on incidents in the form plan names.
func (s *sqlStore) bboxCondition(b BBox, plan readPlan) (string, []any) {
	if plan.box {
		return s.d.bboxCheck(b)
	}
	return s.d.bboxIncidents(b)
}
