package incident

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/numbers"
)

// ingest assigns r to one of incs or starts a new incident, and returns the change.
func ingest(t *testing.T, m *Merger, incs *[]event.Incident, r event.Report) Change {
	t.Helper()
	now := r.Added
	if best, match, ok := m.Assign(*incs, r); ok {
		return Add(best, r, match, now)
	}
	*incs = append(*incs, New(r, now))
	return Created((*incs)[len(*incs)-1])
}

// denial is a report in which Russia is alleged and denies its part.
func denial(doc string, pubDay int) event.Report {
	ev := strike("e1", day(2016, 9, 19), urum, nil, actor1(russia, event.AttrAlleged))
	ev.Claims = []event.Claim{{Claimant: event.Claimant{Name: "Russian Ministry of Defence"},
		Stance: event.StanceDenies, About: "actor1"}}
	return report(doc, "Outlet D", pubDay, ev)
}

func TestConvoyScenario(t *testing.T) {
	m := &Merger{}
	var incs []event.Incident
	steps := []struct {
		name    string
		r       event.Report
		action  string
		fat     [3]int // low, best, high of the convoy incident after the step
		notes   []string
		attrRus string
	}{
		{"first report: 12 killed",
			report("a", "Outlet A", 20, strike("e1", day(2016, 9, 19), urum, killed(12), actor1(russia, event.AttrStated))),
			ActionCreated, [3]int{12, 12, 12}, nil, event.AttrStated},
		{"second outlet: 20 killed",
			report("b", "Outlet B", 20, strike("e1", day(2016, 9, 19), urumNear, killed(20), actor1(russia, event.AttrStated))),
			ActionMerged, [3]int{12, 20, 20}, []string{"fatalities best 12 -> 20", "fatalities high 12 -> 20"}, event.AttrStated},
		{"third outlet: at least 20",
			report("c1", "Outlet C", 20, strike("e1", day(2016, 9, 19), aleppoGov, deaths(20, 20, -1, numbers.AtLeast),
				actor1(russia, event.AttrStated))),
			ActionMerged, [3]int{20, 20, 20}, []string{"fatalities low 12 -> 20"}, event.AttrStated},
		{"clash in Idlib the same day",
			report("k", "Outlet K", 20, clash("e1", day(2016, 9, 19), idlib)),
			ActionCreated, [3]int{20, 20, 20}, nil, event.AttrStated},
		{"third outlet later: 31",
			report("c2", "Outlet C", 21, strike("e1", day(2016, 9, 19), urum, killed(31), actor1(russia, event.AttrStated))),
			ActionMerged, [3]int{20, 31, 31}, []string{"fatalities best 20 -> 31", "fatalities high 20 -> 31"}, event.AttrStated},
		{"syndicated copy of the second outlet with a stale toll",
			func() event.Report {
				r := report("b-copy", "Outlet E", 21, strike("e1", day(2016, 9, 19), urumNear, killed(90),
					actor1(russia, event.AttrStated)))
				r.DuplicateOf = "b"
				return r
			}(),
			ActionMerged, [3]int{20, 31, 31}, []string{"copy of b: listed, not counted"}, event.AttrStated},
		{"a denial arrives",
			denial("d", 22),
			ActionMerged, [3]int{20, 31, 31},
			[]string{"actor1 Military Forces of Russia now contested (was stated)"}, event.AttrContested},
	}
	for _, s := range steps {
		ch := ingest(t, m, &incs, s.r)
		if ch.Action != s.action {
			t.Fatalf("%s: action %s, want %s (notes %q)", s.name, ch.Action, s.action, ch.Notes)
		}
		convoy := incs[0]
		if got := fatal(t, convoy); got != s.fat {
			t.Errorf("%s: fatalities %v, want %v", s.name, got, s.fat)
		}
		for _, n := range s.notes {
			if !hasReason(ch.Notes, n) {
				t.Errorf("%s: no note %q in %q", s.name, n, ch.Notes)
			}
		}
		if got := attributionOf(convoy, russia); got != s.attrRus {
			t.Errorf("%s: Russia %q, want %q", s.name, got, s.attrRus)
		}
	}
	if len(incs) != 2 {
		t.Fatalf("%d incidents, want 2 (convoy, Idlib clash)", len(incs))
	}
	convoy := incs[0]
	if len(convoy.Reports) != 6 || len(convoy.Merges) != 5 {
		t.Errorf("convoy: %d reports, %d merges; want 6, 5", len(convoy.Reports), len(convoy.Merges))
	}
	if convoy.Location.Name != urum.Name || convoy.Location.Precision != event.LocExact {
		t.Errorf("place %+v, want the exact Urum al-Kubra", convoy.Location)
	}
	for _, mg := range convoy.Merges {
		if len(mg.Reasons) == 0 || mg.Score <= 0 {
			t.Errorf("merge of %s without score or reasons: %+v", mg.DocumentID, mg)
		}
	}
}

