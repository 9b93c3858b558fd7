package gazetteer

import "testing"

// sameFind fails t when find (through the fence) and findPlain disagree on s in both tables of every layer.
func sameFind(t *testing.T, g *Gazetteer, s string) {
	t.Helper()
	for _, ix := range g.layers {
		for _, tb := range []*keyTable{&ix.primary, &ix.loose} {
			if got, want := ix.find(tb, s), ix.findPlain(tb, s); got != want {
				t.Fatalf("find(%q) = %d, plain search %d", s, got, want)
			}
		}
	}
}

// TestFindMatchesPlain checks the fenced search on keys of the embedded data (every 13th key, and strings
// just around it) and on names around the fence keys.
func TestFindMatchesPlain(t *testing.T) {
	g := mustDefault(t)
	n := 0
	for _, ix := range g.layers {
		for _, tb := range []*keyTable{&ix.primary, &ix.loose} {
			for k := 0; k < tb.n; k += 13 {
				key := string(ix.key(tb, k))
				for _, s := range []string{key, key + "\x00", key + " ", key + "a", key[:max(0, len(key)-1)]} {
					sameFind(t, g, s)
					n++
				}
			}
			for k := fenceStep - 1; k < tb.n; k += fenceStep * 97 { // the keys either side of fence keys
				for _, d := range []int{-1, 0, 1, 2} {
					if k+d < tb.n {
						sameFind(t, g, string(ix.key(tb, k+d)))
					}
				}
			}
		}
	}
	for _, s := range append(hasNames, "", "\xff\xff\xff\xff\xff\xff\xff\xff\xff", "aaaaaaaa", "zzzzzzzzzz") {
		sameFind(t, g, s)
		sameFind(t, g, Fold(s))
	}
	if n < 50000 {
		t.Fatalf("only %d keys tried", n)
	}
}

// FuzzFindMatchesPlain checks the fenced search against the plain one on any string.
func FuzzFindMatchesPlain(f *testing.F) {
	g := mustDefault(f)
	for _, s := range hasNames {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameFind(t, g, s)
		sameFind(t, g, Fold(s))
	})
}
