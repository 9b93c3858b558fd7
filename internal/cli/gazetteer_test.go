package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs sitrep with args and returns its exit code, stdout and stderr.
func runGazetteerCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestGazetteerCommand(t *testing.T) {
	dir := t.TempDir()
	fixture := filepath.Join("..", "gazetteer", "testdata")
	bad := filepath.Join(t.TempDir(), "XX.txt")
	writeGazetteerFile(t, bad, "1\tonly two columns\n")
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string // a substring of stdout
		stderr   string // a substring of stderr
		noStdout string
	}{
		{"no subcommand", []string{"gazetteer"}, ExitUsage, "", "want a subcommand", ""},
		{"unknown", []string{"gazetteer", "frobnicate"}, ExitUsage, "", "unknown subcommand", ""},
		{"lookup without name", []string{"gazetteer", "lookup", "--dir", dir}, ExitUsage, "", "want a NAME", ""},
		{"lookup embedded", []string{"gazetteer", "lookup", "--dir", dir, "Aleppo"}, ExitOK, "170063", "", ""},
		{"village absent before import", []string{"gazetteer", "lookup", "--dir", dir, "Urem", "al-Kubra"}, ExitOK,
			"0 candidates", "", "99000001"},
		{"import", []string{"gazetteer", "import", "--dir", dir, "--progress", "5",
			filepath.Join(fixture, "SY.txt"), filepath.Join(fixture, "alternateNamesV2.txt")}, ExitOK, "",
			"import SY.txt: 5 rows", ""},
		{"village after import", []string{"gazetteer", "lookup", "--dir", dir, "Urem", "al-Kubra"}, ExitOK,
			"99000001", "", ""},
		{"loose", []string{"gazetteer", "lookup", "--dir", dir, "--loose", "Orem el-Kobra"}, ExitOK, "Urum al-Kubra", "", ""},
		{"bad import", []string{"gazetteer", "import", "--dir", dir, bad}, ExitInput, "", "XX.txt: line 1", ""},
		{"kept after bad import", []string{"gazetteer", "lookup", "--dir", dir, "Urum al-Kubra"}, ExitOK, "99000001", "", ""},
		{"import nothing", []string{"gazetteer", "import", "--dir", dir}, ExitUsage, "", "want GeoNames files", ""},
		{"build without source", []string{"gazetteer", "build"}, ExitUsage, "", "want --from", ""},
		{"build missing source", []string{"gazetteer", "build", "--from", filepath.Join(dir, "absent")}, ExitInput, "",
			"no such file", ""},
		{"counties missing source", []string{"gazetteer", "build", "--counties", "--from", filepath.Join(dir, "absent")},
			ExitInput, "", "no such file", ""},
	}
	for _, tt := range tests {
		code, stdout, stderr := runGazetteerCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) ||
			(tt.noStdout != "" && strings.Contains(stdout, tt.noStdout)) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
				tt.name, code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
		}
	}
}

// TestGazetteerBuild regenerates an index from the fixture (a geoname table like cities500.txt).
func TestGazetteerBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "idx.zst")
	code, _, stderr := runGazetteerCLI(t, "gazetteer", "build", "--from", filepath.Join("..", "gazetteer", "testdata", "SY.txt"),
		"--out", out)
	if code != ExitOK {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
}

// TestGazetteerBuildCounties builds the counties file from a postal code table in GeoNames' US.txt layout.
func TestGazetteerBuildCounties(t *testing.T) {
	dir := t.TempDir()
	src, out := filepath.Join(dir, "US.txt"), filepath.Join(dir, "counties.tsv")
	writeGazetteerFile(t, src, "US\t44101\tCleveland\tOhio\tOH\tCuyahoga\t035\t\t\t41.5\t-81.7\t4\n")
	code, _, stderr := runGazetteerCLI(t, "gazetteer", "build", "--counties", "--from", src, "--out", out)
	if code != ExitOK {
		t.Fatalf("build --counties: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(data), "US\tOH\tCuyahoga County\t") {
		t.Errorf("counties file %q, %v: want a Cuyahoga County row", data, err)
	}
}

func writeGazetteerFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
