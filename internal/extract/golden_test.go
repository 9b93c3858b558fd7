package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden testdata/*.json files")

// TestGolden runs every testdata/*.txt article and compares the result with testdata/*.json.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	e := testEngine(t, true)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc := fixture(t, f)
			res, err := e.Extract(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, doc.Text, res)
			res.Document.Text = ""
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".txt") + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the result; run go test ./internal/extract -run TestGolden -update and review the diff", golden)
			}
		})
	}
}
