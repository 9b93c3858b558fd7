package demo

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/internal/event"
)

// intent is one event a corpus report was written to describe (testdata/intended.tsv).
type intent struct {
	URL, Date, SubType, Incident string
	// Low and High are the report's fatality figures (equal when it gives one; -1 when it gives none).
	Low, High int
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
		if len(cols) != 5 {
			t.Fatalf("intended.tsv:%d: %d columns, want 5", line, len(cols))
		}
		lo, hi, err := parseFatalities(cols[4])
		if err != nil {
			t.Fatalf("intended.tsv:%d: %v", line, err)
		}
		out = append(out, intent{URL: cols[0], Date: cols[1], SubType: cols[2], Incident: cols[3], Low: lo, High: hi})
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

// parseFatalities reads "N", "LOW-HIGH" or "-" (no figure: -1, -1).
func parseFatalities(s string) (lo, hi int, err error) {
	if s == "-" {
		return -1, -1, nil
	}
	a, b, isRange := strings.Cut(s, "-")
	if lo, err = strconv.Atoi(a); err != nil {
		return 0, 0, fmt.Errorf("fatalities %q: %w", s, err)
	}
	hi = lo
	if isRange {
		if hi, err = strconv.Atoi(b); err != nil || hi < lo {
			return 0, 0, fmt.Errorf("fatalities %q: want LOW-HIGH", s)
		}
	}
	return lo, hi, nil
}

// intentStart reads a day or a month (its first day).
func intentStart(s string) (time.Time, error) {
	if len(s) == len("2006-01") {
		return time.Parse("2006-01", s)
	}
	d, err := event.ParseDate(s)
	return d.Time, err
}

// TestIntendedIncidents checks the corpus's follow-ups: an incident reported more than once has reports from at
// least two outlets, and at least one such incident has a toll that rises in a later report.
func TestIntendedIncidents(t *testing.T) {
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]int{}
	for i, d := range docs {
		byURL[d.URL] = i
	}
	reports, seen := map[string][]intent{}, map[string]bool{}
	for _, in := range readIntents(t) {
		if !seen[in.Incident+" "+in.URL] { // one line per report, even when a report names two events
			seen[in.Incident+" "+in.URL] = true
			reports[in.Incident] = append(reports[in.Incident], in)
		}
	}
	rising := 0
	for name, ins := range reports {
		if len(ins) < 2 {
			continue
		}
		outlets := map[string]bool{}
		first, last := ins[0], ins[0]
		for _, in := range ins {
			d := docs[byURL[in.URL]]
			outlets[d.Publisher] = true
			if d.Published.Before(docs[byURL[first.URL]].Published.Time) {
				first = in
			}
			if d.Published.After(docs[byURL[last.URL]].Published.Time) {
				last = in
			}
		}
		if len(outlets) < 2 {
			t.Errorf("incident %s: %d reports from one outlet, want several outlets", name, len(ins))
		}
		if last.Low > first.High {
			rising++
		}
	}
	if rising < 3 {
		t.Errorf("%d incidents with a rising toll, want at least 3", rising)
	}
}
