package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runGeoparseCLI runs `sitrep geoparse args...` with stdin and returns the exit code, stdout and stderr.
func runGeoparseCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(append([]string{"geoparse", "--gazetteer", t.TempDir()}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// geoLine is one output line of the jsonl interface.
type geoLine struct {
	ID       json.RawMessage `json:"id"`
	Toponyms []struct {
		Start, End int
		Text       string
		Lat, Lon   float64
		GeonameID  *int64 `json:"geonameid"`
		Country    string
		Locational bool
	} `json:"toponyms"`
}

func TestGeoparseJSONLRoundTrip(t *testing.T) {
	in := `{"id":"a","text":"Moscow denies shelling Aleppo."}
{"id":7,"text":"Talks resumed in Paris, Texas."}

not json
{"id":"c"}
{"id":"d","text":"Nothing to see here."}
`
	code, out, errOut := runGeoparseCLI(t, in, "--input-format", "jsonl", "-")
	if code != ExitInput {
		t.Errorf("exit code %d, want %d (lines skipped)", code, ExitInput)
	}
	for _, want := range []string{"line 4: invalid JSON", `line 5: no "text" field`, "2 of 6 lines"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d output lines, want 3:\n%s", len(lines), out)
	}
	texts := []string{"Moscow denies shelling Aleppo.", "Talks resumed in Paris, Texas.", "Nothing to see here."}
	var got []geoLine
	for i, l := range lines {
		var g geoLine
		if err := json.Unmarshal([]byte(l), &g); err != nil {
			t.Fatalf("line %d: %v: %s", i, err, l)
		}
		for _, tp := range g.Toponyms {
			if texts[i][tp.Start:tp.End] != tp.Text {
				t.Errorf("line %d: span %d-%d is not %q", i, tp.Start, tp.End, tp.Text)
			}
		}
		got = append(got, g)
	}
	if string(got[0].ID) != `"a"` || string(got[1].ID) != "7" || string(got[2].ID) != `"d"` {
		t.Errorf("ids %s %s %s, want \"a\" 7 \"d\" in input order", got[0].ID, got[1].ID, got[2].ID)
	}
	if len(got[0].Toponyms) != 2 || got[0].Toponyms[0].Locational || !got[0].Toponyms[1].Locational ||
		got[0].Toponyms[1].GeonameID == nil || *got[0].Toponyms[1].GeonameID != 170063 {
		t.Errorf("line 1 = %+v, want Moscow (not locational) and Aleppo (170063)", got[0])
	}
	if len(got[1].Toponyms) != 2 || got[1].Toponyms[0].Country != "US" {
		t.Errorf("line 2 = %+v, want Paris in the US and Texas", got[1])
	}
	if got[2].Toponyms == nil || len(got[2].Toponyms) != 0 {
		t.Errorf("line 3 = %s, want an empty toponyms list", lines[2])
	}
	if strings.Contains(out, `"rule"`) {
		t.Error("explain fields without --explain")
	}
}

func TestGeoparseTextInput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "article.txt")
	if err := os.WriteFile(path, []byte("Russia sent a missile system to the Syrian port of Tartus."), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runGeoparseCLI(t, "", "--format", "text", "--explain", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"# article.txt: 2 toponyms", `"Tartus"`, "SY", "country-name"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runGeoparseCLI(t, "", "--explain", path)
	var g geoLine
	if code != ExitOK || json.Unmarshal([]byte(out), &g) != nil || string(g.ID) != `"article.txt"` || len(g.Toponyms) != 2 {
		t.Errorf("jsonl of a text file: exit %d, %s", code, out)
	}
}

func TestGeoparseDemonyms(t *testing.T) {
	in := `{"id":1,"text":"Syrian forces entered Aleppo."}` + "\n"
	_, plain, _ := runGeoparseCLI(t, in, "--input-format", "jsonl", "-")
	_, with, _ := runGeoparseCLI(t, in, "--input-format", "jsonl", "--demonyms", "-")
	if strings.Contains(plain, `"Syrian"`) || !strings.Contains(with, `"text":"Syrian"`) || !strings.Contains(with, `"locational":false`) {
		t.Errorf("demonyms: without the flag %s; with it %s", plain, with)
	}
}

func TestGeoparseUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"--format", "xml", "-"}, {"--input-format", "csv", "-"}, {"a", "b"}} {
		if code, _, _ := runGeoparseCLI(t, "", args...); code != ExitUsage {
			t.Errorf("geoparse %v: exit %d, want %d", args, code, ExitUsage)
		}
	}
	if code, _, errOut := runGeoparseCLI(t, "", "/no/such/file"); code != ExitInput || !strings.Contains(errOut, "no such file") {
		t.Errorf("missing file: exit %d, %s", code, errOut)
	}
}
