package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// run runs the CLI in-process and returns its exit code, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const convoyReport = `Aid convoy hit near Aleppo

ALEPPO, Syria — At least 12 people were killed on Monday when an air strike hit an aid convoy west of Aleppo,
the Syrian Observatory for Human Rights said. The United States blamed Russian warplanes for the attack.
Moscow denied any involvement and said the trucks had caught fire.`

func TestExtractExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string
	}{
		{"no argument", "", []string{"extract"}, ExitUsage, "want one FILE"},
		{"bad format", "", []string{"extract", "--format", "xml", "-"}, ExitUsage, "unknown --format"},
		{"bad date", "", []string{"extract", "--published", "2016-13-40", "-"}, ExitUsage, "--published"},
		{"missing file", "", []string{"extract", filepath.Join(dir, "nope.txt")}, ExitInput, "nope.txt"},
		{"directory", "", []string{"extract", dir}, ExitInput, "is a directory"},
		{"empty input", "", []string{"extract", "-"}, ExitInput, ""},
		{"binary input", "", []string{"extract", write("bin.txt", []byte{0, 1, 2, 0, 0, 0, 3, 0, 0xff, 0})}, ExitInput, ""},
		{"too large", "", []string{"extract", "--max-bytes", "100", write("big.txt", bytes.Repeat([]byte("word "), 100))}, ExitInput, "100"},
		{"private url", "", []string{"extract", "http://127.0.0.1:9/x"}, ExitInput, "--allow-private"},
		{"ok", convoyReport, []string{"extract", "--published", "2016-09-21", "-"}, ExitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, stderr)
			}
			if tt.stderr != "" && !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not mention %q", stderr, tt.stderr)
			}
		})
	}
}

func TestExtractJSONLStreamsInOrderAndReportsBadLines(t *testing.T) {
	lines := []string{
		`{"id":"a","text":"Two soldiers were killed in clashes with rebels near Goma on Tuesday.","published":"2024-03-07"}`,
		`{"id":"b",`,
		`{"id":"c","text":"Police fired tear gas at protesters in Nairobi on Friday.","published":"2024-03-09"}`,
	}
	code, out, stderr := run(t, strings.Join(lines, "\n")+"\n", "extract", "--input-format", "jsonl", "--workers", "3", "-")
	if code != ExitInput {
		t.Fatalf("exit %d, want %d (one bad line); stderr: %s", code, ExitInput, stderr)
	}
	if !strings.Contains(stderr, "line 2") {
		t.Errorf("stderr does not name the bad line: %s", stderr)
	}
	var ids []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct {
			Document struct{ ID string } `json:"document"`
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("output line is not JSON: %v: %s", err, l)
		}
		ids = append(ids, r.Document.ID)
	}
	if strings.Join(ids, ",") != "a,c" {
		t.Errorf("output ids %v, want a,c in input order", ids)
	}
}

// TestExtractSniffedJSONLReportsEachBadLine: JSON Lines recognised by its content (no flag, no .jsonl name) is
// still treated as a stream, so each bad line is reported on its own.
func TestExtractSniffedJSONLReportsEachBadLine(t *testing.T) {
	in := `{"id":"a","text":"Two soldiers were killed in clashes with rebels near Goma on Tuesday."}` + "\n" +
		`{"id":"b",` + "\n" + `{"id":"c"}` + "\n"
	code, _, stderr := run(t, in, "extract", "-")
	if code != ExitInput {
		t.Fatalf("exit %d, want %d; stderr: %s", code, ExitInput, stderr)
	}
	for _, want := range []string{"line 2", "line 3", "2 of 3 documents failed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q: %s", want, stderr)
		}
	}
}

func TestExtractTextFormat(t *testing.T) {
	code, out, stderr := run(t, convoyReport, "extract", "--format", "text", "--published", "2016-09-21", "-")
	if code != ExitOK {
		t.Fatalf("exit %d; stderr: %s", code, stderr)
	}
	for _, want := range []string{"published 2016-09-21", "Explosions/Remote violence", "evidence"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

// TestExtractMatchesSchema validates what `sitrep extract` prints against the JSON contract, for our own
// example and for the seed articles when ../shared is present. The contract is ../shared/schema when present,
// else the copy in testdata (kept in sync by TestSchemaCopyIsCurrent), so CI on a bare clone checks it too.
// extractSchema compiles the JSON contract of sitrep extract: ../shared's copy when it is there, else the one in
// testdata (TestSchemaCopyIsCurrent keeps the two alike).
func extractSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schemaPath := sharedSchema
	if _, err := os.Stat(schemaPath); err != nil {
		schemaPath = filepath.Join("testdata", "extract.schema.json")
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	return sch
}

func TestExtractMatchesSchema(t *testing.T) {
	sch := extractSchema(t)
	inputs := []string{filepath.Join("..", "..", "examples", "aleppo-convoy.txt")}
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	inputs = append(inputs, seeds...)
	for _, in := range inputs {
		for _, explain := range []bool{false, true} {
			args := []string{"extract", "--published", "2016-10-05"}
			if explain {
				args = append(args, "--explain")
			}
			code, out, stderr := run(t, "", append(args, in)...)
			if code != ExitOK {
				t.Fatalf("%s: exit %d; stderr: %s", in, code, stderr)
			}
			doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatalf("%s: output is not JSON: %v", in, err)
			}
			if err := sch.Validate(doc); err != nil {
				t.Errorf("%s (explain %v): output does not match the schema: %v", in, explain, err)
			}
			var r struct{ Events []json.RawMessage }
			_ = json.Unmarshal([]byte(out), &r)
			if len(r.Events) == 0 {
				t.Errorf("%s: no events", in)
			}
		}
	}
}

// sharedSchema is the team's JSON contract of `sitrep extract`, next to the repository.
var sharedSchema = filepath.Join("..", "..", "..", "shared", "schema", "extract.schema.json")

// TestSchemaCopyIsCurrent fails when testdata's copy of the contract drifts from ../shared.
func TestSchemaCopyIsCurrent(t *testing.T) {
	want, err := os.ReadFile(sharedSchema)
	if err != nil {
		t.Skipf("no shared schema at %s: %v", sharedSchema, err)
	}
	got, err := os.ReadFile(filepath.Join("testdata", "extract.schema.json"))
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("testdata/extract.schema.json differs from %s: copy it again (%v)", sharedSchema, err)
	}
}
