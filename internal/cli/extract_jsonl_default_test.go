package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractJSONLDefaultOutput: JSON Lines input found by name or content, not only by --input-format, is
// answered one compact JSON object per line; text input and an explicit --format keep theirs.
func TestExtractJSONLDefaultOutput(t *testing.T) {
	lines := `{"id":"a","text":"Two soldiers were killed in clashes with rebels near Goma on Tuesday."}` + "\n" +
		`{"id":"b","text":"Police fired tear gas at protesters in Nairobi on Monday, witnesses said."}` + "\n"
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "docs.jsonl")
	os.WriteFile(jsonl, []byte(lines), 0o644)
	tests := []struct {
		name, stdin string
		args        []string
		wantLines   int // compact objects, one per line; 0: one indented object
	}{
		{"by suffix", "", []string{"extract", jsonl}, 2},
		{"by content", lines, []string{"extract", "-"}, 2},
		{"by flag", lines, []string{"extract", "--input-format", "jsonl", "-"}, 2},
		{"explicit json", "", []string{"extract", "--format", "json", jsonl}, -1},
		{"plain text", "Two soldiers were killed in clashes with rebels near Goma on Tuesday.", []string{"extract", "-"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := run(t, tt.stdin, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := strings.Split(strings.TrimSpace(out), "\n")
			switch {
			case tt.wantLines > 0:
				if len(got) != tt.wantLines {
					t.Fatalf("%d lines, want %d compact objects:\n%s", len(got), tt.wantLines, out)
				}
				for _, l := range got {
					if !json.Valid([]byte(l)) {
						t.Errorf("line is not a JSON object: %.80s", l)
					}
				}
			case tt.wantLines == 0:
				if len(got) < 3 || !json.Valid([]byte(out)) {
					t.Errorf("want one indented JSON object, got:\n%.300s", out)
				}
			default: // indented objects one after another
				if len(got) <= 2 {
					t.Errorf("--format json gave compact lines:\n%.300s", out)
				}
			}
		})
	}
}

// TestExtractUnsupportedLanguageMessage: a document in another language names the input and says what is read.
func TestExtractUnsupportedLanguageMessage(t *testing.T) {
	fr := "Trois soldats ont été tués mardi dans une attaque près de Gao, selon l'armée malienne. Les assaillants " +
		"sont arrivés à moto et ont ouvert le feu sur le poste de la gendarmerie."
	code, out, stderr := run(t, fr, "extract", "--no-text", "-")
	if code != ExitInput {
		t.Fatalf("exit %d, want %d: %s", code, ExitInput, stderr)
	}
	for _, want := range []string{"standard input", `"fr"`, "English only"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q: %s", want, stderr)
		}
	}
	if !json.Valid([]byte(out)) || !strings.Contains(out, `"events": []`) {
		t.Errorf("want the empty result still written:\n%s", out)
	}
}
