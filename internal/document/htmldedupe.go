package document

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// dropRepeatedBlocks removes from the extractor's content node the children that only repeat text already
// there: a paragraph identical to an earlier one, and a last child whose text holds all the earlier children's
// text run together. go-trafilatura's fallback comparison can leave such a copy in the node for short pages
// ("<p>A</p><p>B</p>" comes back as "<p>A</p><p>B</p><p>[title]AB</p>"), which doubled the document's text and
// every summary cut from it. White space is ignored in the comparison, since the copy drops the breaks between
// paragraphs.
func dropRepeatedBlocks(n *html.Node) {
	if n == nil {
		return
	}
	seen := map[string]bool{}
	var sofar strings.Builder
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		key := squeeze(nodeText(c))
		switch {
		case key == "":
		case seen[key]:
			n.RemoveChild(c)
		case next == nil && repeatsAll(key, sofar.String()):
			n.RemoveChild(c)
		default:
			seen[key] = true
			sofar.WriteString(key)
		}
		c = next
	}
}

// repeatsAll reports whether key, the last child's text, is the earlier children's text sofar run together with
// at most a title-sized lead before it. sofar must be more than a kicker ("Breaking"), so that a paragraph
// that merely ends like a short first child is kept.
func repeatsAll(key, sofar string) bool {
	const minText, maxLead = 40, 300
	return len(sofar) >= minText && strings.HasSuffix(key, sofar) && len(key)-len(sofar) <= maxLead
}

// squeeze is s without white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// gluedSentences finds a sentence end run into the next sentence ("on Friday.The army"), or a word run into a
// capitalised one ("KabulKabul, Afghanistan": a heading or dateline joined to the paragraph after it), the marks
// of text the extractor took from its fallback, which drops the breaks between paragraphs. A name in camel case
// ("YouTube") also matches; that costs a rendering of the page, and the page's own spacing is kept.
var gluedSentences = regexp.MustCompile(`[a-z0-9][.!?]["'”’)]?[A-Z]|[a-z]{2}[A-Z][a-z]`)

// restoreBreaks returns, when content has sentences run together and its non-space characters appear in the
// page root as one contiguous run of our own rendering of it, that run, whose paragraph breaks and spaces are
// the page's own; otherwise content. The page is rendered only when content has run-together sentences.
func restoreBreaks(content string, root *html.Node) string {
	if !gluedSentences.MatchString(content) {
		return content
	}
	return breaksFrom(content, nodeText(root))
}

// breaksFrom is restoreBreaks with the page already rendered as text.
func breaksFrom(content, page string) string {
	want := squeeze(content)
	var sq strings.Builder
	offs := make([]int, 0, len(page)) // offs[i]: the byte offset in page of byte i of sq
	for i, r := range page {
		if unicode.IsSpace(r) {
			continue
		}
		n := sq.Len()
		sq.WriteRune(r)
		for range sq.Len() - n {
			offs = append(offs, i)
		}
	}
	at := strings.Index(sq.String(), want)
	if want == "" || at < 0 {
		return content
	}
	end := at + len(want) - 1
	_, size := utf8.DecodeRuneInString(page[offs[end]:])
	return page[offs[at] : offs[end]+size]
}
