package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/eval"
)

// evalGeoFixture is two articles we wrote, with hand-placed gold toponyms (offsets are byte offsets).
const evalGeoFixture = `{"id":"t1","text":"Fighting continued in Aleppo and Damascus on Monday.","toponyms":[` +
	`{"start":22,"end":28,"text":"Aleppo","type":"Literal","locational":true,"lat":36.20,"lon":37.16,"geonameid":170063},` +
	`{"start":33,"end":41,"text":"Damascus","type":"Literal","locational":true,"lat":33.51,"lon":36.29,"geonameid":170654}]}
{"id":"t2","text":"Syrian officials met in Geneva.","toponyms":[` +
	`{"start":0,"end":6,"text":"Syrian","type":"Demonym","locational":true,"lat":null,"lon":null,"geonameid":null},` +
	`{"start":24,"end":30,"text":"Geneva","type":"Literal","locational":true,"lat":46.20,"lon":6.15,"geonameid":2660646}]}
`

func runEvalCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeEvalFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvalGeoCommand(t *testing.T) {
	gold := writeEvalFile(t, "geo.jsonl", evalGeoFixture)
	bad := writeEvalFile(t, "bad.jsonl", strings.SplitN(evalGeoFixture, "\n", 2)[0]+"\n{\"id\": oops\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no gold", []string{"eval", "geo"}, ExitUsage, "", "want --gold"},
		{"stray argument", []string{"eval", "geo", "--gold", gold, "x"}, ExitUsage, "", "want --gold"},
		{"missing file", []string{"eval", "geo", "--gold", gold + ".none"}, ExitInput, "", "open gold"},
		{"malformed line names file:line", []string{"eval", "geo", "--gold", bad}, ExitInput, "", "bad.jsonl:2: "},
		{"text", []string{"eval", "geo", "--gold", gold}, ExitOK, "geo: 2 documents, end to end", ""},
		{"limit", []string{"eval", "geo", "--gold", gold, "--limit", "1"}, ExitOK, "geo: 1 documents", ""},
		{"oracle", []string{"eval", "geo", "--gold", gold, "--oracle"}, ExitOK, "oracle", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runEvalCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errOut)
			}
		})
	}
}

func TestEvalGeoJSON(t *testing.T) {
	gold := writeEvalFile(t, "geo.jsonl", evalGeoFixture)
	for _, oracle := range []bool{false, true} {
		args := []string{"eval", "geo", "--gold", gold, "--json"}
		if oracle {
			args = append(args, "--oracle")
		}
		code, out, errOut := runEvalCLI(t, args...)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var r eval.GeoReport
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("json: %v\n%s", err, out)
		}
		// three gold toponyms (the demonym is not one); every recognised one is a true or false positive
		if r.Docs != 2 || r.Oracle != oracle || r.Recognition.TP+r.Recognition.FN != 3 {
			t.Errorf("oracle %v: %+v", oracle, r)
		}
		// the oracle resolves every gold span: all three are scored for resolution
		if oracle && r.Resolution.N != 3 {
			t.Errorf("oracle resolution over %d toponyms, want 3", r.Resolution.N)
		}
	}
}