func TestDifferentActor1sAreContested(t *testing.T) {
	inc := New(report("a", "A", 20, strike("e1", day(2016, 9, 19), urum, nil, actor1(russia, event.AttrAlleged))), t0)
	r := report("b", "B", 20, strike("e1", day(2016, 9, 19), urum, nil, actor1(syrian, event.AttrAlleged)))
	m := (&Merger{}).Score(inc, r)
	if !m.OK(0.6) {
		t.Fatalf("alleged actors did not merge: %+v", m)
	}
	ch := Add(&inc, r, m, t0)
	for _, n := range []string{russia, syrian} {
		if got := attributionOf(inc, n); got != event.AttrContested {
			t.Errorf("%s: %q, want contested (notes %q)", n, got, ch.Notes)
		}
	}
}

func TestUnidentifiedActorGivesWay(t *testing.T) {
	unknown := event.Actor{Role: event.RoleActor1, Name: "Unidentified Armed Group", Kind: event.KindUnknown}
	inc := New(report("a", "A", 20, strike("e1", day(2016, 9, 19), urum, nil, unknown)), t0)
	r := report("b", "B", 21, strike("e1", day(2016, 9, 19), urum, nil, actor1(russia, event.AttrStated)))
	Add(&inc, r, (&Merger{}).Score(inc, r), t0)
	if len(inc.Actors) != 1 || inc.Actors[0].Name != russia || inc.Actors[0].Attribution != event.AttrStated {
		t.Errorf("actors %+v, want only Russia, stated", inc.Actors)
	}
	if len(inc.Reports[0].Event.Actors) != 1 || inc.Reports[0].Event.Actors[0].Name != unknown.Name {
		t.Error("the first report lost its own actor")
	}
}

func TestSplitThenReAdd(t *testing.T) {
	m := &Merger{}
	var incs []event.Incident
	rs := []event.Report{
		report("a", "Outlet A", 20, strike("e1", day(2016, 9, 19), urumNear, killed(12), actor1(russia, event.AttrStated))),
		report("b", "Outlet B", 20, strike("e1", day(2016, 9, 19), urum, killed(20), actor1(russia, event.AttrStated))),
		denial("d", 21),
	}
	rs[2].Event.Location = urumNear
	for _, r := range rs {
		ingest(t, m, &incs, r)
	}
	if len(incs) != 1 {
		t.Fatalf("%d incidents, want 1", len(incs))
	}
	before := incs[0]
	before.Reports = slices.Clone(before.Reports)
	inc := &incs[0]
	later := t0.Add(48 * time.Hour)
	out, err := Split(inc, "b", later)
	if err != nil {
		t.Fatal(err)
	}
	if out.ID == inc.ID || !strings.HasPrefix(out.ID, IDPrefix) {
		t.Errorf("split ids %q and %q", inc.ID, out.ID)
	}
	if got := fatal(t, *inc); got != [3]int{12, 12, 12} {
		t.Errorf("after split, kept incident fatalities %v, want 12", got)
	}
	if got := fatal(t, out); got != [3]int{20, 20, 20} {
		t.Errorf("after split, new incident fatalities %v, want 20", got)
	}
	if inc.Location.Precision != event.LocNear {
		t.Errorf("kept incident still has the split report's exact place: %+v", inc.Location)
	}
	for _, mg := range inc.Merges {
		if mg.DocumentID == "b" {
			t.Error("merge record of b kept after the split")
		}
	}
	if len(out.Reports) != 1 || out.Reports[0].DocumentID != "b" || !out.Created.Equal(later) {
		t.Errorf("new incident %+v", out)
	}
	// Re-adding the report restores the reconciled values.
	match := m.Score(*inc, out.Reports[0])
	if !match.OK(DefaultOptions().MinScore) {
		t.Fatalf("re-add refused: %+v", match)
	}
	Add(inc, out.Reports[0], match, later)
	if fatal(t, *inc) != fatal(t, before) || !reflect.DeepEqual(inc.Actors, before.Actors) ||
		!reflect.DeepEqual(inc.Location, before.Location) {
		t.Errorf("re-added incident differs:\n got %v %+v %+v\nwant %v %+v %+v", fatal(t, *inc), inc.Actors,
			inc.Location, fatal(t, before), before.Actors, before.Location)
	}
}

