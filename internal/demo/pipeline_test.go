package demo

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// TestPipelineLoadsCorpus loads the corpus as `sitrep demo` does: every report is stored without error, and each
// syndicated copy is linked to its wire original as a near-duplicate. How the reports of one incident were merged
// (which depends on the engine and the merger) is logged for review, not asserted.
func TestPipelineLoadsCorpus(t *testing.T) {
	ctx := context.Background()
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "demo.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := pipeline.New(newEngine(t), st, pipeline.Options{})
	idOf := map[string]string{}
	linked := map[string]string{}
	for _, d := range docs {
		out, err := p.Process(ctx, d)
		if err != nil {
			t.Fatalf("%s: %v", d.URL, err)
		}
		if out.Duplicate {
			t.Errorf("%s: taken for an exact duplicate of a stored document", d.URL)
		}
		idOf[d.URL], linked[d.URL] = out.DocumentID, out.DuplicateOf
	}
	for cp, orig := range syndicated {
		if linked[cp] != idOf[orig] {
			t.Errorf("%s: duplicate_of %q, want its original %s (%s)", cp, linked[cp], orig, idOf[orig])
		}
	}
	if s := p.Stats(); s.NearDuplicates != int64(len(syndicated)) || s.Documents != int64(len(docs)) {
		t.Errorf("stats %+v: want %d documents, %d near-duplicates", s, len(docs), len(syndicated))
	}
	logMerges(t, st, idOf)
}

// logMerges reports, for each incident the corpus reports more than once, whether the store merged its reports
// into one incident of the intended sub-type, and the reconciled fatalities against the highest reported figure.
func logMerges(t *testing.T, st store.Store, idOf map[string]string) {
	t.Helper()
	var incs []event.Incident
	for inc, err := range store.All(context.Background(), st, store.Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		incs = append(incs, inc)
	}
	groups, seen := map[string][]intent{}, map[string]bool{}
	for _, in := range readIntents(t) {
		if !seen[in.URL] {
			seen[in.URL] = true
			groups[in.Incident] = append(groups[in.Incident], in)
		}
	}
	t.Logf("%d incidents stored", len(incs))
	for _, name := range slices.Sorted(maps.Keys(groups)) {
		ins := groups[name]
		if len(ins) < 2 {
			continue
		}
		best, merged := bestMerge(incs, ins, idOf)
		top := slices.MaxFunc(ins, func(a, b intent) int { return a.High - b.High }).High
		fat := "none"
		if best.Fatalities != nil && best.Fatalities.Best != nil {
			fat = fmtCount(best.Fatalities)
		}
		t.Logf("incident %-18s %s: %d of %d reports merged; fatalities %s (highest reported %d)",
			name, ins[0].SubType, merged, len(ins), fat, top)
	}
}

// bestMerge returns the stored incident of the intended sub-type holding most of the group's reports.
func bestMerge(incs []event.Incident, ins []intent, idOf map[string]string) (event.Incident, int) {
	var best event.Incident
	most := 0
	for _, inc := range incs {
		if inc.SubEventType != ins[0].SubType {
			continue
		}
		n := 0
		for _, in := range ins {
			if slices.ContainsFunc(inc.Reports, func(r event.Report) bool { return r.DocumentID == idOf[in.URL] }) {
				n++
			}
		}
		if n > most {
			best, most = inc, n
		}
	}
	return best, most
}

func fmtCount(c *event.Count) string {
	s := ""
	for _, v := range []*int{c.Low, c.Best, c.High} {
		if s != "" {
			s += "/"
		}
		if v == nil {
			s += "?"
		} else {
			s += strconv.Itoa(*v)
		}
	}
	return s + " (low/best/high)"
}
