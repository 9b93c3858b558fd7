package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// listingOrder is the order of every incident listing: newest start date first, then newest row.
const listingOrder = ` ORDER BY date_start DESC, rid DESC`

// orderedRows selects cols of the first n incidents matching f and the extra conditions in listing order, its
// full-text and bounding-box filters applied as plan says, and calls scan on each row in turn.
//
// First, when few incidents pass one of the filters that the order indexes do not serve, the rows are
// collected through that filter's index and sorted (see residualPlanFor); a walk under a From filter reads no
// row that starts before the earliest start an incident ending on or after From may have.
//
// A text walk with a chunk first walks that many rows, checking the words only against their own matches (see
// walkChunk), and goes on as below after them, with what is left of its budget, when they do not fill the n
// rows. A walk with a budget first finds the row the walk may read up to (the budget-th row the filters other
// than the text select) and walks only that far. When that does not fill the n rows, the words are rarer among
// these rows than the plan expected, and the rest is collected from the full-text matches after that row: the
// same rows in the same order as one unbounded query, at a cost bounded by the budget.
func (s *sqlStore) orderedRows(ctx context.Context, f Filter, cols string, extra []string, n int, plan readPlan,
	scan func(*sql.Rows) error) error {
	rp, err := s.residualPlanFor(ctx, f, n, plan)
	if err != nil {
		return err
	}
	if s.planned != nil {
		s.planned()
	}
	if rp.collect != nil {
		return s.runCollected(ctx, f, cols, extra, n, plan, rp, scan)
	}
	if rp.low != "" {
		extra = append(slices.Clip(extra), rp.low)
	}
	if !plan.walk || plan.budget <= 0 {
		_, err := s.runOrdered(ctx, f, cols, extra, n, plan, scan)
		return err
	}
	if plan.chunk > 0 && plan.chunk < plan.budget && s.chunked() {
		got, last, done, err := s.walkChunk(ctx, f, cols, extra, n, plan, scan)
		if err != nil || done {
			return err
		}
		f.Cursor, n, plan.budget = encodeCursor(last), n-got, plan.budget-plan.chunk
	}
	unbounded := readPlan{walk: true, box: plan.box}
	bound, ok, err := s.walkBound(ctx, f, extra, plan)
	if err != nil || !ok {
		if err == nil {
			// Fewer rows than the budget are left: under an event type, the walk keeps them (typeRowSet).
			if unbounded.types, err = s.typeRowSet(f, extra, nil, plan.box); err == nil {
				_, err = s.runOrdered(ctx, f, cols, extra, n, unbounded, scan)
			}
		}
		return err
	}
	// Written, like the cursor condition, so that it bounds a range of the order index.
	within := append(append([]string(nil), extra...), `date_start >= ? AND (date_start > ? OR rid >= ?)`)
	withinArgs := []any{bound.key, bound.key, bound.rid}
	if unbounded.types, err = s.typeRowSet(f, within, withinArgs, plan.box); err != nil {
		return err
	}
	got, err := s.runOrdered(ctx, f, cols, within, n, unbounded, scan, withinArgs...)
	if err != nil || got == n {
		return err
	}
	f.Cursor = encodeCursor(bound)
	_, err = s.runOrdered(ctx, f, cols, extra, n-got, readPlan{box: plan.box, scan: plan.scan}, scan)
	return err
}

// runOrdered runs one listing query for at most n rows, calling scan on each, and returns how many it read.
// extraArgs are the arguments of the extra conditions.
func (s *sqlStore) runOrdered(ctx context.Context, f Filter, cols string, extra []string, n int, plan readPlan,
	scan func(*sql.Rows) error, extraArgs ...any) (int, error) {
	q, args, err := s.orderedQuery(f, cols, extra, n, plan, extraArgs...)
	if err != nil {
		return 0, err
	}
	return s.runQuery(ctx, q, args, scan)
}

// orderedQuery is the statement runOrdered runs, and its arguments.
func (s *sqlStore) orderedQuery(f Filter, cols string, extra []string, n int, plan readPlan,
	extraArgs ...any) (string, []any, error) {
	where, args, err := s.whereWith(f, plan)
	if err != nil {
		return "", nil, err
	}
	from := `incidents`
	if t := plan.types; t != nil {
		// Named, so that SQLite walks the order index and probes the set, rather than reading the set's rows
		// and sorting them, checking the words on every one.
		where, args = append(where, `incidents.rid IN (`+t.q+`)`), append(args, t.args...)
		from += s.d.indexedBy(`incidents_order_point`)
	}
	where, args = append(where, extra...), append(args, extraArgs...)
	if arms := s.typeArms(f); arms != nil {
		q, all := s.armsQuery(cols, where, args, arms, listingOrder+fmt.Sprintf(` LIMIT %d`, n))
		return q, all, nil
	}
	q, args := listingQuery(cols, from, where, args, listingOrder, n)
	return q, args, nil
}

// runListing runs SELECT cols FROM from WHERE where, in order, for at most n rows, calling scan on each, and
// returns how many it read.
func (s *sqlStore) runListing(ctx context.Context, cols, from string, where []string, args []any, order string,
	n int, scan func(*sql.Rows) error) (int, error) {
	q, args := listingQuery(cols, from, where, args, order, n)
	return s.runQuery(ctx, q, args, scan)
}

// listingQuery is the statement runListing runs, and its arguments.
func listingQuery(cols, from string, where []string, args []any, order string, n int) (string, []any) {
	return selectWhere(cols, from, where) + order + fmt.Sprintf(` LIMIT %d`, n), args
}

// selectWhere is SELECT cols FROM from, WHERE the conditions where all hold (none: every row).
func selectWhere(cols, from string, where []string) string {
	q := `SELECT ` + cols + ` FROM ` + from
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	return q
}

// runQuery runs the listing query q, calling scan on each row, and returns how many it read.
func (s *sqlStore) runQuery(ctx context.Context, q string, args []any, scan func(*sql.Rows) error) (int, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	got := 0
	for rows.Next() {
		if err := scan(rows); err != nil {
			return got, err
		}
		got++
	}
	return got, rows.Err()
}

// walkBound returns the plan.budget-th row in listing order of those matching f's filters but its text and the
// extra conditions, and false when fewer rows match.
func (s *sqlStore) walkBound(ctx context.Context, f Filter, extra []string, plan readPlan) (cursor, bool, error) {
	f.Query = ""
	where, args, err := s.whereWith(f, readPlan{box: plan.box})
	if err != nil {
		return cursor{}, false, err
	}
	where = append(where, extra...)
	q, args := s.armsQuery(`date_start, rid`, where, args, s.typeArms(f),
		listingOrder+fmt.Sprintf(` LIMIT 1 OFFSET %d`, plan.budget-1))
	var c cursor
	err = s.db.QueryRowContext(ctx, s.d.rebind(q), args...).Scan(&c.key, &c.rid)
	if errors.Is(err, sql.ErrNoRows) {
		return cursor{}, false, nil
	}
	return c, err == nil, err
}
