package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"sitrep/internal/event"
)

// frenchReport is a report in a language extract does not read.
const frenchReport = `Deux soldats ont été tués mardi lors d'affrontements avec des rebelles près de Goma, a déclaré l'armée.
Les combats se poursuivent dans la région, selon des sources locales, et des milliers de personnes ont fui leurs maisons.`

// largeReport writes a document of more than two windows (the engine reads 256 KiB at a time): our example
// articles one after another, again and again.
func largeReport(t *testing.T) string {
	t.Helper()
	parts := []string{convoyReport}
	for _, glob := range []string{filepath.Join("..", "..", "examples", "*.txt"), filepath.Join("..", "..", "..", "shared", "seeds", "*.txt")} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, strings.TrimSpace(string(b)))
		}
	}
	one := strings.Join(parts, "\n\n") + "\n\n"
	p := filepath.Join(t.TempDir(), "large.txt")
	if err := os.WriteFile(p, []byte(strings.Repeat(one, (600<<10)/len(one)+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestExtractWritesWhatEncodingJSONWrites checks the result written piece by piece, as events come, against
// encoding/json (or the text report) of the whole result, for a short article, a document of several windows
// and a document in another language.
func TestExtractWritesWhatEncodingJSONWrites(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	inputs := []struct {
		name string
		file string
		code int
	}{
		{"short", write("short.txt", convoyReport), ExitOK},
		{"large", largeReport(t), ExitOK},
		{"french", write("french.txt", frenchReport), ExitInput},
	}
	for _, in := range inputs {
		var whole event.Result
		for _, flags := range [][]string{{"--format", "json"}, {"--format", "jsonl"}, {"--format", "json", "--no-text"},
			{"--format", "text"}} {
			t.Run(in.name+" "+strings.Join(flags, " "), func(t *testing.T) {
				args := append(append([]string{"extract", "--published", "2016-09-21"}, flags...), in.file)
				code, out, stderr := run(t, "", args...)
				if code != in.code {
					t.Fatalf("exit %d, want %d; stderr: %s", code, in.code, stderr)
				}
				var want bytes.Buffer
				switch flags[1] {
				case "text":
					if err := writeTextResult(&want, whole); err != nil {
						t.Fatal(err)
					}
				default:
					var r event.Result
					if err := json.Unmarshal([]byte(out), &r); err != nil {
						t.Fatalf("output is not one JSON value: %v", err)
					}
					if len(flags) == 2 {
						whole = r
						if len(r.Document.Text) == 0 || in.code == ExitOK && len(r.Events) == 0 {
							t.Fatalf("%d bytes of text, %d events", len(r.Document.Text), len(r.Events))
						}
					}
					enc := json.NewEncoder(&want)
					enc.SetEscapeHTML(false)
					if flags[1] == "json" {
						enc.SetIndent("", "  ")
					}
					if err := enc.Encode(r); err != nil {
						t.Fatal(err)
					}
				}
				if out != want.String() {
					t.Errorf("output (%d bytes) differs from the whole result's (%d bytes) at byte %d", len(out),
						want.Len(), firstDiff(out, want.String()))
				}
			})
		}
	}
}

// firstDiff is the offset of the first byte where a and b differ.
func firstDiff(a, b string) int {
	for i := 0; i < min(len(a), len(b)); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestExtractLargeMatchesSchema validates the result of a document of several windows against the contract;
// every span points at its text.
func TestExtractLargeMatchesSchema(t *testing.T) {
	sch := extractSchema(t)
	code, out, stderr := run(t, "", "extract", "--published", "2016-10-05", "--explain", largeReport(t))
	if code != ExitOK {
		t.Fatalf("exit %d; stderr: %s", code, stderr)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Errorf("output does not match the schema: %v", err)
	}
	var r event.Result
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	text := r.Document.Text
	check := func(what string, s event.Span) {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != s.Text {
			t.Fatalf("%s: span %d:%d %q is not the text there", what, s.Start, s.End, s.Text)
		}
	}
	if len(text) < 512<<10 || len(r.Events) == 0 || len(r.Entities) == 0 {
		t.Fatalf("%d bytes, %d events, %d entities", len(text), len(r.Events), len(r.Entities))
	}
	ids := map[string]bool{}
	for _, ev := range r.Events {
		if ids[ev.ID] {
			t.Errorf("event id %s twice", ev.ID)
		}
		ids[ev.ID] = true
		for _, s := range ev.Evidence {
			check("evidence", s)
		}
	}
	if last := r.Events[len(r.Events)-1].Evidence[0].Start; last < 2*(256<<10) {
		t.Errorf("the last event is at %d: the later windows gave none", last)
	}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			check("entity "+e.Name, m)
		}
	}
}

// TestPaceForText checks that a long text gets a soft memory limit while it is read (above what is in use),
// a short one none, that a limit already set (GOMEMLIMIT) is kept, and that the previous limit comes back.
func TestPaceForText(t *testing.T) {
	tests := []struct {
		name   string
		text   int
		preset int64 // limit set before; math.MaxInt64 for none
		set    bool
	}{
		{"short text", 64 << 10, math.MaxInt64, false},
		{"long text", 8 << 20, math.MaxInt64, true},
		{"limit already set", 8 << 20, 1 << 40, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := debug.SetMemoryLimit(tt.preset)
			defer debug.SetMemoryLimit(old)
			restore := paceForText(tt.text)
			got := debug.SetMemoryLimit(-1)
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			switch {
			case !tt.set && got != tt.preset:
				t.Errorf("limit %d, want %d kept", got, tt.preset)
			case tt.set && (got == tt.preset || got < int64(ms.HeapAlloc)+int64(tt.text)/4):
				t.Errorf("limit %d with %d bytes of heap in use", got, ms.HeapAlloc)
			}
			restore()
			if got := debug.SetMemoryLimit(-1); got != tt.preset {
				t.Errorf("limit %d after restore, want %d", got, tt.preset)
			}
		})
	}
}

// writeTextResult prints a whole result as the text report: the reference the streamed text output is checked
// against.
func writeTextResult(w io.Writer, r event.Result) error {
	writeTextHeader(w, r.Document)
	for i, ev := range r.Events {
		writeTextEvent(w, i+1, ev)
	}
	return writeTextFooter(w, len(r.Events))
}
