package document

import (
	"encoding/json"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// headMeta is a page's metadata. The plain path reads it from <head>: JSON-LD (headline, datePublished,
// publisher), Open Graph and article tags, <title> and the canonical link, in that order of preference.
type headMeta struct {
	title, site, url string
	published        time.Time
}

// dateMetaNames are <meta> names and properties that hold a publication time.
var dateMetaNames = []string{"article:published_time", "og:article:published_time", "datepublished",
	"date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date"}

// readHeadMeta collects the metadata of the page's <head>.
func readHeadMeta(root *html.Node) headMeta {
	var m headMeta
	var ld jsonLD
	metas := map[string]string{}
	head := findFirst(root, atom.Head)
	if head == nil {
		return m
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if m.title == "" && n.FirstChild != nil {
					m.title = strings.TrimSpace(n.FirstChild.Data)
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), firstNonEmpty(attr(n, "name"), attr(n, "itemprop"))))
				if _, seen := metas[key]; key != "" && !seen {
					metas[key] = strings.TrimSpace(attr(n, "content"))
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.url == "" {
					m.url = absoluteURL(attr(n, "href"))
				}
			case atom.Script:
				if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil && ld.Headline == "" {
					ld = readJSONLD(n.FirstChild.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(head)
	m.title = firstNonEmpty(strings.TrimSpace(ld.Headline), firstNonEmpty(metas["og:title"], m.title))
	m.site = firstNonEmpty(strings.TrimSpace(ld.Publisher.Name), metas["og:site_name"])
	m.url = firstNonEmpty(m.url, absoluteURL(metas["og:url"]))
	m.published = parseTime(ld.DatePublished)
	for _, k := range dateMetaNames {
		if t := parseTime(metas[k]); m.published.IsZero() && !t.IsZero() {
			m.published = t
		}
	}
	return m
}

// attr returns an attribute of n, "" when absent.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// jsonLD is the part of a schema.org JSON-LD object the plain path uses.
type jsonLD struct {
	Headline      string `json:"headline"`
	DatePublished string `json:"datePublished"`
	Publisher     struct {
		Name string `json:"name"`
	} `json:"publisher"`
}

// readJSONLD reads a JSON-LD object, or the first object with a headline or date of an array.
func readJSONLD(data string) jsonLD {
	var one jsonLD
	if json.Unmarshal([]byte(data), &one) == nil {
		return one
	}
	var many []jsonLD
	if json.Unmarshal([]byte(data), &many) == nil {
		for _, o := range many {
			if o.Headline != "" || o.DatePublished != "" {
				return o
			}
		}
	}
	return jsonLD{}
}

// parseTime reads an ISO 8601 date or time; the zero time when it cannot.
func parseTime(s string) time.Time {
	if d, ok := parsePublished(s); ok && d != nil {
		return d.Time
	}
	return time.Time{}
}
