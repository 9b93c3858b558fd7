package cli

import (
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sitrep/internal/demo"
)

func TestDemoLoadsOnceThenServes(t *testing.T) {
	docs, err := demo.Documents()
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	e, out, stderr := testEnv()
	if err := demoCommand(t.Context(), e, []string{"--db", db, "--no-serve", "--gazetteer", ""}, nil); err != nil {
		t.Fatalf("demo: %v\n%s", err, stderr)
	}
	first := out.String()
	m := regexp.MustCompile(`(\d+) reports: (\d+) loaded, (\d+) already stored`).FindStringSubmatch(first)
	if m == nil || m[1] != strconv.Itoa(len(docs)) || m[3] != "0" || m[2] == "0" {
		t.Fatalf("first run summary: %s", first)
	}
	if !regexp.MustCompile(`[1-9]\d* incidents\n`).MatchString(first) {
		t.Errorf("no incidents stored: %s", first)
	}

	e, out, stderr = testEnv()
	base, stop := startServing(t, demoCommand, e, "--db", db, "--addr", "127.0.0.1:0", "--gazetteer", "")
	code, body := get(t, base+"/api/map")
	if err := stop(); err != nil {
		t.Fatalf("demo serve: %v\n%s", err, stderr)
	}
	second := out.String()
	if !strings.Contains(second, " 0 loaded") || !strings.Contains(second, "serving the demo at http://127.0.0.1:") {
		t.Errorf("second run: %s", second)
	}
	if code != http.StatusOK || !strings.Contains(body, `"markers":[{`) {
		t.Errorf("map: %d %.200s", code, body)
	}
}

func TestBrowserURL(t *testing.T) {
	for addr, want := range map[string]string{
		"[::]:8080":      "http://localhost:8080/",
		"0.0.0.0:80":     "http://localhost:80/",
		"127.0.0.1:9000": "http://127.0.0.1:9000/",
		"[::1]:8080":     "http://[::1]:8080/",
	} {
		if got := browserURL(addr); got != want {
			t.Errorf("browserURL(%q) = %q, want %q", addr, got, want)
		}
	}
}
