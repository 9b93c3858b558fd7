package store

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/event"
)

// seedAggregate stores seed's incidents plus awkward ones: unplaced, undated, without a fatality figure, with
// actor1 second among the actors, with no end date, and two of one type on one day.
func seedAggregate(t testing.TB, s *sqlStore) {
	t.Helper()
	seed(t, s)
	unplaced := ev("e1", "Armed clash", 8, "Somewhere", 0, 0, "CD", 3, "Unknown")
	undated := ev("e1", "Attack", 1, "Kadugli", 11.01, 29.72, "SD", 4, "Militia")
	undated.Date = nil
	nodead := ev("e1", "Peaceful protest", 5, "Kano", 12.0, 8.52, "NG", -1, "Students")
	second := ev("e1", "Armed clash", 8, "Butembo", 0.14, 29.29, "CD", 7, "Mai-Mai")
	second.Actors = append([]event.Actor{{Role: event.RoleActor2, Name: "Civilians", Kind: event.KindCivilians,
		Attribution: event.AttrStated}}, second.Actors...)
	noactor := ev("e1", "Attack", 12, "Nyala", 12.05, 24.88, "SD", 1, "x")
	noactor.Actors = nil
	noend := ev("e1", "Attack", 15, "Zalingei", 12.9, 23.47, "SD", 2, "Militia")
	noend.Date.End = event.Date{}
	for i, e := range []event.Event{unplaced, undated, nodead, second, noactor, noend} {
		d := doc(fmt.Sprintf("https://other.example/%d", i), fmt.Sprintf("Other story %d.", i))
		if _, err := s.PutResult(context.Background(), d, []event.Event{e}); err != nil {
			t.Fatal(err)
		}
	}
}

// aggregateFilters are the filters Markers and Timeline are checked under.
var aggregateFilters = []struct {
	name string
	f    Filter
}{
	{"all", Filter{}},
	{"country", Filter{Country: "CD"}},
	{"type", Filter{EventType: "Protests"}},
	{"sub-type and fatalities", Filter{SubEventType: "Armed clash", MinFatalities: 3}},
	{"date range", Filter{From: event.NewDate(2026, 2, 3), To: event.NewDate(2026, 2, 12)}},
	{"bbox", Filter{BBox: &BBox{MinLat: -2, MinLon: 28, MaxLat: 2, MaxLon: 31}}},
	{"actor", Filter{Actor: "mai-mai"}},
	{"text", Filter{Query: "clash"}},
	{"none", Filter{Country: "FR"}},
	{"paging fields ignored", Filter{Limit: 1, Cursor: encodeCursor(cursor{key: "2026-02-01", rid: 1})}},
}

func TestMarkersMatchAll(t *testing.T) { eachBackend(t, testMarkersMatchAll) }

func testMarkersMatchAll(t *testing.T, s *sqlStore) {
	seedAggregate(t, s)
	ctx := context.Background()
	for _, tt := range aggregateFilters {
		t.Run(tt.name, func(t *testing.T) {
			want := markersFromAll(t, s, tt.f)
			for _, limit := range []int{1000, len(want), len(want) - 1, 1, 0} {
				if limit < 0 {
					continue
				}
				got, truncated, err := s.Markers(ctx, tt.f, limit)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want[:min(limit, len(want))]) {
					t.Errorf("limit %d: got\n%+v\nwant\n%+v", limit, got, want[:min(limit, len(want))])
				}
				if truncated != (len(want) > limit) {
					t.Errorf("limit %d: truncated %v with %d markers", limit, truncated, len(want))
				}
			}
		})
	}
}

// markersFromAll makes the markers of f by decoding every matching incident.
func markersFromAll(t *testing.T, s *sqlStore, f Filter) []Marker {
	t.Helper()
	out := []Marker{}
	for inc, err := range All(context.Background(), s, f) {
		if err != nil {
			t.Fatal(err)
		}
		if inc.Location == nil || (inc.Location.Lat == 0 && inc.Location.Lon == 0) {
			continue
		}
		m := Marker{ID: inc.ID, Lat: inc.Location.Lat, Lon: inc.Location.Lon, EventType: inc.EventType,
			SubEventType: inc.SubEventType, Country: inc.Location.Country, Location: inc.Location.Name}
		if inc.Date != nil {
			m.Date, m.DateEnd = inc.Date.Start.String(), inc.Date.End.String()
		}
		if inc.Fatalities != nil && inc.Fatalities.Best != nil {
			m.Fatalities = *inc.Fatalities.Best
		}
		for _, a := range inc.Actors {
			if a.Role == event.RoleActor1 {
				m.Actor1 = a.Name
				break
			}
		}
		out = append(out, m)
	}
	return out
}

func TestTimelineMatchesAll(t *testing.T) { eachBackend(t, testTimelineMatchesAll) }

func testTimelineMatchesAll(t *testing.T, s *sqlStore) {
	seedAggregate(t, s)
	for _, tt := range aggregateFilters {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Timeline(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if want := timelineFromAll(t, s, tt.f); !reflect.DeepEqual(got, want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

// timelineFromAll sums the timeline of f by decoding every matching incident.
func timelineFromAll(t *testing.T, s *sqlStore, f Filter) []TimelineDay {
	t.Helper()
	type key struct{ date, typ string }
	sums := map[key]*TimelineDay{}
	for inc, err := range All(context.Background(), s, f) {
		if err != nil {
			t.Fatal(err)
		}
		if inc.Date == nil || inc.Date.Start.IsZero() {
			continue
		}
		k := key{inc.Date.Start.String(), inc.EventType}
		if sums[k] == nil {
			sums[k] = &TimelineDay{Date: k.date, EventType: k.typ}
		}
		sums[k].Incidents++
		if inc.Fatalities != nil && inc.Fatalities.Best != nil {
			sums[k].Fatalities += *inc.Fatalities.Best
		}
	}
	out := []TimelineDay{}
	for _, d := range sums {
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b TimelineDay) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.EventType, b.EventType))
	})
	return out
}

func TestMarkerColumnsBackfill(t *testing.T) { eachBackend(t, testMarkerColumnsBackfill) }

// testMarkerColumnsBackfill empties the marker columns, runs the backfill of the marker-columns migration, and
// checks the markers against the bodies again.
func testMarkerColumnsBackfill(t *testing.T, s *sqlStore) {
	seedAggregate(t, s)
	ctx := context.Background()
	names, err := fs.Glob(migrations, s.d.migrations())
	if err != nil {
		t.Fatal(err)
	}
	var backfill string
	for _, n := range names {
		if strings.HasSuffix(n, "_marker_columns.sql") {
			body, err := migrations.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			_, backfill, _ = strings.Cut(string(body), ";\nUPDATE")
		}
	}
	if backfill == "" {
		t.Fatal("no marker-columns migration with an UPDATE")
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE incidents SET place_name = '', actor1 = '', given_end = ''`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "UPDATE"+backfill); err != nil {
		t.Fatal(err)
	}
	got, _, err := s.Markers(ctx, Filter{}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if want := markersFromAll(t, s, Filter{}); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
}
