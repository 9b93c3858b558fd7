package cli

import (
	"encoding/json"
	"errors"
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

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

// TestDemoPollsAddedFeed serves the demo, adds a local feed with POST /api/sources and waits for the feed's two
// reports to be stored: the demo runs the feed poller as serve does.
func TestDemoPollsAddedFeed(t *testing.T) {
	site := feedSite(t)
	e, _, stderr := testEnv()
	base, stop := startServing(t, demoCommand, e, "--db", filepath.Join(t.TempDir(), "demo.db"),
		"--addr", "127.0.0.1:0", "--allow-private", "--gazetteer", "")
	defer stop()
	documents := func() int {
		var stats struct{ Store struct{ Documents int } }
		if _, body := get(t, base+"/api/stats"); json.Unmarshal([]byte(body), &stats) != nil {
			t.Fatalf("stats: %s", body)
		}
		return stats.Store.Documents
	}
	before := documents()
	resp, err := http.Post(base+"/api/sources", "application/json",
		strings.NewReader(`{"url": "`+site.URL+`/feed.xml"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST /api/sources: status %d", resp.StatusCode)
	}
	got := before
	for deadline := time.Now().Add(60 * time.Second); got < before+2 && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
		got = documents()
	}
	if got != before+2 {
		t.Fatalf("documents %d after adding the feed, want %d\n%s", got, before+2, stderr)
	}
	if code, body := get(t, base+"/api/incidents?q=Numan"); code != http.StatusOK || !strings.Contains(body, site.URL+"/a1") {
		t.Errorf("incidents from the feed: %d %.300s", code, body)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestDemoDBPath(t *testing.T) {
	tests := []struct {
		db, want, err string
	}{
		{"sitrep-demo.db", "sitrep-demo.db", ""},
		{"/tmp/x/demo.db", "/tmp/x/demo.db", ""},
		{"sqlite:///tmp/demo.db", "/tmp/demo.db", ""},
		{"file:demo.db", "demo.db", ""},
		{"postgres://u:secret@localhost/sitrep", "", "not PostgreSQL"},
		{"POSTGRESQL://localhost/sitrep", "", "not PostgreSQL"},
		{"mysql://localhost/x", "", "not a mysql:// URL"},
		{"", "", "--db is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.db, func(t *testing.T) {
			got, err := demoDBPath(tc.db)
			if tc.err == "" {
				if err != nil || got != tc.want {
					t.Fatalf("demoDBPath(%q) = %q, %v; want %q", tc.db, got, err, tc.want)
				}
				return
			}
			var ue usageError
			if err == nil || !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("demoDBPath(%q) error %v; want a usage error containing %q", tc.db, err, tc.err)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error prints the password: %v", err)
			}
		})
	}
}

func TestDemoPostgresDBIsUsageError(t *testing.T) {
	var out, errOut strings.Builder
	code := Run([]string{"demo", "--no-serve", "--db", "postgres://localhost/sitrep"}, strings.NewReader(""), &out, &errOut)
	if code != ExitUsage || !strings.Contains(errOut.String(), "SQLite file") {
		t.Fatalf("exit %d, want %d\nstderr:\n%s", code, ExitUsage, errOut.String())
	}
}
