package fetch

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

func testClient(opts Options) *Client {
	opts.AllowPrivate = true
	return New(opts)
}

func TestGetDecodesCharsets(t *testing.T) {
	srv := newTestServer(t)
	tests := []struct {
		path, want, charset string
	}{
		{"/page", "Hello, Aleppo.", "utf-8"},
		{"/cp1252", "café € 5 “quoted”", "windows-1252"},
		{"/latin1-meta", "Alép naïve", "windows-1252"},
		{"/xml-latin1", `<?xml version="1.0" encoding="UTF-8"?><rss><title>Bogotá`, "windows-1252"},
		{"/gzip", "shelling reported. shelling", "utf-8"},
	}
	c := testClient(Options{IgnoreRobots: true})
	for _, tt := range tests {
		resp, err := c.Get(context.Background(), srv.URL+tt.path)
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
			continue
		}
		if !utf8.Valid(resp.Body) || !strings.Contains(string(resp.Body), tt.want) {
			t.Errorf("%s: body %q, want it to contain %q", tt.path, resp.Body, tt.want)
		}
		if resp.Charset != tt.charset {
			t.Errorf("%s: charset %q, want %q", tt.path, resp.Charset, tt.charset)
		}
	}
}

func TestGetErrors(t *testing.T) {
	srv := newTestServer(t)
	tests := []struct {
		name string
		opts Options
		url  string
		want error
	}{
		{"404", Options{}, srv.URL + "/missing", ErrStatus},
		{"redirect loop", Options{MaxRedirects: 3}, srv.URL + "/loop", ErrTooManyRedirects},
		{"no redirects", Options{MaxRedirects: -1}, srv.URL + "/redirect?to=/page", ErrTooManyRedirects},
		{"redirect to file", Options{}, srv.URL + "/redirect?to=file:///etc/passwd", ErrScheme},
		{"file scheme", Options{}, "file:///etc/passwd", ErrScheme},
		{"ftp scheme", Options{}, "ftp://example.org/x", ErrScheme},
		{"too large", Options{MaxBytes: 1 << 20}, srv.URL + "/big", ErrTooLarge},
		{"gzip bomb", Options{}, srv.URL + "/bomb", ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.IgnoreRobots = true
			_, err := testClient(tt.opts).Get(context.Background(), tt.url)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestStatusErrorCode(t *testing.T) {
	srv := newTestServer(t)
	_, err := testClient(Options{IgnoreRobots: true}).Get(context.Background(), srv.URL+"/missing")
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 404 {
		t.Fatalf("got %v, want a StatusError with code 404", err)
	}
}

func TestRedirectFollowed(t *testing.T) {
	srv := newTestServer(t)
	resp, err := testClient(Options{IgnoreRobots: true}).Get(context.Background(), srv.URL+"/redirect?to=/page")
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL != srv.URL+"/page" || resp.ContentType != "text/html" {
		t.Fatalf("final url %q content type %q", resp.URL, resp.ContentType)
	}
}

func TestGzipBombBoundedMemory(t *testing.T) {
	srv := newTestServer(t)
	c := testClient(Options{IgnoreRobots: true, MaxBytes: 4 << 20})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := c.Get(context.Background(), srv.URL+"/bomb")
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
	// The stream expands to 1 GiB; the client may only allocate around its 4 MiB limit (plus the ~1 MiB
	// compressed body on both sides of the connection and the server's one-off compression buffers).
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256<<20 {
		t.Fatalf("allocated %d MiB while refusing a gzip bomb", alloc>>20)
	}
}

func TestConditionalGet(t *testing.T) {
	srv := newTestServer(t)
	c := testClient(Options{IgnoreRobots: true})
	first, err := c.Get(context.Background(), srv.URL+"/etag")
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || first.ETag != `"v1"` || string(first.Body) != "<feed/>" {
		t.Fatalf("first fetch: %+v", first)
	}
	for _, r := range []Request{{ETag: first.ETag}, {LastModified: first.LastModified}} {
		r.URL = srv.URL + "/etag"
		again, err := c.Do(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		if !again.NotModified || again.Status != 304 || len(again.Body) != 0 {
			t.Fatalf("conditional fetch %+v: got %+v", r, again)
		}
	}
}

func TestConcurrentGets(t *testing.T) {
	srv := newTestServer(t)
	c := testClient(Options{})
	errs := make(chan error, 16)
	for range 16 {
		go func() {
			_, err := c.Get(context.Background(), srv.URL+"/page")
			errs <- err
		}()
	}
	for range 16 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
