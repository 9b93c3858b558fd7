package api

import (
	"compress/gzip"
	"net/http"
	"strings"
	"sync"
)

// gzipPool reuses compressors across responses.
var gzipPool = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

// compress gzips the response when the client accepts it (a map of many markers shrinks about tenfold).
func compress(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		if !acceptsGzip(r.Header.Get("Accept-Encoding")) || r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		gw := &gzipWriter{ResponseWriter: w}
		defer gw.finish()
		next.ServeHTTP(gw, r)
	})
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			return strings.ReplaceAll(params, " ", "") != "q=0"
		}
	}
	return false
}

// gzipWriter compresses the body; the status is held back until the first byte, so a response without a body
// (204, an error before writing) goes out uncompressed.
type gzipWriter struct {
	http.ResponseWriter
	gz   *gzip.Writer
	code int
}

func (g *gzipWriter) WriteHeader(code int) {
	if g.code == 0 {
		g.code = code
	}
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	if g.gz == nil {
		h := g.Header()
		h.Set("Content-Encoding", "gzip")
		h.Del("Content-Length")
		g.ResponseWriter.WriteHeader(max(g.code, http.StatusOK))
		g.gz = gzipPool.Get().(*gzip.Writer)
		g.gz.Reset(g.ResponseWriter)
	}
	return g.gz.Write(b)
}

// Flush sends what is compressed so far (streamed exports).
func (g *gzipWriter) Flush() {
	if g.gz != nil {
		g.gz.Flush()
	}
	if f, ok := g.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// finish ends the gzip stream, or sends the held status of a response without a body.
func (g *gzipWriter) finish() {
	if g.gz == nil {
		if g.code != 0 {
			g.ResponseWriter.WriteHeader(g.code)
		}
		return
	}
	g.gz.Close()
	gzipPool.Put(g.gz)
}
