package api

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/extract"
	"sitrep/internal/fetch"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// testEngines builds the engine over the embedded lexicon and gazetteer once per test binary.
func testEngines(t testing.TB) (plain, explain *extract.Engine) {
	t.Helper()
	plain, err := extract.Default(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	explain, err = extract.Default(extract.Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	return plain, explain
}

// article is a short report the engine finds an event in.
const article = "Government forces shelled the town of Maarat al-Numan in Idlib province on Monday, " +
	"killing seven civilians, the Syrian Observatory for Human Rights said."

// writeServer is a server with a real pipeline and engine over an empty store.
func writeServer(t *testing.T, opts Options) (http.Handler, store.Store) {
	plain, explain := testEngines(t)
	st := openStore(t)
	opts.Explain = explain
	return New(st, pipeline.New(plain, st, pipeline.Options{}), plain, opts).Handler(), st
}

func TestExtractStoresNothing(t *testing.T) {
	h, st := writeServer(t, Options{})
	for _, explain := range []bool{false, true} {
		body := fmt.Sprintf(`{"text":%q,"published":"2026-02-09","explain":%v}`, article, explain)
		code, got := call(t, h, "POST", "/api/extract", body)
		if code != http.StatusOK {
			t.Fatalf("status %d: %s", code, got)
		}
		res := decode[event.Result](t, got)
		if len(res.Events) == 0 {
			t.Fatalf("no events in %s", got)
		}
		if has := len(res.Events[0].Explain) > 0; has != explain {
			t.Errorf("explain=%v but reasons present=%v", explain, has)
		}
		if res.Document.Published == nil || res.Document.Published.String() != "2026-02-09" {
			t.Errorf("published %v", res.Document.Published)
		}
	}
	if c, _ := st.Counts(t.Context()); c.Documents != 0 {
		t.Errorf("extract stored %d documents", c.Documents)
	}
}

func TestPostDocument(t *testing.T) {
	h, st := writeServer(t, Options{})
	body := fmt.Sprintf(`{"text":%q,"url":"https://wire.example/a1","title":"Shelling","publisher":"Meridian Wire","published":"2026-02-09"}`, article)
	code, got := call(t, h, "POST", "/api/documents", body)
	if code != http.StatusCreated {
		t.Fatalf("status %d: %s", code, got)
	}
	out := decode[pipeline.Outcome](t, got)
	if out.Events == 0 || out.Created == 0 || out.Duplicate {
		t.Errorf("outcome %+v", out)
	}
	d, err := st.GetDocument(t.Context(), out.DocumentID)
	if err != nil || d.Title != "Shelling" || d.URL != "https://wire.example/a1" || d.Publisher != "Meridian Wire" {
		t.Errorf("stored %+v, %v", d, err)
	}
	if code, got = call(t, h, "POST", "/api/documents", body); code != http.StatusOK ||
		!decode[pipeline.Outcome](t, got).Duplicate {
		t.Errorf("second post: %d %s", code, got)
	}
	code, got = call(t, h, "GET", "/api/stats", "")
	if code != http.StatusOK || !strings.Contains(got, `"duplicates":1`) {
		t.Errorf("stats: %s", got)
	}
}

func TestPostDocumentInputErrors(t *testing.T) {
	h, _ := writeServer(t, Options{})
	tests := []struct {
		body string
		code int
		msg  string
	}{
		{`{}`, 400, "one of text, html or url"},
		{`{"text":"a","html":"<p>b</p>"}`, 400, "not both"},
		{`{"text":"x","published":"Monday"}`, 400, "published"},
		{`{"text":"   "}`, 422, "empty"},
		{`{"text":"Regierungstruppen beschossen die Stadt.","language":"de"}`, 422, "language"},
		{`{"url":"file:///etc/passwd"}`, 400, "http(s)"},
		{`{"url":"http://127.0.0.1:1/x"}`, 400, "non-public"},
		{`{"url":"http://10.0.0.1/x"}`, 400, "non-public"},
		{`{"text":"x","explain":true}`, 400, "explain"},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			code, got := call(t, h, "POST", "/api/documents", tt.body)
			if code != tt.code || !strings.Contains(decode[errorBody](t, got).Error, tt.msg) {
				t.Errorf("status %d, body %s; want %d mentioning %q", code, got, tt.code, tt.msg)
			}
		})
	}
}

func TestPostDocumentURL(t *testing.T) {
	page := "<html><head><title>Shelling in Idlib</title></head><body><article><h1>Shelling in Idlib</h1><p>" +
		article + "</p><p>Residents said the shelling continued into the night and several houses were destroyed " +
		"in the eastern part of the town.</p></article></body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	h, _ := writeServer(t, Options{Fetch: fetch.New(fetch.Options{AllowPrivate: true})})
	code, got := call(t, h, "POST", "/api/documents", `{"url":"`+srv.URL+`/story","published":"2026-02-09"}`)
	if code != http.StatusCreated {
		t.Fatalf("status %d: %s", code, got)
	}
	if out := decode[pipeline.Outcome](t, got); out.Events == 0 {
		t.Errorf("no events from the fetched page: %s", got)
	}
	code, got = call(t, h, "POST", "/api/extract", `{"url":"`+srv.URL+`/missing-robots-ok"}`)
	if code != http.StatusOK {
		t.Errorf("extract url: %d %s", code, got)
	}
	if code, got = call(t, h, "POST", "/api/extract", `{"url":"http://127.0.0.1:1/closed"}`); code != http.StatusBadGateway ||
		!strings.Contains(got, "fetch") {
		t.Errorf("unreachable url: %d %s", code, got)
	}
}

// TestExtractUnsupportedLanguage: POST /api/extract of another language is a 422 that says what the text reads as
// and what sitrep reads, once (not "extract: extract ...").
func TestExtractUnsupportedLanguage(t *testing.T) {
	h, _ := writeServer(t, Options{})
	code, got := call(t, h, "POST", "/api/extract", `{"text":"Regierungstruppen beschossen die Stadt.","language":"de"}`)
	msg := decode[errorBody](t, got).Error
	if code != http.StatusUnprocessableEntity || !strings.Contains(msg, `"de"`) || !strings.Contains(msg, "English only") ||
		strings.Contains(msg, "extract: extract") {
		t.Errorf("status %d, message %q", code, msg)
	}
}
