package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDataDirFlags: a --lexicon or --gazetteer that is missing or not a directory is a usage error naming the
// path, in every command that takes one.
func TestDataDirFlags(t *testing.T) {
	tmp := t.TempDir()
	missing := filepath.Join(tmp, "nonexist")
	file := filepath.Join(tmp, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	gold := writeEvalFile(t, "geo.jsonl", "")
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"extract missing lexicon", []string{"extract", "--lexicon", missing, "-"}, "--lexicon " + missing + ": no such directory"},
		{"extract lexicon is a file", []string{"extract", "--lexicon", file, "-"}, "--lexicon " + file + ": not a directory"},
		{"extract missing gazetteer", []string{"extract", "--gazetteer", missing, "-"}, "--gazetteer " + missing + ": no such directory"},
		{"geoparse missing gazetteer", []string{"geoparse", "--gazetteer", missing, "-"}, "--gazetteer " + missing + ": no such directory"},
		{"gazetteer lookup missing dir", []string{"gazetteer", "lookup", "--dir", missing, "Homs"}, "--dir " + missing + ": no such directory"},
		{"eval geo missing gazetteer", []string{"eval", "geo", "--gold", gold, "--gazetteer", file}, "--gazetteer " + file + ": not a directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, "Shelling hit Homs on Monday.\n", tc.args...)
			if code != ExitUsage || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d, want %d, stderr containing %q\nstdout:\n%s\nstderr:\n%s", code, ExitUsage, tc.stderr, out, errOut)
			}
		})
	}
}

// TestDefaultGazetteerDirMayBeMissing: nothing imported yet is not an error.
func TestDefaultGazetteerDirMayBeMissing(t *testing.T) {
	t.Setenv("SITREP_GAZETTEER_DIR", filepath.Join(t.TempDir(), "not-yet"))
	code, _, errOut := run(t, "Shelling hit Homs on Monday.\n", "geoparse", "-")
	if code != ExitOK {
		t.Fatalf("exit %d\nstderr:\n%s", code, errOut)
	}
}
