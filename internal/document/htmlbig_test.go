package document

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"sitrep/internal/event"
)

// TestFromHTMLBigPagePlainPath: a page over maxExtractorText keeps all its paragraphs and its metadata, and
// drops navigation and asides.
func TestFromHTMLBigPagePlainPath(t *testing.T) {
	page := benchPage(3000)
	doc, err := FromHTML(context.Background(), page, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Text) <= maxExtractorText {
		t.Fatalf("test page too small: %d bytes of text", len(doc.Text))
	}
	for _, s := range []string{"In paragraph 0,", "In paragraph 2999,", "Report\n\nIn paragraph 0"} {
		if !strings.Contains(doc.Text, s) {
			t.Errorf("text lacks %q", s)
		}
	}
	for _, s := range []string{"Most read", "Opinion", "© Example"} {
		if strings.Contains(doc.Text, s) {
			t.Errorf("text keeps boilerplate %q", s)
		}
	}
	if doc.Title != "Report | Example News" || dateString(doc.Published) != "2022-09-01" || doc.Language != "en" {
		t.Errorf("metadata: title %q published %v language %q", doc.Title, doc.Published, doc.Language)
	}
}

// TestReadHeadMetaAgreesWithExtractor compares the plain path's metadata with the extractor's on the fixtures.
func TestReadHeadMetaAgreesWithExtractor(t *testing.T) {
	for _, name := range []string{"article.html", "jsonld.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		root, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		plain := readHeadMeta(root)
		doc, err := FromHTML(context.Background(), b, "")
		if err != nil {
			t.Fatal(err)
		}
		got := []string{plain.url, dateString(datePtr(plain.published)), plain.site}
		want := []string{doc.URL, dateString(doc.Published), doc.Publisher}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: plain metadata %q, extractor %q", name, got, want)
		}
		if plain.title == "" || !strings.Contains(plain.title, doc.Title) && !strings.Contains(doc.Title, plain.title) {
			t.Errorf("%s: plain title %q, extractor %q", name, plain.title, doc.Title)
		}
	}
}

func datePtr(t time.Time) *event.Date {
	if t.IsZero() {
		return nil
	}
	d := event.DateOf(t)
	return &d
}

// FuzzPlainPath runs the plain path (head metadata and boilerplate-free text) on any input.
func FuzzPlainPath(f *testing.F) {
	for _, name := range []string{"article.html", "jsonld.html", "noarticle.html"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<head><script type="application/ld+json">[{"headline":1},{"datePublished":"2020-01-01"}]</script></head>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		root, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		readHeadMeta(root)
		plainContent(root)
	})
}
