package feed

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes are the media types of <link rel="alternate"> elements that announce a feed.
var feedTypes = map[string]bool{"application/rss+xml": true, "application/atom+xml": true,
	"application/feed+json": true, "application/json": true, "application/rdf+xml": true}

// Discover returns the feeds an HTML page announces with <link rel="alternate" type="application/rss+xml"
// href="..."> (Atom and JSON Feed too), as absolute http(s) URLs resolved against base, in page order. It reads
// only the page's head.
func Discover(page []byte, base string) []string {
	b, err := url.Parse(base)
	if err != nil {
		return nil
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []string
	seen := map[string]bool{}
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			if t.DataAtom == atom.Body {
				return out
			}
			if t.DataAtom != atom.Link {
				continue
			}
			if u := feedLink(t, b); u != "" && !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
}

// feedLink is the absolute URL of a <link> that announces a feed, or "".
func feedLink(t html.Token, base *url.URL) string {
	var rel, typ, href string
	for _, a := range t.Attr {
		switch strings.ToLower(a.Key) {
		case "rel":
			rel = strings.ToLower(a.Val)
		case "type":
			typ = strings.ToLower(strings.TrimSpace(a.Val))
		case "href":
			href = strings.TrimSpace(a.Val)
		}
	}
	if !strings.Contains(" "+rel+" ", " alternate ") || !feedTypes[typ] || href == "" {
		return ""
	}
	u, err := base.Parse(href)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}
