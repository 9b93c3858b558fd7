package cli

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"sitrep/internal/event"
)

var (
	storeOnce sync.Once
	storeDir  string
)

// testStore ingests reportsDir into a database once per test binary and returns a copy of it for the caller.
func testStore(t *testing.T) string {
	t.Helper()
	storeOnce.Do(func() {
		dir, err := os.MkdirTemp("", "sitrep-cli-store-")
		if err != nil {
			t.Fatal(err)
		}
		storeDir = dir
		ingestJSON(t, "--db", filepath.Join(dir, "s.db"), reportsDir(t))
	})
	if storeDir == "" {
		t.Fatal("no test store")
	}
	data, err := os.ReadFile(filepath.Join(storeDir, "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "s.db")
	if err := os.WriteFile(db, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return db
}

// exportIncidents runs export --format jsonl with args and decodes the incidents.
func exportIncidents(t *testing.T, db string, args ...string) []event.Incident {
	t.Helper()
	code, out, stderr := run(t, "", append([]string{"export", "--db", db, "--format", "jsonl"}, args...)...)
	if code != ExitOK {
		t.Fatalf("export %q: exit %d: %s", args, code, stderr)
	}
	var incs []event.Incident
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var inc event.Incident
		if err := json.Unmarshal(sc.Bytes(), &inc); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		incs = append(incs, inc)
	}
	return incs
}

func TestExportFormatsAndFilters(t *testing.T) {
	db := testStore(t)
	all := exportIncidents(t, db)
	if len(all) < 2 {
		t.Fatalf("%d incidents, want at least the Idlib strike and the Kherson shelling", len(all))
	}
	countries := map[string]int{}
	for _, inc := range all {
		if inc.Location != nil {
			countries[inc.Location.Country]++
		}
	}
	for _, tt := range []struct {
		args []string
		want int
	}{
		{[]string{"--country", "SY"}, countries["SY"]},
		{[]string{"--country", "Syria"}, countries["SY"]},
		{[]string{"--country", "UKR"}, countries["UA"]},
		{[]string{"--country", "Mali"}, 0},
		{[]string{"--from", "2030-01-01"}, 0},
		{[]string{"--bbox", "30,30,45,40"}, countries["SY"]},
	} {
		if got := len(exportIncidents(t, db, tt.args...)); got != tt.want {
			t.Errorf("export %q: %d incidents, want %d", tt.args, got, tt.want)
		}
	}
	for _, inc := range exportIncidents(t, db, "--sub-event-type", "Air/drone strike") {
		if inc.SubEventType != "Air/drone strike" {
			t.Errorf("--sub-event-type let through %q", inc.SubEventType)
		}
	}

	code, out, stderr := run(t, "", "export", "--db", db, "--format", "acled-csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != ExitOK || err != nil || len(rows) != len(all)+1 || rows[0][0] != "event_id_cnty" {
		t.Errorf("acled-csv: exit %d, %d rows, %v; stderr %s", code, len(rows), err, stderr)
	}
	path := filepath.Join(t.TempDir(), "out.geojson")
	if code, _, stderr := run(t, "", "export", "--db", db, "--format", "geojson", "-o", path); code != ExitOK {
		t.Fatalf("geojson: exit %d: %s", code, stderr)
	}
	var fc struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}
	data, _ := os.ReadFile(path)
	if err := json.Unmarshal(data, &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) == 0 {
		t.Errorf("geojson file: %v, %+v", err, fc.Type)
	}
}

func TestExportErrors(t *testing.T) {
	db := testStore(t)
	missing := filepath.Join(t.TempDir(), "nope.db")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", missing}, ExitInput, "no database"},
		{[]string{"--db", db, "--format", "xml"}, ExitUsage, "--format"},
		{[]string{"--db", db, "--event-type", "Battle"}, ExitUsage, "--event-type"},
		{[]string{"--db", db, "--sub-event-type", "Airstrike"}, ExitUsage, "--sub-event-type"},
		{[]string{"--db", db, "--from", "2026-03-05", "--to", "2026-03-01"}, ExitUsage, "before"},
		{[]string{"--db", db, "--bbox", "1,2,3"}, ExitUsage, "--bbox"},
		{[]string{"--db", db, "--country", "Atlantis"}, ExitUsage, "--country"},
		{[]string{"--db", db, "extra"}, ExitUsage, "unexpected"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, "", append([]string{"export"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("export %q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("export created %s", missing)
	}
}

// TestExportOutputErrors checks that an -o file that cannot be written is named as the user gave it, never by
// the temporary file export writes through, and that nothing is left behind.
func TestExportOutputErrors(t *testing.T) {
	db := testStore(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		out  string
		want string // the whole error line
	}{
		{filepath.Join(dir, "nonexist", "x.csv"), "export: -o " + filepath.Join(dir, "nonexist", "x.csv") + ": no such directory"},
		{filepath.Join(file, "x.csv"), "export: -o " + filepath.Join(file, "x.csv") + ": not a directory"},
		{sub, "export: -o " + sub + ": is a directory"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, "", "export", "--db", db, "-o", tt.out)
		if code != ExitError || !strings.Contains(stderr, tt.want) {
			t.Errorf("-o %s: exit %d, stderr %q; want %d and %q", tt.out, code, stderr, ExitError, tt.want)
		}
		if strings.Contains(stderr, "."+filepath.Base(tt.out)+".") {
			t.Errorf("-o %s: the error names the temporary file: %q", tt.out, stderr)
		}
	}
	for _, d := range []string{dir, sub} {
		if ents, _ := os.ReadDir(d); len(ents) != map[string]int{dir: 2, sub: 0}[d] {
			t.Errorf("%s holds %d entries after the failed exports", d, len(ents))
		}
	}
}
