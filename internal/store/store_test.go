package store

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

func TestMigrationsIdempotent(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.fresh(t)
			for i := 0; i < 3; i++ {
				s := openAt(t, dsn)
				var n int
				if err := s.db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
					t.Fatal(err)
				}
				names, _ := fs.Glob(migrations, s.d.migrations())
				if n != len(names) || n == 0 {
					t.Errorf("open %d: %d migrations recorded, want %d", i, n, len(names))
				}
				s.Close()
			}
		})
	}
}

// TestSlowMigrationNotice checks that a migration that runs past slowMigrationNotice (here at once) is
// announced, and its end logged after the announcement, each naming the migration; and that a store opened
// again, with nothing to apply, logs nothing.
func TestSlowMigrationNotice(t *testing.T) {
	var buf strings.Builder
	defer slog.SetDefault(slog.Default())
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))
	defer func(d time.Duration) { slowMigrationNotice = d }(slowMigrationNotice)
	slowMigrationNotice = 0
	path := filepath.Join(t.TempDir(), "m.db")
	openAt(t, path).Close()
	names, _ := fs.Glob(migrations, sqliteDialect{}.migrations())
	logged := buf.String()
	for _, name := range names {
		name = filepath.Base(name)
		notice := strings.Index(logged, "applying a migration; on a large store this can take a minute\" migration="+name)
		end := strings.Index(logged, "migration ended\" migration="+name+" took=")
		if notice < 0 || end < notice {
			t.Errorf("%s: notice at %d, end at %d in the log:\n%s", name, notice, end, logged)
		}
	}
	buf.Reset()
	openAt(t, path).Close()
	if buf.Len() > 0 {
		t.Errorf("a store with nothing to apply logged:\n%s", buf.String())
	}
	// With a delay, the notice comes from the timer, and the end is logged only once it has.
	slowMigrationNotice = time.Millisecond
	var mu sync.Mutex
	var timed strings.Builder
	slog.SetDefault(slog.New(slog.NewTextHandler(lockedWriter{&mu, &timed}, nil)))
	done := noticeSlowMigration("slow.sql")
	for waited := time.Duration(0); ; waited += time.Millisecond {
		mu.Lock()
		noticed := strings.Contains(timed.String(), "migration=slow.sql")
		mu.Unlock()
		if noticed {
			break
		}
		if waited > time.Minute { // not a timing threshold: the notice never came
			t.Fatal("no notice a minute after a migration's delay of a millisecond")
		}
		time.Sleep(time.Millisecond)
	}
	done()
	if got := timed.String(); !strings.Contains(got, "migration ended\" migration=slow.sql took=") {
		t.Errorf("after the timer's notice, the end is not logged:\n%s", got)
	}
}

// lockedWriter writes to w under mu.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, dsn := range []string{filepath.Join(dir, "a.db"), "file:" + filepath.Join(dir, "b.db"),
		"sqlite://" + filepath.Join(dir, "c.db")} {
		st, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatalf("%s: %v", dsn, err)
		}
		if _, ok := st.(*SQLite); !ok {
			t.Errorf("%s: opened %T, want *SQLite", dsn, st)
		}
		st.Close()
	}
	if _, err := Open(ctx, "", Options{}); err == nil {
		t.Error("empty DSN opened")
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	// Nothing listens on port 1: the error shows the DSN went to PostgreSQL, not to a file named after it.
	for _, dsn := range []string{"postgres://nobody@127.0.0.1:1/x", "postgresql://nobody@127.0.0.1:1/x"} {
		if _, err := Open(ctx, dsn, Options{}); err == nil || !strings.Contains(err.Error(), "postgres") {
			t.Errorf("%s: %v, want a PostgreSQL connection error", dsn, err)
		}
	}
}

func TestPutDocumentDedupe(t *testing.T) { eachBackend(t, testPutDocumentDedupe) }

