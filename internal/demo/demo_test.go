package demo

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"sitrep/internal/document"
)

// minDocuments is the corpus size the demo promises (issue 4 asks for at least 40 reports).
const minDocuments = 48

func TestDocuments(t *testing.T) {
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < minDocuments {
		t.Fatalf("corpus has %d documents, want at least %d", len(docs), minDocuments)
	}
	ids, urls := map[string]bool{}, map[string]bool{}
	for i, d := range docs {
		if ids[d.ID] || urls[d.URL] {
			t.Errorf("%s: duplicate id %s or url", d.URL, d.ID)
		}
		ids[d.ID], urls[d.URL] = true, true
		if want := document.ID(d.URL, d.Text); d.ID != want {
			t.Errorf("%s: id %s, want document.ID %s", d.URL, d.ID, want)
		}
		if c := document.CanonicalURL(d.URL); c != d.URL {
			t.Errorf("url %s is not canonical (%s)", d.URL, c)
		}
		if u, err := url.Parse(d.URL); err != nil || !strings.HasSuffix(u.Hostname(), ".example") {
			t.Errorf("url %s: want an invented outlet on a .example host", d.URL)
		}
		if lang := document.DetectLanguage(d.Text); lang != "en" || d.Language != "en" {
			t.Errorf("%s: language %q (detected %q), want en", d.URL, d.Language, lang)
		}
		if n := len(strings.Fields(d.Text)); n < 100 || n > 400 {
			t.Errorf("%s: %d words, want a short report of 100-400", d.URL, n)
		}
		if d.Title == "" || d.Publisher == "" || d.Published == nil || d.Published.Year() != 2026 {
			t.Errorf("%s: want a title, a publisher and a 2026 publication date", d.URL)
		}
		if i > 0 && d.Published.Before(docs[i-1].Published.Time) {
			t.Errorf("%s published %s before its predecessor %s", d.URL, d.Published, docs[i-1].Published)
		}
	}
}

func TestIDsInFileMatchDocuments(t *testing.T) {
	data, err := corpus.ReadFile("corpus/reports.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
		doc, err := parseLine([]byte(line))
		if err != nil {
			t.Fatal(err)
		}
		// The file's id is what `sitrep ingest corpus/reports.jsonl` keeps: it must equal Documents' id.
		if !strings.Contains(line, `"id": "`+doc.ID+`"`) && !strings.Contains(line, `"id":"`+doc.ID+`"`) {
			t.Errorf("%s: the id field differs from document.ID %s", doc.URL, doc.ID)
		}
	}
}

func TestParseLineErrors(t *testing.T) {
	for name, line := range map[string]string{
		"not json":      `{"id":`,
		"unknown field": `{"id":"a","title":"t","url":"https://x.example/a","published":"2026-01-02","source":"S","text":"x","lang":"en"}`,
		"no text":       `{"id":"a","title":"t","url":"https://x.example/a","published":"2026-01-02","source":"S","text":" "}`,
		"no source":     `{"id":"a","title":"t","url":"https://x.example/a","published":"2026-01-02","text":"x"}`,
		"bad date":      `{"id":"a","title":"t","url":"https://x.example/a","published":"2 Jan 2026","source":"S","text":"x"}`,
	} {
		if _, err := parseLine([]byte(line)); !errors.Is(err, ErrCorpus) {
			t.Errorf("%s: error %v, want ErrCorpus", name, err)
		}
	}
	if _, err := parse("x.jsonl", []byte("\n{\"id\":\"a\"}\n")); err == nil || !strings.Contains(err.Error(), "x.jsonl:2") {
		t.Errorf("parse error %v, want it to name x.jsonl:2", err)
	}
}

func BenchmarkDocuments(b *testing.B) {
	data, err := corpus.ReadFile("corpus/reports.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Documents(); err != nil {
			b.Fatal(err)
		}
	}
}
