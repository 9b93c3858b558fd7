package document

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestSharedEvalCorpora loads the English gold corpora in ../shared/eval (when present): every record must load
// and be recognised as English.
func TestSharedEvalCorpora(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "eval")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared eval data not present at %s", dir)
	}
	for _, f := range []string{"geo/geovirus.jsonl", "geo/geowebnews.jsonl", "re3d/re3d.jsonl", "seed/article.txt"} {
		src, err := Load(context.Background(), filepath.Join(dir, f), nil, Options{})
		if errors.Is(err, os.ErrNotExist) {
			t.Logf("%s absent", f)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for {
			doc, err := src.Next(context.Background())
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			n++
			if doc.Language != "en" {
				t.Errorf("%s %s: language %q, want en", f, doc.ID, doc.Language)
			}
		}
		src.Close()
		if n == 0 {
			t.Errorf("%s: no documents", f)
		}
	}
}
