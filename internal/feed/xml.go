package feed

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// rssItem is an RSS 2.0 or 1.0 item.
type rssItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	GUID        string `xml:"guid"`
	Description string `xml:"description"`
	Encoded     string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	PubDate     string `xml:"pubDate"`
	Date        string `xml:"http://purl.org/dc/elements/1.1/ date"`
	About       string `xml:"about,attr"`
}

func (it rssItem) item() Item {
	return Item{
		ID:        strings.TrimSpace(firstOf(it.GUID, it.About)),
		URL:       strings.TrimSpace(it.Link),
		Title:     plainTitle(it.Title),
		Content:   firstOf(it.Encoded, it.Description),
		Published: parseTime(firstOf(it.PubDate, it.Date)),
	}
}

// decodeRSS decodes an RSS 2.0 document whose root is start.
func decodeRSS(d *xml.Decoder, start xml.StartElement) (Feed, error) {
	var doc struct {
		Channel struct {
			Title string    `xml:"title"`
			Items []rssItem `xml:"item"`
		} `xml:"channel"`
	}
	if err := d.DecodeElement(&doc, &start); err != nil {
		return Feed{}, fmt.Errorf("%w: rss: %v", ErrFormat, err)
	}
	f := Feed{Title: plainTitle(doc.Channel.Title)}
	for _, it := range doc.Channel.Items {
		f.Items = append(f.Items, it.item())
	}
	return f, nil
}

// decodeRDF decodes an RSS 1.0 document, whose items are siblings of its channel.
func decodeRDF(d *xml.Decoder, start xml.StartElement) (Feed, error) {
	var doc struct {
		Channel struct {
			Title string `xml:"title"`
		} `xml:"channel"`
		Items []rssItem `xml:"item"`
	}
	if err := d.DecodeElement(&doc, &start); err != nil {
		return Feed{}, fmt.Errorf("%w: rdf: %v", ErrFormat, err)
	}
	f := Feed{Title: plainTitle(doc.Channel.Title)}
	for _, it := range doc.Items {
		f.Items = append(f.Items, it.item())
	}
	return f, nil
}

// atomText is an Atom text construct: text, html (escaped) or xhtml (inline markup).
type atomText struct {
	Type  string `xml:"type,attr"`
	Text  string `xml:",chardata"`
	Inner string `xml:",innerxml"`
}

func (t atomText) value() string {
	if strings.EqualFold(t.Type, "xhtml") {
		return t.Inner
	}
	return t.Text
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     atomText   `xml:"title"`
	Links     []atomLink `xml:"link"`
	Content   atomText   `xml:"content"`
	Summary   atomText   `xml:"summary"`
	Published string     `xml:"published"`
	Updated   string     `xml:"updated"`
}

// link is the entry's alternate link: rel="alternate" (or no rel), else the first link.
func (e atomEntry) link() string {
	for _, l := range e.Links {
		if l.Rel == "" || l.Rel == "alternate" {
			return strings.TrimSpace(l.Href)
		}
	}
	if len(e.Links) > 0 {
		return strings.TrimSpace(e.Links[0].Href)
	}
	return ""
}

// decodeAtom decodes an Atom 1.0 feed whose root is start.
func decodeAtom(d *xml.Decoder, start xml.StartElement) (Feed, error) {
	var doc struct {
		Title   atomText    `xml:"title"`
		Entries []atomEntry `xml:"entry"`
	}
	if err := d.DecodeElement(&doc, &start); err != nil {
		return Feed{}, fmt.Errorf("%w: atom: %v", ErrFormat, err)
	}
	f := Feed{Title: plainTitle(doc.Title.value())}
	for _, e := range doc.Entries {
		f.Items = append(f.Items, Item{
			ID:        strings.TrimSpace(e.ID),
			URL:       e.link(),
			Title:     plainTitle(e.Title.value()),
			Content:   firstOf(e.Content.value(), e.Summary.value()),
			Published: parseTime(firstOf(e.Published, e.Updated)),
		})
	}
	return f, nil
}

// firstOf returns the first of vs that is not blank.
func firstOf(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
