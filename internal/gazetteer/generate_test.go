package gazetteer

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// TestBuild builds an index from the fixture geoname table, as the generator does from cities500.txt: the
// output is deterministic and serves lookups.
func TestBuild(t *testing.T) {
	src, err := os.ReadFile("testdata/SY.txt")
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := Build(context.Background(), bytes.NewReader(src), &a); err != nil {
		t.Fatal(err)
	}
	if err := Build(context.Background(), bytes.NewReader(src), &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two builds of the same input differ")
	}
	raw, err := decompress(a.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	ix, err := openIndex(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got := ix.lookup(&ix.primary, Fold("Orum al-Kubra"), nil); len(got) != 1 || got[0].ID != fixtureVillage {
		t.Errorf("lookup(Orum al-Kubra) = %+v", got)
	}
	if p, ok := ix.byID(99000010); !ok || p.Name != "Kafr Nubl" {
		t.Errorf("byID(99000010) = %+v %v", p, ok)
	}
	bad := strings.Replace(string(src), "\tP\tPPL\t", "\tP\tPPL\tSY\t", 1)
	err = Build(context.Background(), strings.NewReader(bad), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("Build(bad row) = %v, want an error at line 1", err)
	}
}

func TestIsFolded(t *testing.T) {
	for s, want := range map[string]bool{"aleppo": true, "deir ez zor": true, "": true, "Aleppo": false,
		"deir  ez": false, " deir": false, "deir ": false, "sana'a": false, "al-bab": false} {
		if got := isFolded(s); got != want {
			t.Errorf("isFolded(%q) = %v, want %v", s, got, want)
		}
		if isFolded(s) && Fold(s) != s {
			t.Errorf("Fold(%q) = %q, but it is folded", s, Fold(s))
		}
	}
}
