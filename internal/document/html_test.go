package document

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"sitrep/internal/event"
)

func TestFromHTMLFixtures(t *testing.T) {
	tests := []struct {
		file                                   string
		title, publisher, published, url, lang string
		has, hasNot                            []string
		wantErr                                error
	}{
		{file: "article.html", title: "Clashes near river crossing leave 11 dead", publisher: "The Northern Courier",
			published: "2023-06-14", url: "https://courier.example.com/world/2023/06/14/river-crossing-clashes", lang: "en",
			has:    []string{"killed at least 11 people on Tuesday, local officials said on Wednesday.\n\nThe officials said"},
			hasNot: []string{"Advertisement", "Football results", "All rights reserved", "Sign in"}},
		{file: "cp1252.html", title: "Bombardement", lang: "fr",
			has: []string{"Le bombardement du marché a tué", "l’armée a démenti"}},
		{file: "jsonld.html", title: "Fire destroys central market", publisher: "Coast Daily", published: "2021-02-03",
			lang: "en", has: []string{"A fire destroyed most of the central market"}},
		{file: "noarticle.html", wantErr: ErrNoArticle},
		{file: "random.bin", wantErr: ErrBinary},
		{file: "empty.txt", wantErr: ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := FromHTML(context.Background(), b, "")
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			got := []string{doc.Title, doc.Publisher, dateString(doc.Published), doc.URL, doc.Language}
			want := []string{tt.title, tt.publisher, tt.published, tt.url, tt.lang}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("metadata %q, want %q", got, want)
			}
			for _, s := range tt.has {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, doc.Text)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(doc.Text, s) {
					t.Errorf("text has boilerplate %q", s)
				}
			}
			if wantPrefix := map[bool]string{true: "u", false: "c"}[tt.url != ""]; !strings.HasPrefix(doc.ID, wantPrefix) {
				t.Errorf("id %q, want prefix %q", doc.ID, wantPrefix)
			}
		})
	}
}

func dateString(d *event.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func TestFromHTMLPageURLWins(t *testing.T) {
	b, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := FromHTML(context.Background(), b, "https://mirror.example.net/copy")
	if err != nil {
		t.Fatal(err)
	}
	if doc.URL != "https://mirror.example.net/copy" || doc.ID != ID("https://mirror.example.net/copy", "") {
		t.Fatalf("url %q id %q", doc.URL, doc.ID)
	}
}

func TestNodeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>One  two\nthree</p><p>Four</p>", "One two three\n\nFour"},
		{"<div>a<br>b</div>", "a\nb"},
		{"<p>x <b>bold</b>, <i>it</i>.</p>", "x bold, it."},
		{"<table><tr><td>Town</td><td>Dead</td></tr><tr><td>A</td><td>4</td></tr></table>", "Town | Dead\n\nA | 4"},
		{"<p>keep</p><script>var x = 1;</script><style>p{}</style>", "keep"},
		{"<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"},
	}
	for _, tt := range tests {
		n, err := html.Parse(strings.NewReader(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := nodeText(n); got != tt.want {
			t.Errorf("nodeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLooksLikeArticle(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Home News Sport Weather Sign in", false},
		{"Accept cookies? Yes. No.", false},
		{"Two soldiers were killed on Monday.", true},
		{"Headline without stop\n\nGunmen attacked a village, officials said.", true},
		{"“Gunmen attacked the village at dawn,” he said.”", true},
		{"武装分子周一袭击了该村庄，造成至少五人死亡。", true},
	}
	for _, tt := range tests {
		if got := looksLikeArticle(tt.in); got != tt.want {
			t.Errorf("looksLikeArticle(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestLoadHTMLFile(t *testing.T) {
	src, err := Load(context.Background(), "testdata/article.html", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	doc, err := src.Next(context.Background())
	if err != nil || !strings.HasPrefix(doc.Text, "Clashes near river crossing") {
		t.Fatalf("doc %+v err %v", doc, err)
	}
	src, err = Load(context.Background(), "testdata/noarticle.html", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.Next(context.Background()); !errors.Is(err, ErrNoArticle) || !strings.Contains(err.Error(), "noarticle.html") {
		t.Fatalf("got %v, want ErrNoArticle naming the file", err)
	}
}

// benchPage builds a news-like page of about n paragraphs with navigation and footer boilerplate.
func benchPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Report | Example News</title>` +
		`<meta property="article:published_time" content="2022-09-01T10:00:00Z"></head><body>` +
		`<nav><a href="/">Home</a><a href="/world">World</a><a href="/opinion">Opinion</a></nav><article><h1>Report</h1>`)
	for i := range n {
		fmt.Fprintf(&b, "<p>In paragraph %d, officials said that %d people were killed when shells hit a residential "+
			"area of the town on Sunday, and that rescue teams were still searching the rubble for survivors.</p>", i, i%40)
	}
	b.WriteString(`</article><aside><ul><li><a href="/x">Most read</a></li></ul></aside><footer>© Example</footer></body></html>`)
	return []byte(b.String())
}

func BenchmarkFromHTML(b *testing.B) {
	page := benchPage(60)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FromHTML(context.Background(), page, "https://news.example.org/report"); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzFromHTML(f *testing.F) {
	for _, name := range []string{"article.html", "cp1252.html", "noarticle.html", "jsonld.html"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<html><body><table><tr><td><p>x</td></p></tr>"))
	f.Add([]byte("<meta charset=utf-16><p>\xff\xfe</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := FromHTML(context.Background(), data, "")
		if err == nil && (doc.ID == "" || strings.TrimSpace(doc.Text) == "") {
			t.Fatalf("document without id or text: %+v", doc)
		}
	})
}
