package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

//go:embed all:dist
var dist embed.FS

// csp keeps the page to its own scripts and API; images may come from a configured tile server.
const csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: http: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// asset is one embedded file, read once, with its content type, ETag and, when that is much smaller, a gzip copy.
type asset struct {
	body  []byte
	gz    []byte
	ctype string
	etag  string
}

// Handler serves the embedded bundle: index.html at "/", the other files by name. Without a bundle (a Go build
// before `make web`) it serves a short page saying how to build one.
func Handler() http.Handler { return handler(embedded()) }

// embedded is the bundle, read and compressed once per process (it never changes).
var embedded = sync.OnceValue(func() map[string]asset { return load(dist, "dist") })

// Built reports whether the binary embeds the page's bundle.
func Built() bool {
	_, err := fs.Stat(dist, "dist/index.html")
	return err == nil
}

// handler serves assets, or the not-built page when they hold no index.html.
func handler(assets map[string]asset) http.Handler {
	if _, ok := assets["index.html"]; !ok {
		return http.HandlerFunc(notBuilt)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" {
			name = "index.html"
		}
		a, ok := assets[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		serve(w, r, a)
	})
}

// serve writes one asset, gzipped when the client accepts it, with revalidation headers (the bundle's file names
// are stable, so caches must ask).
func serve(w http.ResponseWriter, r *http.Request, a asset) {
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("Vary", "Accept-Encoding")
	body, etag := a.body, a.etag
	if a.gz != nil && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		body, etag = a.gz, strings.TrimSuffix(a.etag, `"`)+`-gz"`
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", etag)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", csp)
	h.Set("Referrer-Policy", "no-referrer")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip (and does not refuse it with q=0).
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

// gzipped compresses body, or returns nil when that saves less than a tenth.
func gzipped(body []byte) []byte {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	if err != nil {
		return nil
	}
	if _, err := zw.Write(body); err != nil || zw.Close() != nil {
		return nil
	}
	if buf.Len() > len(body)*9/10 {
		return nil
	}
	return buf.Bytes()
}

// load reads every file under dir of fsys into memory, except the placeholder README.md.
func load(fsys fs.FS, dir string) map[string]asset {
	out := map[string]asset{}
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return out
	}
	fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "README.md" {
			return nil
		}
		body, err := fs.ReadFile(sub, p)
		if err != nil {
			return nil
		}
		sum := sha256.Sum256(body)
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		out[p] = asset{body: body, gz: gzipped(body), ctype: ctype, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
		return nil
	})
	return out
}
