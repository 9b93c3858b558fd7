package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sitrep/internal/extract"
	"sitrep/internal/fetch"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// testEngine builds the engine from the embedded lexicon and gazetteer once per test binary.
func testEngine(t testing.TB) *extract.Engine {
	t.Helper()
	eng, err := extract.Default(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

// rig is a poller over a fresh store, fetching with a client that may reach the local test server.
type rig struct {
	st     *store.SQLite
	pipe   *pipeline.Pipeline
	poller *Poller
	now    time.Time
}

func newRig(t *testing.T, maxBytes int64) *rig {
	t.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "f.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r := &rig{st: st, now: time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC)}
	r.pipe = pipeline.New(testEngine(t), st, pipeline.Options{})
	// AllowPrivate only because httptest listens on 127.0.0.1; production clients never set it by default.
	client := fetch.New(fetch.Options{AllowPrivate: true, Timeout: time.Second, MaxBytes: maxBytes})
	r.poller = NewPoller(st, client, r.pipe, PollerOptions{Interval: time.Minute, MaxBackoff: time.Hour,
		Now: func() time.Time { return r.now }})
	return r
}

// source returns the stored state of the source with url.
func (r *rig) source(t *testing.T, url string) store.Source {
	t.Helper()
	srcs, err := r.st.ListSources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		if s.URL == url {
			return s
		}
	}
	t.Fatalf("source %s not stored", url)
	return store.Source{}
}

// site is a local news site: article pages, feeds, and counters of what was requested.
type site struct {
	*httptest.Server
	pageHits    atomic.Int64
	conditional atomic.Int64 // feed requests that carried If-None-Match
	release     chan struct{}
}

// page wraps paragraphs in a news page.
func page(title string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html><head><meta charset="utf-8"><title>%s</title>
<meta property="og:site_name" content="Local Test Wire"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>%s</h1>`, title, title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</article><footer>Copyright Local Test Wire. All rights reserved.</footer></body></html>`)
	return b.String()
}

// rssItemXML is one RSS item.
func rssItemXML(link, title, description string) string {
	return fmt.Sprintf("<item><title>%s</title><link>%s</link><description>%s</description>"+
		"<pubDate>Wed, 04 Mar 2026 09:00:00 +0000</pubDate></item>\n", title, link, description)
}

var (
	bombOnce sync.Once
	bomb     []byte
)

// gzipBomb is 64 MiB of zeros after an RSS start tag, gzipped (about 64 KB), made once per test binary.
func gzipBomb(t *testing.T) []byte {
	bombOnce.Do(func() {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
		zw.Write([]byte("<rss><channel><title>"))
		zeros := make([]byte, 1<<20)
		for range 64 {
			zw.Write(zeros)
		}
		zw.Close()
		bomb = buf.Bytes()
	})
	return bomb
}

func newSite(t *testing.T, pages map[string]string, feeds map[string]string) *site {
	t.Helper()
	s := &site{release: make(chan struct{})}
	gzipBomb(t) // made before the server starts, so that its first request does not wait for it
	mux := http.NewServeMux()
	for path, body := range pages {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			s.pageHits.Add(1)
			if strings.HasPrefix(body, "latin1:") {
				w.Header().Set("Content-Type", "text/html; charset=windows-1252")
				w.Write([]byte(strings.TrimPrefix(body, "latin1:")))
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(body))
		})
	}
	for path, body := range feeds {
		etag := fmt.Sprintf(`"%x"`, len(body))
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") != "" {
				s.conditional.Add(1)
			}
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(strings.ReplaceAll(body, "BASE", "http://"+r.Host)))
		})
	}
	mux.HandleFunc("GET /bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipBomb(t))
	})
	mux.HandleFunc("GET /hang.xml", func(w http.ResponseWriter, r *http.Request) {
		select { // hangs until the client gives up or the test ends
		case <-r.Context().Done():
		case <-s.release:
		}
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(func() {
		close(s.release)
		s.Close()
	})
	return s
}
