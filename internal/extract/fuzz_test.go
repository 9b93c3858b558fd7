package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"sitrep/internal/event"
)

func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{"", "the attack", "Rebels shelled\xff the town, killing 5.", "“airstrike’ hit\n\nIt was.", "No one was killed."} {
		f.Add(s)
	}
	e := testEngine(f, true)
	pub := event.NewDate(2016, 10, 5)
	f.Fuzz(func(t *testing.T, s string) {
		res, err := e.Extract(context.Background(), event.Document{ID: "fuzz", Text: s, Published: &pub})
		if err != nil {
			t.Fatal(err)
		}
		checkResult(t, s, res)
	})
}
