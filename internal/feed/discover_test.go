package feed

import (
	"strings"
	"testing"
)

func TestDiscover(t *testing.T) {
	page := `<!doctype html><html><head><title>News</title>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/rss+xml" title="All" href="/rss.xml">
<LINK REL="Alternate" TYPE="application/atom+xml" HREF="https://other.example/atom">
<link rel="alternate" type="application/rss+xml" href="/rss.xml">
<link rel="alternate" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head><body><link rel="alternate" type="application/rss+xml" href="/body-feed.xml"></body></html>`
	got := strings.Join(Discover([]byte(page), "https://news.example/world/"), " ")
	if want := "https://news.example/rss.xml https://other.example/atom"; got != want {
		t.Errorf("Discover = %q, want %q", got, want)
	}
	if got := Discover([]byte("<p>no head</p>"), "https://x.example/"); len(got) != 0 {
		t.Errorf("Discover on a page without feeds = %q", got)
	}
}

func FuzzDiscover(f *testing.F) {
	f.Add([]byte(`<head><link rel="alternate" type="application/rss+xml" href="/rss"></head>`), "https://a.example/")
	f.Add([]byte(`<link rel=alternate type=application/atom+xml href=//b.example/x>`), "http://a.example/p?q")
	f.Fuzz(func(t *testing.T, page []byte, base string) {
		for _, u := range Discover(page, base) {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Fatalf("Discover returned %q", u)
			}
		}
	})
}
