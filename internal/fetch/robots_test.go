package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

const robotsTxt = `# test robots
User-agent: otherbot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
Disallow: /search?

User-agent: sitrep
User-agent: helperbot
Disallow: /no-sitrep
Allow: /no-sitrep/but-this
`

func TestRobotsAllowed(t *testing.T) {
	tests := []struct {
		agent, path string
		want        bool
	}{
		{"sitrep", "/news/1", true},
		{"sitrep", "/no-sitrep", false},
		{"sitrep", "/no-sitrep/x", false},
		{"sitrep", "/no-sitrep/but-this/x", true},
		{"sitrep", "/private/x", true}, // the sitrep group replaces the * group
		{"SiTrEp", "/no-sitrep", false},
		{"helperbot", "/no-sitrep", false},
		{"somebot", "/private/x", false},
		{"somebot", "/private/open/page", true},
		{"somebot", "/files/a.pdf", false},
		{"somebot", "/files/a.pdf?x=1", true},
		{"somebot", "/search?q=aleppo", false},
		{"somebot", "/search", true},
		{"otherbot", "/anything", false},
		{"otherbot", "", false},
	}
	for _, tt := range tests {
		if got := ParseRobots([]byte(robotsTxt), tt.agent).Allowed(tt.path); got != tt.want {
			t.Errorf("%s %s: allowed %v, want %v", tt.agent, tt.path, got, tt.want)
		}
	}
}

func TestMatchRobots(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/a", "/a", true},
		{"/a", "/ab", true},
		{"/a$", "/ab", false},
		{"/a$", "/a", true},
		{"/*/b", "/x/y/b", true},
		{"/*b$", "/x/b/c", false},
		{"/*b$", "/x/b/cb", true},
		{"*", "/", true},
		{"/a*$", "/abc", true},
		{"/b", "/a", false},
	}
	for _, tt := range tests {
		if got := matchRobots(tt.pattern, tt.path); got != tt.want {
			t.Errorf("match(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestAgentToken(t *testing.T) {
	for ua, want := range map[string]string{"sitrep/1 (+https://x)": "sitrep", "Bot": "bot", "": "x"} {
		if got := agentToken(ua); got != want {
			t.Errorf("agentToken(%q) = %q, want %q", ua, got, want)
		}
	}
}

func TestClientHonoursRobots(t *testing.T) {
	var robotsHits atomic.Int32
	status := http.StatusOK
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		robotsHits.Add(1)
		w.WriteHeader(status)
		fmt.Fprint(w, "User-agent: *\nDisallow: /secret\n")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
	mux.HandleFunc("/go", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c := testClient(Options{})
	if _, err := c.Get(context.Background(), srv.URL+"/open"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(context.Background(), srv.URL+"/secret/x"); !errors.Is(err, ErrRobots) {
		t.Fatalf("got %v, want ErrRobots", err)
	}
	if _, err := c.Get(context.Background(), srv.URL+"/go?to=/secret/y"); !errors.Is(err, ErrRobots) {
		t.Fatalf("redirect into a disallowed path: got %v, want ErrRobots", err)
	}
	if n := robotsHits.Load(); n != 1 {
		t.Fatalf("robots.txt fetched %d times, want once (cached)", n)
	}
	if _, err := testClient(Options{IgnoreRobots: true}).Get(context.Background(), srv.URL+"/secret/x"); err != nil {
		t.Fatalf("IgnoreRobots: %v", err)
	}
	status = http.StatusServiceUnavailable
	if _, err := testClient(Options{}).Get(context.Background(), srv.URL+"/open"); !errors.Is(err, ErrRobots) {
		t.Fatalf("robots.txt 503: got %v, want ErrRobots", err)
	}
	status = http.StatusNotFound
	if _, err := testClient(Options{}).Get(context.Background(), srv.URL+"/secret"); err != nil {
		t.Fatalf("robots.txt 404 allows everything: %v", err)
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte(robotsTxt), "/private/x")
	f.Add([]byte("User-agent: *\nDisallow: /*$*$\n"), "/a$")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		ParseRobots(data, "sitrep").Allowed(path)
	})
}
