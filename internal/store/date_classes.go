package store

import (
	"context"
	"fmt"
	"time"

	"sitrep/internal/event"
)

// A candidate query seeks the candidate index once per date class for each of its keys (candidateQuery), but
// most incidents are of class 0: on the 5,000-document bench corpus 6,411 of 6,444, none of class 2 or 3, so
// about half of the seeks found nothing. The table incident_date_classes (SQLite migration 0013, PostgreSQL
// 0008) holds every class other than 0 that an incident has or had, kept by a trigger on incidents, and
// candidates binds NULL as the lowest start of a class it does not hold: a NULL bound matches no row, and
// SQLite tests the bound for NULL before it seeks (PostgreSQL does not scan for it either), so the query text,
// and the prepared statements, stay the same.
//
// The set a candidate query uses must hold the class of every incident the transaction can see:
//   - it is read inside the write transaction, after its write lock is taken (SQLite's BEGIN IMMEDIATE,
//     PostgreSQL's advisory lock, whose READ COMMITTED statements see every commit before it), so it holds the
//     classes of every committed incident, and no other writer commits until the transaction ends;
//   - the transaction's own incident writes may add a class: each write that sets a row's dates to ones that
//     may be of a class other than 0 (mayLeaveClass0) marks the set stale, and the next candidate query reads
//     it again, trigger-fed rows of the transaction included; an update that keeps a row's dates keeps its
//     class, and adds none.
// A class the table holds but no incident has any more (rows are never removed) only costs its seeks.

// dateClassesQuery reads the date classes other than 0 that incidents may have.
const dateClassesQuery = `SELECT date_class FROM incident_date_classes`

// classSet holds, for each date class, whether a candidate query searches it.
type classSet [len(dateClassDays) + 1]bool

// dateClassesOf is the set of date classes a candidate query in tx must search: the one tx read, unless it
// wrote an incident since that may be of a class the set lacks. A store with allClasses (a test's reference)
// searches every class.
func (s *sqlStore) dateClassesOf(ctx context.Context, tx *txn) (classSet, error) {
	if s.allClasses {
		var all classSet
		for i := range all {
			all[i] = true
		}
		return all, nil
	}
	if tx.classesRead {
		return tx.classes, nil
	}
	has := classSet{0: true} // class 0 is always searched
	rows, err := s.queryTx(ctx, tx, dateClassesQuery)
	if err != nil {
		return has, fmt.Errorf("date classes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var class int
		if err := rows.Scan(&class); err != nil {
			return has, fmt.Errorf("date classes: %w", err)
		}
		if class < 0 || class >= len(has) {
			return has, fmt.Errorf("date classes: unknown class %d", class)
		}
		has[class] = true
	}
	if err := rows.Err(); err != nil {
		return has, fmt.Errorf("date classes: %w", err)
	}
	tx.classes, tx.classesRead = has, true
	return has, nil
}

// wroteIncident records that tx writes an incident row's dates, start to end (its date_start and date_end
// columns): when they may be of a class other than 0, the set tx read is stale. A write that leaves the dates
// as they were need not call it.
func (s *sqlStore) wroteIncident(tx *txn, start, end string) {
	if mayLeaveClass0(start, end) {
		tx.classesRead = false
	}
}

// class0Days: a row whose dates are days ("YYYY-MM-DD") less than class0Days apart is of class 0 on both
// backends. SQLite's class is of the exact span (class 0 up to 8 days); PostgreSQL's counts every month as 31
// days, which adds at most 3 days for each month end the span crosses, and a span of 4 days crosses one at
// most: 4 + 3 <= 8. TestMayLeaveClass0 checks this against both backends' date_class.
const class0Days = 5

// mayLeaveClass0 reports whether an incident row dated start to end may be of a date class other than 0:
// unless both are days and less than class0Days apart (an end before the start is a span of 0 days or less,
// class 0 on both backends). It may say true of a class-0 row, never false of another.
func mayLeaveClass0(start, end string) bool {
	from, err := event.ParseDate(start)
	if err != nil {
		return true
	}
	to, err := event.ParseDate(end)
	if err != nil {
		return true
	}
	return to.Sub(from.Time) >= class0Days*24*time.Hour
}
