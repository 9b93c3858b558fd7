package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// feedSite serves an RSS feed with two reports of one shelling, as plain-text pages.
func feedSite(t *testing.T) *httptest.Server {
	pages := map[string]string{
		"/a1": "Government forces shelled the town of Maarat al-Numan in Idlib province on Monday, killing seven " +
			"civilians, the Syrian Observatory for Human Rights said.",
		"/a2": "The death toll from Monday's shelling of Maarat al-Numan in Idlib province rose to nine, " +
			"local rescuers said on Tuesday.",
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Shelling kills seven</title><link>%[1]s/a1</link><pubDate>Mon, 09 Feb 2026 10:00:00 GMT</pubDate></item>
<item><title>Toll rises to nine</title><link>%[1]s/a2</link><pubDate>Tue, 10 Feb 2026 09:00:00 GMT</pubDate></item>
</channel></rss>`, srv.URL)
			return
		}
		text, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, text)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestServePollsFeeds runs serve with a feeds file pointing at a local feed and waits for its reports to become
// incidents in the API.
func TestServePollsFeeds(t *testing.T) {
	site := feedSite(t)
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	if err := os.WriteFile(feeds, []byte(site.URL+"/feed.xml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e, _, stderr := testEnv()
	base, stop := startServing(t, serveCommand, e, "--db", filepath.Join(dir, "s.db"), "--addr", "127.0.0.1:0",
		"--feeds", feeds, "--allow-private", "--gazetteer", "")
	defer stop()
	var stats struct {
		Store struct{ Documents, Incidents int }
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		_, body := get(t, base+"/api/stats")
		if err := json.Unmarshal([]byte(body), &stats); err != nil {
			t.Fatalf("stats %q: %v", body, err)
		}
		if stats.Store.Documents == 2 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if stats.Store.Documents != 2 || stats.Store.Incidents == 0 {
		t.Fatalf("after polling: %+v\n%s", stats, stderr)
	}
	code, body := get(t, base+"/api/incidents?country=SY")
	if code != http.StatusOK || !strings.Contains(body, site.URL+"/a1") {
		t.Errorf("incidents: %d %.300s", code, body)
	}
	_, body = get(t, base+"/api/sources")
	var srcs struct {
		Sources []struct {
			URL       string `json:"url"`
			LastError string `json:"last_error"`
			NextPoll  string `json:"next_poll"`
		}
	}
	if err := json.Unmarshal([]byte(body), &srcs); err != nil || len(srcs.Sources) != 1 ||
		srcs.Sources[0].LastError != "" || strings.HasPrefix(srcs.Sources[0].NextPoll, "0001") {
		t.Errorf("source after a good poll: %s (%v)", body, err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}
