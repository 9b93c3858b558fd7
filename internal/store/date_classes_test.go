package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"sitrep/internal/event"
)

// allClasses is s searching every date class, as candidates did before incident_date_classes: the reference
// the skipping must agree with.
func allClasses(s *sqlStore) *sqlStore {
	r := *s
	r.allClasses = true
	return &r
}

// candidateRids are the rids of s's candidates for r in tx, in the order the query returned them.
func candidateRids(t *testing.T, s *sqlStore, tx *txn, r event.Event) []int64 {
	t.Helper()
	_, cs, err := s.candidates(context.Background(), tx, r)
	if err != nil {
		t.Fatal(err)
	}
	rids := make([]int64, len(cs))
	for i, c := range cs {
		rids[i] = c.rid
	}
	return rids
}

// storedClasses are the rows of incident_date_classes, and the distinct date classes other than 0 of incidents.
func storedClasses(t *testing.T, db *sql.DB) (table, incidents []string) {
	t.Helper()
	return dumpRows(t, db, `SELECT date_class FROM incident_date_classes ORDER BY 1`),
		dumpRows(t, db, `SELECT DISTINCT date_class FROM incidents WHERE date_class <> 0 ORDER BY 1`)
}

// TestMayLeaveClass0 checks mayLeaveClass0 against each backend's date_class: every row of a class other than
// 0 is one it says may be, for every start over two years (a leap year's February among them) and spans of 0
// to 12 days, and for dates that are not days. It also checks that it says false of spans under 5 days, and
// that incident_date_classes holds the classes of the rows.
func TestMayLeaveClass0(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		type pair struct{ start, end string }
		var pairs []pair
		for day := event.NewDate(2023, 1, 1); day.Year() < 2025; day = day.AddDays(1) {
			for span := range 13 {
				pairs = append(pairs, pair{day.String(), day.AddDays(span).String()})
			}
		}
		pairs = append(pairs, pair{"", ""}, pair{"2024-02-30", "2024-03-01"}, pair{"2024-2-28", "2024-03-01"},
			pair{"2024-03-10", "2024-03-01"}, pair{"2024-03-01", ""}, pair{"2024-03-01", "2024-03-01T00:00:00Z"})
		err := s.tx(ctx, func(tx *txn) error {
			st, err := tx.PrepareContext(ctx, s.d.rebind(`INSERT INTO incidents (id, body, date_start, date_end, updated)
				VALUES (?, '{}', ?, ?, 'x')`))
			if err != nil {
				return err
			}
			defer st.Close()
			for i, p := range pairs {
				if _, err := st.ExecContext(ctx, "i"+strconv.Itoa(i), p.start, p.end); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT date_start, date_end, date_class FROM incidents`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n, short := 0, 0
		for rows.Next() {
			var start, end string
			var class int
			if err := rows.Scan(&start, &end, &class); err != nil {
				t.Fatal(err)
			}
			n++
			may := mayLeaveClass0(start, end)
			if class != 0 && !may {
				t.Errorf("%s to %s: class %d, mayLeaveClass0 false", start, end, class)
			}
			from, err1 := event.ParseDate(start)
			to, err2 := event.ParseDate(end)
			if err1 == nil && err2 == nil && to.Sub(from.Time).Hours() < 5*24 {
				short++
				if may {
					t.Errorf("%s to %s: mayLeaveClass0 true of a span under 5 days", start, end)
				}
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if n != len(pairs) || short == 0 {
			t.Fatalf("read %d rows of %d, %d short", n, len(pairs), short)
		}
		table, want := storedClasses(t, s.db)
		if !slices.Equal(table, want) || !slices.Equal(want, []string{"1", "3"}) {
			t.Errorf("incident_date_classes %v, incidents' classes %v, want [1 3] both", table, want)
		}
	})
}

// TestDateClassTrigger checks that incident_date_classes gains the class of an incident inserted or given new
// dates, and keeps it when the incident's dates change back or the incident is deleted.
func TestDateClassTrigger(t *testing.T) {
	steps := []struct {
		name, q             string
		want, wantIncidents []string // incident_date_classes, the incidents' classes other than 0
	}{
		{"insert class 0", `INSERT INTO incidents (id, body, date_start, date_end, updated) VALUES ('a', '{}', '2026-02-01', '2026-02-03', 'x')`, nil, nil},
		{"widen to class 1", `UPDATE incidents SET date_end = '2026-02-20' WHERE id = 'a'`, []string{"1"}, []string{"1"}},
		{"narrow to class 0", `UPDATE incidents SET date_end = '2026-02-02' WHERE id = 'a'`, []string{"1"}, nil},
		{"other columns", `UPDATE incidents SET body = '{"id":"a"}' WHERE id = 'a'`, []string{"1"}, nil},
		{"insert class 3", `INSERT INTO incidents (id, body, date_start, date_end, updated) VALUES ('b', '{}', '2020-01-01', '2026-01-01', 'x')`, []string{"1", "3"}, []string{"3"}},
		{"start moves, class 2", `UPDATE incidents SET date_start = '2025-06-01' WHERE id = 'b'`, []string{"1", "2", "3"}, []string{"2"}},
		{"delete", `DELETE FROM incidents WHERE id = 'b'`, []string{"1", "2", "3"}, nil},
	}
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		for _, st := range steps {
			if _, err := s.db.Exec(st.q); err != nil {
				t.Fatal(st.name, err)
			}
			table, incidents := storedClasses(t, s.db)
			if !slices.Equal(table, st.want) || !slices.Equal(incidents, st.wantIncidents) {
				t.Errorf("%s: incident_date_classes %v, incidents' classes %v; want %v, %v", st.name, table,
					incidents, st.want, st.wantIncidents)
			}
		}
	})
}

// TestDateClassCandidates checks that an incident of class 1, 2 or 3 is a candidate for a report within its
// dates once it is stored, however the set of classes was read before: earlier in the same transaction (which
// then stores the incident), by an earlier transaction, or by another handle on the store (another process),
// and that the candidates equal those of a search of every class.
func TestDateClassCandidates(t *testing.T) {
	cases := []struct {
		class, span int // the incident's class and days from start to end
	}{{1, 20}, {2, 100}, {3, 500}}
	ways := []string{"same transaction", "another transaction", "another handle"}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			for _, tc := range cases {
				for _, way := range ways {
					t.Run(fmt.Sprintf("class %d, %s", tc.class, way), func(t *testing.T) {
						testDateClassCandidates(t, b.fresh(t), tc.class, tc.span, way)
					})
				}
			}
		})
	}
}

func testDateClassCandidates(t *testing.T, dsn string, class, span int, way string) {
	ctx := context.Background()
	s := openAt(t, dsn)
	reader := s
	if way == "another handle" {
		reader = openAt(t, dsn)
	}
	// A class-0 incident nearby, and the wide one to store.
	near := ev("e1", "Armed clash", 3, "Goma", -1.68, 29.22, "CD", 1, "Group A")
	if _, err := s.PutResult(ctx, doc("https://classes.example/near", "A clash."), []event.Event{near}); err != nil {
		t.Fatal(err)
	}
	wide := ev("e1", "Armed clash", 1, "Goma", -1.68, 29.22, "CD", 1, "Group B")
	wide.Date.End = wide.Date.Start.AddDays(span)
	wideDoc := doc("https://classes.example/wide", "Fighting for weeks.")
	report := ev("r1", "Armed clash", 1, "Goma", -1.68, 29.22, "CD", 1, "Group B")
	report.Date.Start = wide.Date.Start.AddDays(span / 2)
	report.Date.End = report.Date.Start
	// check reads the candidates for report in tx, which must equal a search of every class and hold the
	// wide incident when stored; it returns whether tx's set of classes holds class.
	check := func(tx *txn, stored bool) bool {
		t.Helper()
		got := candidateRids(t, reader, tx, report)
		if want := candidateRids(t, allClasses(reader), tx, report); !slices.Equal(got, want) {
			t.Errorf("candidates %v, searching every class %v", got, want)
		}
		var rid int64
		err := tx.QueryRowContext(ctx, reader.d.rebind(`SELECT rid FROM incidents WHERE date_class = ?`), class).Scan(&rid)
		if stored != (err == nil) {
			t.Fatalf("incident of class %d stored %v: %v", class, stored, err)
		}
		if stored && !slices.Contains(got, rid) {
			t.Errorf("candidates %v lack the incident of class %d (rid %d)", got, class, rid)
		}
		has, err := reader.dateClassesOf(ctx, tx)
		if err != nil {
			t.Fatal(err)
		}
		return has[class]
	}
	if way == "same transaction" {
		err := s.tx(ctx, func(tx *txn) error {
			if check(tx, false) {
				t.Errorf("class %d searched before its incident is stored", class)
			}
			var idx indexQueue
			if _, err := s.putResult(ctx, tx, wideDoc, []event.Event{wide}, &idx); err != nil {
				return err
			}
			if !check(tx, true) {
				t.Errorf("class %d not searched once its incident is stored", class)
			}
			return s.flushIndex(ctx, tx, idx)
		})
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	if err := reader.tx(ctx, func(tx *txn) error {
		if check(tx, false) {
			t.Errorf("class %d searched before its incident is stored", class)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutResult(ctx, wideDoc, []event.Event{wide}); err != nil {
		t.Fatal(err)
	}
	if err := reader.tx(ctx, func(tx *txn) error {
		if !check(tx, true) {
			t.Errorf("class %d not searched once its incident is stored", class)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestDateClassSkipAgrees ingests documents whose events span 0 days to 2 years, or are undated, in batches,
// and checks before each document is stored (in the batch's transaction, after the documents before it) that
// each of its events' candidates, with the classes no incident has skipped, are those of a search of every
// class, in the same order.
func TestDateClassSkipAgrees(t *testing.T) {
	spans := []int{0, 0, 0, 0, 2, 6, 9, 20, 45, 100, 500, 800, -1} // -1: undated
	eachBackend(t, func(t *testing.T, s *sqlStore) {
		ctx := context.Background()
		rng := rand.New(rand.NewPCG(7, 8))
		ref := allClasses(s)
		skipped := map[int]int{} // queries that skipped each class
		for batch := range 8 {
			var rs []Result
			for i := range 30 {
				d := doc(fmt.Sprintf("https://skip.example/%d/%d", batch, i), fmt.Sprintf("Report %d of batch %d.", i, batch))
				var evs []event.Event
				for j := range 2 {
					e := ev("e"+strconv.Itoa(j+1), benchSubTypes[rng.IntN(3)], 1, "Town", 10+rng.Float64()*5,
						20+rng.Float64()*5, "SD", 1, "Group "+strconv.Itoa(rng.IntN(4)))
					e.Date.Start = event.NewDate(2025, 1, 1).AddDays(rng.IntN(120))
					// Later batches hold the wider spans, so the earlier ones run with classes absent.
					switch span := spans[rng.IntN(min(len(spans), 4+batch*2))]; {
					case span < 0:
						e.Date = nil
					default:
						e.Date.End = e.Date.Start.AddDays(span)
					}
					if rng.IntN(4) == 0 {
						e.Location.Precision = event.LocCountry
					}
					evs = append(evs, e)
				}
				rs = append(rs, Result{Document: d, Events: evs})
			}
			err := s.batchTx(ctx, func(tx *txn) error {
				var idx indexQueue
				for _, r := range rs {
					for _, e := range r.Events {
						if e.Date == nil {
							continue
						}
						got, want := candidateRids(t, s, tx, e), candidateRids(t, ref, tx, e)
						if !slices.Equal(got, want) {
							t.Errorf("%s/%s: candidates %v, searching every class %v", r.Document.URL, e.ID, got, want)
						}
						has, err := s.dateClassesOf(ctx, tx)
						if err != nil {
							return err
						}
						for c, ok := range has {
							if !ok {
								skipped[c]++
							}
						}
					}
					if _, err := s.putResult(ctx, tx, r.Document, r.Events, &idx); err != nil {
						return err
					}
				}
				return s.flushIndex(ctx, tx, idx)
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		table, incidents := storedClasses(t, s.db)
		if !slices.Equal(table, []string{"1", "2", "3"}) || !slices.Equal(incidents, table) {
			t.Errorf("incident_date_classes %v, incidents' classes %v; want [1 2 3]", table, incidents)
		}
		for c := 1; c <= 3; c++ {
			if skipped[c] == 0 {
				t.Errorf("no query skipped class %d", c)
			}
		}
	})
}

// TestDateClassMigration checks that the migration that adds incident_date_classes (SQLite 0013, PostgreSQL
// 0008) fills it with the classes of a store's incidents, and that the store then finds its wide incidents.
func TestDateClassMigration(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			dsn := b.fresh(t)
			var db *sql.DB
			var d dialect
			var err error
			newOne := "migrations/0013_"
			if strings.HasPrefix(dsn, "postgres") {
				db, err = sql.Open("pgx", dsn)
				d, newOne = postgresDialect{}, "migrations/postgres/0008_"
			} else {
				db, err = sql.Open("sqlite", "file:"+dsn+"?_pragma=journal_mode(WAL)&_pragma=foreign_keys(ON)")
				d = sqliteDialect{}
			}
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.ExecContext(ctx, `CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
				t.Fatal(err)
			}
			names, _ := fs.Glob(migrations, d.migrations())
			sort.Strings(names)
			if !slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, newOne) }) {
				t.Fatalf("no migration %s", newOne)
			}
			for _, name := range names {
				if name < newOne {
					if err := applyMigration(ctx, db, d, name); err != nil {
						t.Fatal(name, err)
					}
				}
			}
			// Incidents of classes 0, 1 and 3 at Goma, as a store before the migration holds them.
			for i, dates := range [][2]string{{"2026-02-01", "2026-02-02"}, {"2026-01-20", "2026-02-10"},
				{"2024-01-01", "2026-03-01"}, {"2026-02-02", "2026-02-02"}} {
				id := "inc" + strconv.Itoa(i)
				if _, err := db.ExecContext(ctx, d.rebind(`INSERT INTO incidents (id, body, date_start, date_end,
					lat, lon, loc_precision, country, event_type, sub_event_type, updated)
					VALUES (?, ?, ?, ?, -1.68, 29.22, 'exact', 'CD', 'Battles', 'Armed clash', 'x')`),
					id, `{"id":"`+id+`"}`, dates[0], dates[1]); err != nil {
					t.Fatal(err)
				}
			}
			s := openAt(t, dsn) // migrates
			table, incidents := storedClasses(t, s.db)
			if !slices.Equal(table, []string{"1", "3"}) || !slices.Equal(incidents, table) {
				t.Errorf("incident_date_classes %v, incidents' classes %v; want [1 3]", table, incidents)
			}
			report := ev("r1", "Armed clash", 1, "Goma", -1.68, 29.22, "CD", 1, "Group")
			if err := s.tx(ctx, func(tx *txn) error {
				if got := candidateRids(t, s, tx, report); len(got) != 4 {
					t.Errorf("candidates %v, want the 4 incidents", got)
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestNullClassBoundSkipsSeek checks, in SQLite's program for each candidate query of up to maxArmKeys keys,
// that every seek of the candidate index is preceded by a test for NULL of its lowest date_start, loaded from
// one of the date classes' parameters: a class bound to NULL then reads no page of the index.
func TestNullClassBoundSkipsSeek(t *testing.T) {
	s := open(t)
	classes := len(dateClassDays) + 1
	type query struct {
		n                    int
		byCountry, bySubType bool
	}
	var qs []query
	for _, bySubType := range []bool{false, true} {
		qs = append(qs, query{1, true, bySubType})
		for _, n := range candidateKeySizes {
			if n <= maxArmKeys {
				qs = append(qs, query{n, false, bySubType})
			}
		}
	}
	for _, q := range qs {
		t.Run(fmt.Sprintf("%d keys, country %v, sub-type %v", q.n, q.byCountry, q.bySubType), func(t *testing.T) {
			params := q.n + classes + 2
			if q.bySubType {
				params += subTypeParams
			}
			text := candidateQuery(s.d, q.n, q.byCountry, q.bySubType)
			// SQLite numbers named parameters ($9) in the order they first appear: named[i] is the number in
			// the name of the parameter it numbers i+1.
			var named []int64
			for _, m := range regexp.MustCompile(`\$([0-9]+)`).FindAllStringSubmatch(text, -1) {
				k, _ := strconv.ParseInt(m[1], 10, 64)
				if !slices.Contains(named, k) {
					named = append(named, k)
				}
			}
			loaded := map[int64]int64{} // register: the parameter last loaded into it
			tested := map[int64]bool{}  // register: tested for NULL since
			seeks := 0
			for _, st := range program(t, s, text, make([]any, params)...) {
				switch st.op {
				case "Variable":
					loaded[st.p2], tested[st.p2] = named[st.p1-1], false
				case "IsNull":
					tested[st.p1] = true
				case "SeekGE", "SeekGT":
					// The key is p4 registers from p3: the geo key or country, the class, the lowest start.
					n, _ := strconv.ParseInt(st.p4, 10, 64)
					low := st.p3 + n - 1
					param := loaded[low]
					if n != 3 || param <= int64(q.n) || param > int64(q.n+classes) || !tested[low] {
						t.Errorf("%d: %s on %d registers from %d: lowest start from parameter %d, tested for NULL %v",
							st.addr, st.op, n, st.p3, param, tested[low])
					}
					seeks++
				}
			}
			if want := q.n * classes; seeks != want {
				t.Errorf("%d seeks, want one per key and class, %d", seeks, want)
			}
		})
	}
}
