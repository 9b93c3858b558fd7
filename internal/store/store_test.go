package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

func TestMigrationsIdempotent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	for i := 0; i < 3; i++ {
		s, err := OpenSQLite(ctx, path, Options{})
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		names, _ := migrations.ReadDir("migrations")
		if n != len(names) {
			t.Errorf("open %d: %d migrations recorded, want %d", i, n, len(names))
		}
		s.Close()
	}
}

func TestPutDocumentDedupe(t *testing.T) {
	ctx := context.Background()
	s := open(t)
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

func TestPutResultMergeAndSplit(t *testing.T) {
	ctx := context.Background()
	s := open(t)
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

// checkIntegrity runs SQLite's integrity and foreign key checks.
func checkIntegrity(t testing.TB, s *SQLite) {
	t.Helper()
	var res string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check: %q %v", res, err)
	}
	rows, err := s.db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Errorf("foreign_key_check found violations")
	}
}
