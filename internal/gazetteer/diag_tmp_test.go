package gazetteer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

func TestTmpDiag(t *testing.T) {
	g := mustDefault(t)
	for _, file := range []string{"geowebnews.jsonl", "geovirus.jsonl"} {
		f, _ := os.Open("/work/shared/eval/geo/" + file)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		notFound, far := map[string]int{}, map[string]int{}
		types := map[string]int{}
		for sc.Scan() {
			var rec struct{ Toponyms []goldToponym }
			json.Unmarshal(sc.Bytes(), &rec)
			for _, tp := range rec.Toponyms {
				if tp.Lat == nil || (tp.Locational != nil && !*tp.Locational) {
					continue
				}
				types[tp.Type]++
				name := strings.TrimPrefix(strings.TrimPrefix(tp.Text, "the "), "The ")
				c := g.Lookup(name)
				if len(c) == 0 {
					c = g.LookupLoose(name)
				}
				if len(c) == 0 {
					notFound[tp.Type+":"+tp.Text]++
					continue
				}
				ok := false
				for _, p := range c {
					if DistanceKm(p.Lat, p.Lon, *tp.Lat, *tp.Lon) <= 161 {
						ok = true
					}
				}
				if !ok {
					far[fmt.Sprintf("%s:%s [%s %s %.1f,%.1f] gold %.1f,%.1f", tp.Type, tp.Text, c[0].Country, c[0].Code, c[0].Lat, c[0].Lon, *tp.Lat, *tp.Lon)]++
				}
			}
		}
		t.Log(file, types)
		dump := func(m map[string]int, label string) {
			type kv struct {
				k string
				v int
			}
			var l []kv
			for k, v := range m {
				l = append(l, kv{k, v})
			}
			sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
			for i := 0; i < len(l) && i < 40; i++ {
				t.Logf("%s %3d %s", label, l[i].v, l[i].k)
			}
		}
		dump(notFound, "NF")
		dump(far, "FAR")
	}
}
