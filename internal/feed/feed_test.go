package feed

import (
	"errors"
	"strings"
	"testing"
	"time"
)

const rssSample = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Test Wire &amp; Co</title>
<item><title>Shelling hits &lt;b&gt;Kharkiv&lt;/b&gt;</title><link>https://wire.example/1</link><guid>w-1</guid>
<description>Short teaser.</description><content:encoded><![CDATA[<p>First paragraph.</p><p>Second&nbsp;one.</p>]]></content:encoded>
<pubDate>Tue, 03 Mar 2026 08:15:00 +0000</pubDate></item>
<item><title>No date</title><link> /relative/2 </link><description>Only a teaser &mdash; here.</description>
<dc:date>2026-03-02T10:00:00Z</dc:date></item>
</channel></rss>`

const atomSample = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom Desk</title>
<entry><id>urn:a:1</id><title>Strike near Gao</title>
<link rel="enclosure" href="https://atom.example/img.jpg"/><link rel="alternate" href="https://atom.example/1"/>
<summary>Summary only.</summary><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body <b>text</b>.</p></div></content>
<published>2026-03-01T12:00:00+01:00</published><updated>2026-03-02T12:00:00Z</updated></entry>
<entry><id>urn:a:2</id><title type="html">&lt;i&gt;Two&lt;/i&gt;</title><link href="https://atom.example/2"/>
<content type="html">&lt;p&gt;Escaped &amp;amp; html&lt;/p&gt;</content><updated>2026-03-02T12:00:00Z</updated></entry>
</feed>`

const rdfSample = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://rdf.example/"><title>RDF Wire</title></channel>
<item rdf:about="https://rdf.example/1"><title>One</title><link>https://rdf.example/1</link><description>Text one.</description></item>
</rdf:RDF>`

const jsonSample = `{"version":"https://jsonfeed.org/version/1.1","title":"JSON Desk","items":[
{"id":7,"url":"https://json.example/7","title":"Seven","content_html":"<p>Seven <em>html</em></p>","content_text":"Seven text","date_published":"2026-03-01T09:00:00Z"},
{"id":"x","external_url":"https://elsewhere.example/x","summary":"Just a summary","date_modified":"2026-03-02T09:00:00Z"}]}`

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		title string
		items []Item
	}{
		{"rss", rssSample, "Test Wire & Co", []Item{
			{ID: "w-1", URL: "https://wire.example/1", Title: "Shelling hits Kharkiv",
				Content:   "<p>First paragraph.</p><p>Second&nbsp;one.</p>",
				Published: time.Date(2026, 3, 3, 8, 15, 0, 0, time.UTC)},
			{URL: "/relative/2", Title: "No date", Content: "Only a teaser \u2014 here.",
				Published: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)},
		}},
		{"atom", atomSample, "Atom Desk", []Item{
			{ID: "urn:a:1", URL: "https://atom.example/1", Title: "Strike near Gao",
				Content:   `<div xmlns="http://www.w3.org/1999/xhtml"><p>Body <b>text</b>.</p></div>`,
				Published: time.Date(2026, 3, 1, 11, 0, 0, 0, time.UTC)},
			{ID: "urn:a:2", URL: "https://atom.example/2", Title: "Two", Content: "<p>Escaped &amp; html</p>",
				Published: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)},
		}},
		{"rdf", rdfSample, "RDF Wire", []Item{
			{ID: "https://rdf.example/1", URL: "https://rdf.example/1", Title: "One", Content: "Text one."},
		}},
		{"json feed", jsonSample, "JSON Desk", []Item{
			{ID: "7", URL: "https://json.example/7", Title: "Seven", Content: "<p>Seven <em>html</em></p>",
				Published: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)},
			{ID: "x", URL: "https://elsewhere.example/x", Content: "Just a summary",
				Published: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte("\xEF\xBB\xBF\n" + tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.title || len(f.Items) != len(tt.items) {
				t.Fatalf("title %q, %d items; want %q, %d", f.Title, len(f.Items), tt.title, len(tt.items))
			}
			for i, want := range tt.items {
				got := f.Items[i]
				got.Content = strings.TrimSpace(got.Content)
				if !got.Published.Equal(want.Published) {
					t.Errorf("item %d published %v, want %v", i, got.Published, want.Published)
				}
				got.Published, want.Published = time.Time{}, time.Time{}
				if got != want {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, got, want)
				}
			}
		})
	}
}

func TestParseLatin1(t *testing.T) {
	data := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xe9</title>" +
		"<item><title>D\xe9j\xe0 vu</title><link>https://l.example/1</link></item></channel></rss>")
	f, err := Parse(data)
	if err != nil || f.Title != "Café" || len(f.Items) != 1 || f.Items[0].Title != "Déjà vu" {
		t.Errorf("Parse = %+v, %v", f, err)
	}
}

func TestParseRejects(t *testing.T) {
	for name, data := range map[string]string{
		"empty":          "  \n",
		"html":           "<!doctype html><html><body><p>Not a feed</p></body></html>",
		"plain text":     "Shelling hit the city on Monday.",
		"truncated rss":  `<rss><channel><title>x</title><item><title>y</ti`,
		"json not feed":  `{"items":[]}`,
		"broken json":    `{"version":"https://jsonfeed.org/version/1.1","items":[`,
		"unknown root":   `<?xml version="1.0"?><opml version="2.0"></opml>`,
		"only a comment": `<!-- nothing -->`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(data))
			if !errors.Is(err, ErrFormat) {
				t.Errorf("Parse(%q) error %v, want ErrFormat", data, err)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		mediaType, body string
		want            bool
	}{
		{"application/rss+xml", "", true},
		{"application/xml", rssSample, true},
		{"text/xml", atomSample, true},
		{"", rdfSample, true},
		{"application/json", jsonSample, true},
		{"application/json", `{"a":1}`, false},
		{"text/html", rssSample, false},
		{"application/xml", `<?xml version="1.0"?><sitemap/>`, false},
	}
	for _, tt := range tests {
		if got := Detect(tt.mediaType, []byte(tt.body)); got != tt.want {
			t.Errorf("Detect(%q, %.30q) = %v, want %v", tt.mediaType, tt.body, got, tt.want)
		}
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>One <b>bold</b> word.</p><p>Two&amp;three</p>", "One bold word.\n\nTwo&three"},
		{"Line<br>break<script>var x = '<p>';</script> after", "Line\n\nbreak after"},
		{"<div><style>p{}</style>Plain</div>", "Plain"},
		{"no markup", "no markup"},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBackoff(t *testing.T) {
	tests := []struct {
		failures int
		want     time.Duration
	}{{0, 2 * time.Minute}, {1, 4 * time.Minute}, {2, 8 * time.Minute}, {3, 10 * time.Minute}, {40, 10 * time.Minute}}
	for _, tt := range tests {
		if got := backoff(time.Minute, 10*time.Minute, tt.failures); got != tt.want {
			t.Errorf("backoff after %d failures = %v, want %v", tt.failures, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{rssSample, atomSample, rdfSample, jsonSample, "<rss><channel><item>", "{", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data)
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		for _, it := range feed.Items {
			_ = itemText(it.Content)
		}
	})
}
