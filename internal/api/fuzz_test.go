package api

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzIncidentQuery sends arbitrary query strings to the incident routes: the answer is 200 or a JSON 400,
// never a panic or a 500.
func FuzzIncidentQuery(f *testing.F) {
	for _, q := range []string{"", "country=SY", "bbox=1,2,3,4", "from=2026-02-01&to=2026-01-01", "limit=0",
		"cursor=MTIzfDIwMjYtMDItMDM", "q=%22%22", "min_fatalities=99999999999", "sub_event_type=Attack&event_type=Riots",
		"bbox=NaN,0,1,1", "%zz", "q=a+OR+b+NOT+c*"} {
		f.Add(q)
	}
	h := New(fixture(f), nil, nil, Options{}).Handler()
	f.Fuzz(func(t *testing.T, q string) {
		for _, route := range []string{"/api/incidents", "/api/map", "/api/timeline"} {
			req := httptest.NewRequest("GET", "/", nil)
			req.URL.Path, req.URL.RawQuery = route, q
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
				t.Fatalf("%s?%s: status %d: %s", route, q, rec.Code, rec.Body)
			}
			if rec.Code == http.StatusBadRequest {
				decode[errorBody](t, rec.Body.String())
			}
		}
	})
}

// FuzzInputBody posts arbitrary bodies to POST /api/sources and /api/incidents/{id}/split: a JSON error or
// success, never a panic or a 500.
func FuzzInputBody(f *testing.F) {
	for _, b := range []string{"", "{}", `{"url":"https://a.example/"}`, `{"url":1}`, "[", `{"document_id":"x"}`, "null"} {
		f.Add(b)
	}
	h := New(fixture(f), nil, nil, Options{}).Handler()
	f.Fuzz(func(t *testing.T, body string) {
		for _, route := range []string{"/api/sources", "/api/incidents/x/split"} {
			code, got := call(t, h, "POST", route, body)
			if code >= 500 {
				t.Fatalf("%s %q: status %d: %s", route, body, code, got)
			}
		}
	})
}
