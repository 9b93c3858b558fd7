package demo

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
)

// intent is one event a corpus report was written to describe (testdata/intended.tsv).
type intent struct {
	URL, Date, SubType string
}

// readIntents reads testdata/intended.tsv.
func readIntents(t testing.TB) []intent {
	t.Helper()
	f, err := os.Open("testdata/intended.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []intent
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if sc.Text() == "" || strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 3 {
			t.Fatalf("intended.tsv:%d: %d columns, want 3", line, len(cols))
		}
		out = append(out, intent{cols[0], cols[1], cols[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestIntendedCoverage checks the corpus's design: every report describes at least one intended event, the
// intended events use ACLED's taxonomy, fall on or before the publication day (within six weeks), and cover every
// event type and every sub-type but "Other".
func TestIntendedCoverage(t *testing.T) {
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	published := map[string]event.Date{}
	for _, d := range docs {
		published[d.URL] = *d.Published
	}
	covered, subTypes := map[string]bool{}, map[string]int{}
	for _, in := range readIntents(t) {
		pub, ok := published[in.URL]
		if !ok {
			t.Errorf("intended.tsv names %s, not in the corpus", in.URL)
			continue
		}
		covered[in.URL] = true
		if _, ok := event.TypeOf(in.SubType); !ok {
			t.Errorf("%s: %q is not an ACLED sub-event type", in.URL, in.SubType)
		}
		subTypes[in.SubType]++
		day, err := intentStart(in.Date)
		if err != nil {
			t.Errorf("%s: date %q: %v", in.URL, in.Date, err)
		} else if day.After(pub.Time) || day.Before(pub.AddDays(-42).Time) {
			t.Errorf("%s: event date %s, published %s: want the six weeks before publication", in.URL, in.Date, pub)
		}
	}
	for url := range published {
		if !covered[url] {
			t.Errorf("%s has no line in intended.tsv", url)
		}
	}
	for _, st := range event.SubTypes() {
		if subTypes[st] == 0 && st != "Other" {
			t.Errorf("no report written for sub-type %q", st)
		}
	}
}

// intentStart reads a day or a month (its first day).
func intentStart(s string) (time.Time, error) {
	if len(s) == len("2006-01") {
		return time.Parse("2006-01", s)
	}
	d, err := event.ParseDate(s)
	return d.Time, err
}
