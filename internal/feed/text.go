package feed

import (
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// timeLayouts are the date forms seen in feeds: RFC 822/1123 variants (RSS) and RFC 3339 (Atom, JSON Feed).
var timeLayouts = []string{
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700", "Mon, 2 Jan 2006 15:04 MST", "2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 MST",
	time.RFC822Z, time.RFC822, time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	"2006-01-02T15:04Z07:00", "2006-01-02",
}

// parseTime reads a feed date; zero when no layout fits.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// plainTitle strips markup from a title and collapses its spaces.
func plainTitle(s string) string {
	if strings.ContainsRune(s, '<') {
		s = htmlText(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// blockAtoms are the elements that start a new paragraph in htmlText.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Tr: true, atom.Section: true,
	atom.Article: true, atom.Figcaption: true, atom.Pre: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
}

// htmlText turns an HTML fragment (an item's content) into plain text, paragraphs separated by blank lines;
// scripts, styles and templates are dropped.
func htmlText(fragment string) string {
	z := html.NewTokenizer(strings.NewReader(fragment))
	var paras []string
	var cur strings.Builder
	skip := 0
	flush := func() {
		if p := strings.Join(strings.Fields(cur.String()), " "); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return strings.Join(paras, "\n\n")
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Script || a == atom.Style || a == atom.Template || a == atom.Noscript:
				skip = adjustSkip(skip, tt)
			case blockAtoms[a]:
				flush()
			}
		}
	}
}

// adjustSkip counts nesting of skipped elements.
func adjustSkip(skip int, t html.TokenType) int {
	switch t {
	case html.StartTagToken:
		return skip + 1
	case html.EndTagToken:
		return max(skip-1, 0)
	}
	return skip
}
