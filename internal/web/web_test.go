package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func get(t *testing.T, h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandlerServesBundle(t *testing.T) {
	fsys := fstest.MapFS{
		"dist/index.html":   {Data: []byte("<!doctype html><title>x</title>")},
		"dist/app.js":       {Data: []byte("console.log(1)")},
		"dist/app.css":      {Data: []byte("body{}")},
		"dist/basemap.json": {Data: []byte("{}")},
		"dist/README.md":    {Data: []byte("placeholder")},
	}
	h := handler(load(fsys, "dist"))
	tests := []struct {
		method, target string
		status         int
		ctype          string
	}{
		{"GET", "/", 200, "text/html"},
		{"GET", "/index.html", 200, "text/html"},
		{"GET", "/app.js", 200, "javascript"},
		{"GET", "/app.css", 200, "text/css"},
		{"GET", "/basemap.json", 200, "application/json"},
		{"HEAD", "/app.js", 200, "javascript"},
		{"GET", "/README.md", 404, ""},
		{"GET", "/nope.js", 404, ""},
		{"GET", "/../app.js", 200, "javascript"},
		{"GET", "/dist/app.js", 404, ""},
		{"POST", "/", 405, ""},
	}
	for _, tt := range tests {
		rec := get(t, h, tt.method, tt.target)
		if rec.Code != tt.status {
			t.Errorf("%s %s: status %d, want %d", tt.method, tt.target, rec.Code, tt.status)
			continue
		}
		if tt.status != 200 {
			continue
		}
		if ct := rec.Header().Get("Content-Type"); !strings.Contains(ct, tt.ctype) {
			t.Errorf("%s %s: content type %q, want %q", tt.method, tt.target, ct, tt.ctype)
		}
		if rec.Header().Get("Content-Security-Policy") == "" || rec.Header().Get("ETag") == "" {
			t.Errorf("%s %s: missing CSP or ETag: %v", tt.method, tt.target, rec.Header())
		}
	}
}

func TestHandlerRevalidates(t *testing.T) {
	h := handler(load(fstest.MapFS{"dist/index.html": {Data: []byte("<p>hi</p>")}}, "dist"))
	etag := get(t, h, "GET", "/").Header().Get("ETag")
	if rec := get(t, h, "GET", "/", "If-None-Match", etag); rec.Code != http.StatusNotModified {
		t.Fatalf("If-None-Match %s: status %d, want 304", etag, rec.Code)
	}
}

func TestHandlerWithoutBundle(t *testing.T) {
	h := handler(load(fstest.MapFS{"dist/README.md": {Data: []byte("placeholder")}}, "dist"))
	rec := get(t, h, "GET", "/")
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "make web") {
		t.Fatalf("GET / without a bundle: %d %q, want 503 saying how to build it", rec.Code, rec.Body.String())
	}
	if rec := get(t, h, "GET", "/app.js"); rec.Code != http.StatusNotFound {
		t.Fatalf("GET /app.js without a bundle: %d, want 404", rec.Code)
	}
}

func TestEmbeddedHandler(t *testing.T) {
	rec := get(t, Handler(), "GET", "/")
	want := http.StatusServiceUnavailable
	if Built() {
		want = http.StatusOK
	}
	if rec.Code != want {
		t.Fatalf("GET / (bundle built: %v): status %d, want %d", Built(), rec.Code, want)
	}
	if !Built() {
		return
	}
	lic := get(t, Handler(), "GET", "/licenses.txt")
	for _, pkg := range []string{"leaflet 1.", "leaflet.markercluster", "topojson-client", "world-atlas", "Natural Earth"} {
		if !strings.Contains(lic.Body.String(), pkg) {
			t.Errorf("licenses.txt does not name %s", pkg)
		}
	}
}

func TestHandlerGzips(t *testing.T) {
	js := strings.Repeat("console.log('sitrep');\n", 200)
	h := handler(load(fstest.MapFS{"dist/index.html": {Data: []byte("<p>hi</p>")}, "dist/app.js": {Data: []byte(js)}}, "dist"))
	tests := []struct {
		accept string
		gzip   bool
	}{
		{"", false},
		{"gzip", true},
		{"br, gzip;q=0.8", true},
		{"gzip;q=0", false},
		{"identity", false},
	}
	for _, tt := range tests {
		rec := get(t, h, "GET", "/app.js", "Accept-Encoding", tt.accept)
		gz := rec.Header().Get("Content-Encoding") == "gzip"
		if rec.Code != 200 || gz != tt.gzip {
			t.Errorf("Accept-Encoding %q: status %d, gzip %v, want gzip %v", tt.accept, rec.Code, gz, tt.gzip)
			continue
		}
		body := rec.Body.Bytes()
		if gz {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if body, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		if string(body) != js {
			t.Errorf("Accept-Encoding %q: body differs from the file", tt.accept)
		}
	}
	// A file that does not shrink goes out as it is.
	if rec := get(t, h, "GET", "/", "Accept-Encoding", "gzip"); rec.Header().Get("Content-Encoding") != "" {
		t.Errorf("tiny index.html gzipped: %v", rec.Header())
	}
}
