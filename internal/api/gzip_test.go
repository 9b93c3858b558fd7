package api

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestGzip(t *testing.T) {
	h := New(fixture(t), nil, nil, Options{}).Handler()
	tests := []struct {
		method, target, accept string
		code                   int
		gzipped                bool
		want                   string // in the (decompressed) body
	}{
		{"GET", "/api/map", "gzip, deflate, br", 200, true, `"markers":[`},
		{"GET", "/api/map", "", 200, false, `"markers":[`},
		{"GET", "/api/map", "br", 200, false, `"markers":[`},
		{"GET", "/api/map", "gzip;q=0", 200, false, `"markers":[`},
		{"GET", "/api/export?format=acled-csv", "gzip", 200, true, "event_id_cnty"},
		{"GET", "/api/incidents?limit=0", "gzip", 400, true, `"error"`},
		{"POST", "/api/sources", "gzip", 201, true, `"url":"https://z.example/"`},
		{"DELETE", "/api/sources?url=https://z.example/", "gzip", 204, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target+" "+tt.accept, func(t *testing.T) {
			var body io.Reader
			if tt.method == "POST" {
				body = strings.NewReader(`{"url":"https://z.example/"}`)
			}
			req := httptest.NewRequest(tt.method, tt.target, body)
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept-Encoding", tt.accept)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.code {
				t.Fatalf("status %d, want %d", rec.Code, tt.code)
			}
			if got := rec.Header().Get("Content-Encoding") == "gzip"; got != tt.gzipped {
				t.Fatalf("gzipped %v, want %v", got, tt.gzipped)
			}
			var r io.Reader = rec.Body
			if tt.gzipped {
				zr, err := gzip.NewReader(rec.Body)
				if err != nil {
					t.Fatal(err)
				}
				r = zr
			}
			b, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tt.want) || (tt.code == http.StatusNoContent && len(b) != 0) {
				t.Errorf("body %.200q does not hold %q", b, tt.want)
			}
		})
	}
}
