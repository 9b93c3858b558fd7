package geoparse

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
)

// goldDir is where the shared gold data lives when the repository sits next to it.
var goldDir = filepath.Join("..", "..", "..", "shared", "eval", "geo")

type goldTop struct {
	Start, End int
	Text       string
	Type       string
	Lat, Lon   *float64
}

type goldDoc struct {
	ID       string
	Text     string
	Toponyms []goldTop
}

func readGold(t testing.TB, name string) []goldDoc {
	t.Helper()
	f, err := os.Open(filepath.Join(goldDir, name))
	if err != nil {
		t.Skipf("gold data not present (%v): skipping", err)
	}
	defer f.Close()
	var docs []goldDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		kept := d.Toponyms[:0]
		for _, g := range d.Toponyms {
			if g.Lat != nil && g.Lon != nil {
				kept = append(kept, g)
			}
		}
		d.Toponyms = kept
		docs = append(docs, d)
	}
	return docs
}

// geoScore is the EUPEG protocol in small: spans match when they overlap; coordinates are scored on matches.
type geoScore struct {
	pred, gold, match, within    int
	metoBoth, metoGold, metoPred int // metonymy: gold Metonymic and predicted non-locational
	errs                         []float64
	fp, fn, far                  []string
}

func (s *geoScore) add(doc goldDoc, got []Toponym) {
	used := make([]bool, len(doc.Toponyms))
	s.pred += len(got)
	s.gold += len(doc.Toponyms)
	for _, t := range got {
		hit := -1
		for i, g := range doc.Toponyms {
			if !used[i] && t.Start < g.End && g.Start < t.End {
				hit = i
				break
			}
		}
		if hit < 0 {
			s.fp = append(s.fp, fmt.Sprintf("%s %q [%s]", doc.ID, t.Text, ctx(doc.Text, t.Start, t.End)))
			continue
		}
		used[hit] = true
		s.match++
		g := doc.Toponyms[hit]
		if g.Type == "Metonymic" {
			s.metoGold++
		}
		if !t.Locational {
			s.metoPred++
			if g.Type == "Metonymic" {
				s.metoBoth++
			}
		}
		d := 20039.0
		if t.Resolved {
			d = gazetteer.DistanceKm(t.Lat, t.Lon, *g.Lat, *g.Lon)
		}
		s.errs = append(s.errs, d)
		if d <= 161 {
			s.within++
		} else {
			s.far = append(s.far, fmt.Sprintf("%s %q -> %s %s (%s) %.0fkm [%s]", doc.ID, t.Text, t.Name, t.Country,
				t.Rule, d, ctx(doc.Text, t.Start, t.End)))
		}
	}
	for i, g := range doc.Toponyms {
		if !used[i] {
			s.fn = append(s.fn, fmt.Sprintf("%s %q %s [%s]", doc.ID, g.Text, g.Type, ctx(doc.Text, g.Start, g.End)))
		}
	}
}

func ctx(s string, a, b int) string {
	lo, hi := max(0, a-40), min(len(s), b+40)
	return strings.ReplaceAll(s[lo:a]+"<<"+s[a:b]+">>"+s[b:hi], "\n", " ")
}

func (s *geoScore) summary() string {
	p := float64(s.match) / math.Max(1, float64(s.pred))
	r := float64(s.match) / math.Max(1, float64(s.gold))
	f1 := 2 * p * r / math.Max(1e-9, p+r)
	sort.Float64s(s.errs)
	var mean, auc float64
	for _, e := range s.errs {
		mean += e
		auc += math.Log(e+1) / math.Log(20039)
	}
	n := math.Max(1, float64(len(s.errs)))
	med := 0.0
	if len(s.errs) > 0 {
		med = s.errs[len(s.errs)/2]
	}
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f | Acc@161 %.3f mean %.0fkm median %.0fkm AUC %.3f (pred %d gold %d match %d)",
		p, r, f1, float64(s.within)/n, mean/n, med, auc/n, s.pred, s.gold, s.match)
}

func (s *geoScore) dump(t *testing.T, name string) {
	dir := os.Getenv("GEOPARSE_DUMP")
	if dir == "" {
		return
	}
	for k, lines := range map[string][]string{"fp": s.fp, "fn": s.fn, "far": s.far} {
		if err := os.WriteFile(filepath.Join(dir, name+"."+k), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Log(err)
		}
	}
}

// TestGoldCorpora measures recognition and resolution on the shared gold sets when present. It logs the
// figures and asserts only a sane floor: the figures are measurements, not targets.
func TestGoldCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	p := New(defaultGazetteer(t))
	if os.Getenv("GEOPARSE_DEMONYMS") != "" || os.Getenv("GEOPARSE_FIRSTNAMES") != "" {
		o := Options{Demonyms: os.Getenv("GEOPARSE_DEMONYMS") != ""}
		if f := os.Getenv("GEOPARSE_FIRSTNAMES"); f != "" { // a file of given names, one a line
			o.FirstName = readNames(t, f)
		}
		p = NewWithOptions(defaultGazetteer(t), o)
	}
	for _, name := range []string{"geowebnews.jsonl", "geovirus.jsonl"} {
		t.Run(name, func(t *testing.T) {
			docs := readGold(t, name)
			var e2e, oracle geoScore
			for _, d := range docs {
				e2e.add(d, p.Parse(d.Text))
				spans := make([]event.Span, len(d.Toponyms))
				for i, g := range d.Toponyms {
					spans[i] = event.Span{Start: g.Start, End: g.End, Text: g.Text}
				}
				oracle.add(d, p.Resolve(d.Text, spans))
			}
			t.Logf("end-to-end: %s", e2e.summary())
			if e2e.metoGold > 0 {
				t.Logf("metonymy on matched toponyms: %d marked non-locational, %d of them gold Metonymic; %d gold Metonymic",
					e2e.metoPred, e2e.metoBoth, e2e.metoGold)
			}
			t.Logf("oracle:     %s", oracle.summary())
			e2e.dump(t, strings.TrimSuffix(name, ".jsonl"))
			oracle.dump(t, strings.TrimSuffix(name, ".jsonl")+".oracle")
			if e2e.match == 0 || oracle.within*2 < oracle.match {
				t.Errorf("geoparse is broken on %s: %s / %s", name, e2e.summary(), oracle.summary())
			}
		})
	}
}

func defaultGazetteer(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// readNames reads a list of given names (one a line, '#' comments) for the FirstName option.
func readNames(t *testing.T, path string) func(string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			names[gazetteer.Fold(l)] = true
		}
	}
	return func(w string) bool { return names[gazetteer.Fold(w)] }
}
