package gazetteer

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldToponym is one resolved toponym of the shared geo gold sets.
type goldToponym struct {
	Text       string   `json:"text"`
	Type       string   `json:"type"`
	Locational *bool    `json:"locational"`
	Lat        *float64 `json:"lat"`
	Lon        *float64 `json:"lon"`
}

// coverage measures, over the gold toponyms with coordinates, how often the gazetteer has the name at all
// (exact or loose), has a candidate within 161 km, and ranks such a candidate first (population prior only).
type coverage struct{ total, found, any161, top161 int }

func measureCoverage(t *testing.T, g *Gazetteer, path string) coverage {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("gold set absent (%v): skipping the coverage measure", err)
	}
	defer f.Close()
	var c coverage
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var rec struct {
			Toponyms []goldToponym `json:"toponyms"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, tp := range rec.Toponyms {
			if tp.Lat == nil || tp.Lon == nil || (tp.Locational != nil && !*tp.Locational) {
				continue
			}
			c.add(g, tp)
		}
	}
	return c
}

func (c *coverage) add(g *Gazetteer, tp goldToponym) {
	c.total++
	name := strings.TrimPrefix(strings.TrimPrefix(tp.Text, "the "), "The ")
	cands := g.Lookup(name)
	if len(cands) == 0 {
		cands = g.LookupLoose(name)
	}
	if len(cands) == 0 {
		return
	}
	c.found++
	for i, p := range cands {
		if DistanceKm(p.Lat, p.Lon, *tp.Lat, *tp.Lon) <= 161 {
			c.any161++
			if i == 0 {
				c.top161++
			}
			break
		}
	}
}

// TestGoldCoverage reports the gazetteer's coverage of the shared geo gold sets (skipped when absent). The
// floors only catch a broken gazetteer; the figures are for the log.
func TestGoldCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	g := mustDefault(t)
	for _, name := range []string{"geowebnews.jsonl", "geovirus.jsonl"} {
		c := measureCoverage(t, g, filepath.Join("..", "..", "..", "shared", "eval", "geo", name))
		pct := func(n int) float64 { return float64(n) / float64(max(c.total, 1)) }
		t.Logf("%s: %d toponyms; in gazetteer %.3f; a candidate within 161 km %.3f; first candidate within 161 km %.3f",
			name, c.total, pct(c.found), pct(c.any161), pct(c.top161))
		if c.total > 0 && pct(c.any161) < 0.5 {
			t.Errorf("%s: only %.3f of toponyms have a candidate within 161 km", name, pct(c.any161))
		}
	}
}
