package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"sitrep/internal/event"
)

// seed stores six separate incidents in three countries.
func seed(t testing.TB, s *sqlStore) {
	t.Helper()
	evs := []event.Event{
		ev("e1", "Armed clash", 1, "Goma", -1.68, 29.22, "CD", 12, "M23"),
		ev("e1", "Air/drone strike", 3, "Khartoum", 15.50, 32.56, "SD", 40, "Military Forces of Sudan"),
		ev("e1", "Peaceful protest", 5, "Lagos", 6.45, 3.39, "NG", 0, "Protesters"),
		ev("e1", "Armed clash", 8, "Bunia", 1.56, 30.25, "CD", 5, "CODECO"),
		ev("e1", "Attack", 12, "El Fasher", 13.63, 25.35, "SD", 25, "Rapid Support Forces"),
		ev("e1", "Armed clash", 20, "Beni", 0.49, 29.47, "CD", 2, "ADF"),
	}
	for i, e := range evs {
		d := doc(fmt.Sprintf("https://news.example/%d", i), fmt.Sprintf("Story %d about %s.", i, e.Location.Name))
		if _, err := s.PutResult(context.Background(), d, []event.Event{e}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestListIncidentsFilters(t *testing.T) { eachBackend(t, testListIncidentsFilters) }

func testListIncidentsFilters(t *testing.T, s *sqlStore) {
	seed(t, s)
	tests := []struct {
		name string
		f    Filter
		want []string // place names, newest first
	}{
		{"all", Filter{}, []string{"Beni", "El Fasher", "Bunia", "Lagos", "Khartoum", "Goma"}},
		{"country", Filter{Country: "CD"}, []string{"Beni", "Bunia", "Goma"}},
		{"admin1", Filter{Admin1: "SD-region"}, []string{"El Fasher", "Khartoum"}},
		{"date range", Filter{From: event.NewDate(2026, 2, 3), To: event.NewDate(2026, 2, 8)}, []string{"Bunia", "Lagos", "Khartoum"}},
		{"type", Filter{EventType: "Protests"}, []string{"Lagos"}},
		{"sub-type", Filter{SubEventType: "Armed clash"}, []string{"Beni", "Bunia", "Goma"}},
		{"actor", Filter{Actor: "rapid support"}, []string{"El Fasher"}},
		{"min fatalities", Filter{MinFatalities: 12}, []string{"El Fasher", "Khartoum", "Goma"}},
		{"bbox", Filter{BBox: &BBox{MinLat: -2, MinLon: 28, MaxLat: 2, MaxLon: 31}}, []string{"Beni", "Bunia", "Goma"}},
		{"bbox empty", Filter{BBox: &BBox{MinLat: 50, MinLon: 0, MaxLat: 51, MaxLon: 1}}, nil},
		{"text summary", Filter{Query: "drone"}, []string{"Khartoum"}},
		{"text document", Filter{Query: "story bunia"}, []string{"Bunia"}},
		{"combined", Filter{Country: "CD", MinFatalities: 5, Query: "clash"}, []string{"Bunia", "Goma"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.ListIncidents(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := places(p.Incidents); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestListIncidentsPagination(t *testing.T) { eachBackend(t, testListIncidentsPagination) }

func testListIncidentsPagination(t *testing.T, s *sqlStore) {
	seed(t, s)
	ctx := context.Background()
	for _, size := range []int{1, 2, 4, 6, 10} {
		var got []string
		f := Filter{Limit: size}
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatal("pagination does not end")
			}
			p, err := s.ListIncidents(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Incidents) > size {
				t.Fatalf("page of %d > limit %d", len(p.Incidents), size)
			}
			got = append(got, places(p.Incidents)...)
			if p.Next == "" {
				break
			}
			f.Cursor = p.Next
		}
		if want := "[Beni El Fasher Bunia Lagos Khartoum Goma]"; fmt.Sprint(got) != want {
			t.Errorf("limit %d: %v", size, got)
		}
	}
	if _, err := s.ListIncidents(ctx, Filter{Cursor: "!!"}); !errors.Is(err, ErrBadCursor) {
		t.Errorf("bad cursor: %v", err)
	}
}

func TestListDocuments(t *testing.T) { eachBackend(t, testListDocuments) }

func testListDocuments(t *testing.T, s *sqlStore) {
	seed(t, s)
	ctx := context.Background()
	docs, next, err := s.ListDocuments(ctx, DocumentFilter{Limit: 4})
	if err != nil || len(docs) != 4 || next == "" {
		t.Fatalf("first page: %d %q %v", len(docs), next, err)
	}
	rest, next, err := s.ListDocuments(ctx, DocumentFilter{Limit: 4, Cursor: next})
	if err != nil || len(rest) != 2 || next != "" {
		t.Fatalf("second page: %d %q %v", len(rest), next, err)
	}
	hit, _, err := s.ListDocuments(ctx, DocumentFilter{Query: "khartoum"})
	if err != nil || len(hit) != 1 || hit[0].URL != "https://news.example/1" {
		t.Errorf("fts: %v %v", hit, err)
	}
}

func TestSources(t *testing.T) { eachBackend(t, testSources) }

func testSources(t *testing.T, s *sqlStore) {
	ctx := context.Background()
	if err := s.PutSource(ctx, Source{URL: "https://feed.example/rss"}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSource(ctx, Source{URL: "https://feed.example/rss", ETag: `"x"`, LastError: "404"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.ListSources(ctx)
	if err != nil || len(got) != 1 || got[0].ETag != `"x"` || got[0].LastError != "404" {
		t.Fatalf("sources: %+v %v", got, err)
	}
	if err := s.DeleteSource(ctx, "https://feed.example/rss"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSource(ctx, "https://feed.example/rss"); !errors.Is(err, ErrNotFound) {
		t.Errorf("delete twice: %v", err)
	}
}

// places lists incidents' place names.
func places(incs []event.Incident) []string {
	var out []string
	for _, inc := range incs {
		out = append(out, inc.Location.Name)
	}
	return out
}

func TestAll(t *testing.T) { eachBackend(t, testAll) }

func testAll(t *testing.T, s *sqlStore) {
	seed(t, s)
	var got []string
	for inc, err := range All(context.Background(), s, Filter{Country: "CD", Limit: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, inc.Location.Name)
	}
	if fmt.Sprint(got) != "[Beni Bunia Goma]" {
		t.Errorf("got %v", got)
	}
}