func TestSplitErrors(t *testing.T) {
	inc := New(report("a", "A", 20, strike("e1", day(2016, 9, 19), urum, nil)), t0)
	if _, err := Split(&inc, "zz", t0); !errors.Is(err, ErrNoReport) {
		t.Errorf("unknown document: %v, want ErrNoReport", err)
	}
	if _, err := Split(&inc, "a", t0); !errors.Is(err, ErrOnlyReport) {
		t.Errorf("only report: %v, want ErrOnlyReport", err)
	}
	if len(inc.Reports) != 1 {
		t.Error("failed split changed the incident")
	}
}

func TestSplitFirstReportAndCopies(t *testing.T) {
	a := report("a", "A", 20, strike("e1", day(2016, 9, 19), urum, killed(3)))
	b := report("b", "B", 20, strike("e1", day(2016, 9, 19), urum, killed(5)))
	cp := report("a-copy", "C", 20, strike("e1", day(2016, 9, 19), urum, killed(3)))
	cp.DuplicateOf = "a"
	inc := New(a, t0)
	Add(&inc, b, Match{Score: 1}, t0)
	Add(&inc, cp, Match{Score: 1}, t0)
	id := inc.ID
	out, err := Split(&inc, "a", t0)
	if err != nil {
		t.Fatal(err)
	}
	if inc.ID != id || out.ID == id {
		t.Errorf("ids after split: kept %q (was %q), new %q", inc.ID, id, out.ID)
	}
	if len(out.Reports) != 2 || len(inc.Reports) != 1 {
		t.Errorf("split moved %d reports and kept %d; want the document and its copy moved", len(out.Reports),
			len(inc.Reports))
	}
}

func TestStableIDs(t *testing.T) {
	r := report("doc-1", "A", 20, strike("e1", day(2016, 9, 19), urum, nil))
	a, b := New(r, t0), New(r, t0.Add(time.Hour))
	if a.ID != b.ID {
		t.Errorf("ids %q and %q for the same report", a.ID, b.ID)
	}
	r2 := r
	r2.Event.ID = "e2"
	if New(r2, t0).ID == a.ID {
		t.Error("two events of one document got the same incident id")
	}
}

func TestAddReplacesSameReport(t *testing.T) {
	r := report("a", "A", 20, strike("e1", day(2016, 9, 19), urum, killed(3)))
	inc := New(r, t0)
	r.Event.Fatalities = killed(7)
	ch := Add(&inc, r, Match{Score: 1}, t0)
	if len(inc.Reports) != 1 || fatal(t, inc) != [3]int{7, 7, 7} || !hasReason(ch.Notes, "replaced") {
		t.Errorf("re-extraction: %d reports, fatalities %v, notes %q", len(inc.Reports), fatal(t, inc), ch.Notes)
	}
}
