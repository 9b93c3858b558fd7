package document

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxExtractorText is the most visible text (bytes) a page may hold for the main-content extractor, whose cost
// grows with the square of the text. Larger pages (long reports, live blogs, dumps) take the plain path: the
// text of <article>, <main> or <body> without navigation, headers, footers, asides and forms, and the metadata
// of <head>.
const maxExtractorText = 128 << 10

// boilerplateAtoms are the elements the plain path drops.
var boilerplateAtoms = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Button: true,
	atom.Iframe: true, atom.Svg: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Select: true, atom.Menu: true,
}

// visibleTextLen counts the bytes of text outside script, style and similar elements, stopping past limit.
func visibleTextLen(n *html.Node, limit int) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if total > limit || n.Type == html.ElementNode && skipAtoms[n.DataAtom] {
			return
		}
		if n.Type == html.TextNode {
			total += len(strings.TrimSpace(n.Data))
		}
		for c := n.FirstChild; c != nil && total <= limit; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return total
}

// plainContent returns the text of the page's <article>, else <main>, else <body>, without boilerplate elements.
func plainContent(root *html.Node) string {
	container := findFirst(root, atom.Article)
	if container == nil {
		container = findFirst(root, atom.Main)
	}
	if container == nil {
		container = findFirst(root, atom.Body)
	}
	if container == nil {
		container = root
	}
	pruneBoilerplate(container)
	return nodeText(container)
}

// pruneBoilerplate removes boilerplate elements below n, in place.
func pruneBoilerplate(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && boilerplateAtoms[c.DataAtom] {
			n.RemoveChild(c)
		} else {
			pruneBoilerplate(c)
		}
		c = next
	}
}

// findFirst returns the first element of type a in document order, or nil.
func findFirst(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, a); f != nil {
			return f
		}
	}
	return nil
}
