package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/incident"
)

// TestScoreBoundMerges is a differential test of the candidates left out by incident.ScoreBound: a varied corpus
// (documents of one to three events of compatible and other sub-types, every date and place precision, dates a
// few days apart, places a few kilometres to a degree apart and country-only, actor1s shared, other, alleged,
// unidentified and none) is stored into two stores, one reading candidates with the bound and one without, and
// every event must be merged into the same incident or start the same one, and the stores must end up with the
// same incidents. It also checks that the bound left out candidates, and only ones Merger.Score rejects.
func TestScoreBoundMerges(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			bounded, all := openAt(t, b.fresh(t)), openAt(t, b.fresh(t))
			all.noScoreBound = true
			rng := rand.New(rand.NewPCG(6, 12))
			subs := []string{"Armed clash", "Armed clash", "Government regains territory", "Attack", "Air/drone strike",
				"Shelling/artillery/missile attack", "Peaceful protest", "Protest with intervention", "", "Grenade"}
			precisions := []string{event.PrecisionDay, event.PrecisionDay, event.PrecisionWeek, event.PrecisionMonth,
				event.PrecisionYear}
			places := []string{event.LocExact, event.LocExact, event.LocNear, event.LocRegion, event.LocCountry}
			names := []string{"Military Forces of Syria", "Wagner Group", "Unidentified gunmen", "Hayat Tahrir al-Sham"}
			attributions := []string{"", event.AttrStated, event.AttrAlleged}
			geonames := []int64{101, 102, 103}
			newEvent := func(id string) event.Event {
				sub := subs[rng.IntN(len(subs))]
				typ, _ := event.TypeOf(sub)
				if sub == "" {
					typ = event.TypeBattles
				}
				start := event.NewDate(2026, 2, 1+rng.IntN(12))
				w := &event.When{Start: start, End: start.AddDays(rng.IntN(3)), Precision: precisions[rng.IntN(len(precisions))]}
				if w.Precision == event.PrecisionMonth {
					w.Start, w.End = event.NewDate(2026, 2, 1), event.NewDate(2026, 2, 28)
				}
				adm := "Aleppo"
				p := &event.Place{Name: "P", Country: "SY", Admin1: &adm, Precision: places[rng.IntN(len(places))],
					Lat: 36 + rng.Float64()*rng.Float64()*1.2, Lon: 37 + rng.Float64()*rng.Float64()*1.2}
				if p.Precision == event.LocCountry {
					p.Lat, p.Lon = 0, 0
				} else if rng.IntN(2) == 0 {
					p.GeonameID = &geonames[rng.IntN(len(geonames))]
				}
				var actors []event.Actor
				if rng.IntN(4) > 0 {
					actors = []event.Actor{{Role: event.RoleActor1, Name: names[rng.IntN(len(names))],
						Kind: event.KindStateForces, Attribution: attributions[rng.IntN(len(attributions))]}}
				}
				dead := rng.IntN(20)
				return event.Event{ID: id, EventType: typ, SubEventType: sub, Summary: sub + " " + id, Date: w,
					Location: p, Actors: actors, Fatalities: &event.Count{Best: &dead}}
			}
			// candidates with and without the bound, for a report, in bounded's store.
			left, read, merged := 0, 0, 0
			checkLeft := func(ev event.Event, docID string) {
				err := bounded.tx(ctx, func(tx *txn) error {
					incs, _, err := bounded.candidates(ctx, tx, ev)
					if err != nil {
						return err
					}
					bounded.noScoreBound = true
					allIncs, _, err := bounded.candidates(ctx, tx, ev)
					bounded.noScoreBound = false
					if err != nil {
						return err
					}
					kept := map[string]bool{}
					for _, inc := range incs {
						kept[inc.ID] = true
					}
					r := event.Report{DocumentID: docID, Event: ev}
					for _, inc := range allIncs {
						if !kept[inc.ID] {
							left++
							if m := bounded.merger.Score(inc, r); m.OK(incident.DefaultOptions().MinScore) {
								t.Errorf("report %s/%s: incident %s left out, Score accepts it: %+v", docID, ev.ID, inc.ID, m)
							}
						}
					}
					read += len(incs)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			for i := range 400 {
				d := doc(fmt.Sprintf("https://bound.example/%d", i), fmt.Sprintf("Report %d.", i))
				evs := make([]event.Event, 1+rng.IntN(3))
				for k := range evs {
					evs[k] = newEvent(fmt.Sprintf("e%d", k+1))
				}
				for _, ev := range evs {
					checkLeft(ev, d.URL)
				}
				got, err := bounded.PutResult(ctx, d, evs)
				if err != nil {
					t.Fatal(err)
				}
				want, err := all.PutResult(ctx, d, evs)
				if err != nil {
					t.Fatal(err)
				}
				merged += got.Merged
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("document %d: with the bound %+v, without %+v", i, got, want)
				}
			}
			if left == 0 || merged == 0 {
				t.Errorf("the bound left out %d candidates (%d read), %d events merged", left, read, merged)
			}
			t.Logf("the bound left out %d candidates, %d read; %d events merged", left, read, merged)
			got, want := everyIncident(t, bounded), everyIncident(t, all)
			if len(got) == 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("incidents differ: %d with the bound, %d without", len(got), len(want))
			}
		})
	}
}

// everyIncident is every incident of s, whole, in listing order.
func everyIncident(t *testing.T, s *sqlStore) []event.Incident {
	t.Helper()
	var incs []event.Incident
	f := Filter{Limit: 100}
	for {
		p, err := s.ListIncidents(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		incs = append(incs, p.Incidents...)
		if p.Next == "" {
			return incs
		}
		f.Cursor = p.Next
	}
}
