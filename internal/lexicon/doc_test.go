package lexicon

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestDocExample loads the example files of docs/lexicon.md, so the documentation stays true.
func TestDocExample(t *testing.T) {
	md, err := os.ReadFile(filepath.Join("..", "..", "docs", "lexicon.md"))
	if err != nil {
		t.Skipf("docs/lexicon.md not found: %v", err)
	}
	blocks := regexp.MustCompile("`my-lexicon/([a-z_]+\\.tsv)`:\n\n```\n([^`]*)```").FindAllSubmatch(md, -1)
	if len(blocks) < 2 {
		t.Fatalf("found %d example files in docs/lexicon.md", len(blocks))
	}
	files := map[string]string{}
	for _, b := range blocks {
		files[string(b[1])] = string(b[2])
	}
	l, err := Load(context.Background(), writeDir(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if e := l.Get("actors_groups", "BNF"); e == nil || e.Name != "Brand New Front" {
		t.Errorf("added group: %+v", e)
	}
	if e := l.Get("actors_groups", "Hayat Tahrir al-Sham"); e == nil || e.Attr("note") != "replaces the embedded row" {
		t.Errorf("replaced group: %+v", e)
	}
	ms := l.Find("two Geran-3 drones hit", 0, "weapons")
	if len(ms) != 1 || ms[0].Entry.Attr("sub_event_hint") != "Air/drone strike" {
		t.Errorf("added weapon: %+v", ms)
	}
}