func testPutDocumentDedupe(t *testing.T, s *sqlStore) {
	ctx := context.Background()
	a, err := s.PutDocument(ctx, doc("https://a.example/1", "Shelling hit the town."))
	if err != nil || a.Duplicate {
		t.Fatalf("first put: %+v %v", a, err)
	}
	tests := []struct {
		name string
		d    Document
		dup  bool
	}{
		{"same url", doc("https://a.example/1", "Other text."), true},
		{"same text", doc("https://b.example/2", "Shelling hit the town."), true},
		{"new", doc("https://c.example/3", "A new story."), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.PutDocument(ctx, tt.d)
			if err != nil {
				t.Fatal(err)
			}
			if p.Duplicate != tt.dup || (tt.dup && p.ID != a.ID) {
				t.Errorf("got %+v, want duplicate=%v of %s", p, tt.dup, a.ID)
			}
		})
	}
	near := doc("https://d.example/4", "Shelling hit the town. (syndicated)")
	near.DuplicateOf = a.ID
	p, err := s.PutDocument(ctx, near)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.GetDocument(ctx, p.ID)
	if err != nil || got.DuplicateOf != a.ID {
		t.Errorf("near duplicate link: %+v %v", got.DuplicateOf, err)
	}
	if _, err := s.GetDocument(ctx, "doc-missing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing document: %v", err)
	}
}

func TestPutResultMergeAndSplit(t *testing.T) { eachBackend(t, testPutResultMergeAndSplit) }

func testPutResultMergeAndSplit(t *testing.T, s *sqlStore) {
	ctx := context.Background()
	in1, err := s.PutResult(ctx, doc("https://a.example/1", "Army shelled Kharkiv, killing 3."),
		[]event.Event{ev("e1", "Shelling/artillery/missile attack", 10, "Kharkiv", 49.99, 36.23, "UA", 3, "Military Forces of Russia")})
	if err != nil || in1.Created != 1 {
		t.Fatalf("first: %+v %v", in1, err)
	}
	in2, err := s.PutResult(ctx, doc("https://b.example/2", "Shelling of Kharkiv killed 5, officials said."),
		[]event.Event{ev("e1", "Shelling/artillery/missile attack", 10, "Kharkiv", 49.98, 36.25, "UA", 5, "Military Forces of Russia")})
	if err != nil || in2.Merged != 1 {
		t.Fatalf("second: %+v %v", in2, err)
	}
	again, err := s.PutResult(ctx, doc("https://b.example/2", "Shelling of Kharkiv killed 5, officials said."), nil)
	if err != nil || !again.Duplicate {
		t.Fatalf("re-ingest: %+v %v", again, err)
	}
	id := in1.Changes[0].IncidentID
	det, err := s.GetIncident(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(det.Incident.Reports) != 2 || len(det.Documents) != 2 || len(det.Changes) != 2 {
		t.Fatalf("incident: %d reports, %d documents, %d changes", len(det.Incident.Reports), len(det.Documents), len(det.Changes))
	}
	if b := det.Incident.Fatalities.Best; b == nil || *b < 3 {
		t.Errorf("reconciled fatalities: %+v", det.Incident.Fatalities)
	}
	out, err := s.SplitIncident(ctx, id, in2.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id   string
		docs int
	}{{id, 1}, {out.ID, 1}} {
		d, err := s.GetIncident(ctx, c.id)
		if err != nil || len(d.Incident.Reports) != c.docs {
			t.Errorf("after split %s: %v %v", c.id, d.Incident.Reports, err)
		}
	}
	if _, err := s.SplitIncident(ctx, id, in2.ID); !errors.Is(err, incident.ErrNoReport) {
		t.Errorf("second split: %v", err)
	}
	checkIntegrity(t, s)
}

// checkIntegrity runs SQLite's integrity and foreign key checks (PostgreSQL enforces foreign keys as it goes),
// then checks on both backends that every incident's report links agree with the reports in its body.
func checkIntegrity(t testing.TB, s *sqlStore) {
	t.Helper()
	if _, ok := s.d.(sqliteDialect); ok {
		var res string
		if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
			t.Errorf("integrity_check: %q %v", res, err)
		}
		var bad int
		if err := s.db.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&bad); err != nil || bad != 0 {
			t.Errorf("foreign_key_check: %d violations, %v", bad, err)
		}
	}
	rows, err := s.db.Query(`SELECT i.body, (SELECT count(*) FROM incident_reports r WHERE r.incident_rid = i.rid)
		FROM incidents i`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var body string
		var links int
		if err := rows.Scan(&body, &links); err != nil {
			t.Fatal(err)
		}
		inc, err := decodeBody([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		if len(inc.Reports) != links {
			t.Errorf("incident %s: %d reports in its body, %d report links", inc.ID, len(inc.Reports), links)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}
