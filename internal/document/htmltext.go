package document

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockAtoms are the elements that start a new paragraph in the plain text.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Tr: true, atom.Table: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figure: true, atom.Figcaption: true,
	atom.Main: true, atom.Aside: true, atom.Hr: true, atom.Address: true, atom.Caption: true,
}

// skipAtoms hold no readable text.
var skipAtoms = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true}

// nodeText renders an HTML tree as plain text: paragraphs (block elements) separated by a blank line, <br> as a
// line break, runs of white space inside a paragraph collapsed to one space, table cells separated by " | ".
func nodeText(n *html.Node) string {
	var w textWriter
	w.walk(n)
	return strings.TrimSpace(w.b.String())
}

type textWriter struct {
	b       strings.Builder
	pending string // separator owed before the next text: "", " ", "\n" or "\n\n"
}

func (w *textWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if skipAtoms[n.DataAtom] {
			return
		}
		if n.DataAtom == atom.Br {
			w.owe("\n")
			return
		}
		if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
			if w.pending == "" || w.pending == " " {
				w.owe(" | ")
			}
		}
	}
	block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
	if block {
		w.owe("\n\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.owe("\n\n")
	}
}

// owe records a separator, keeping the strongest one owed.
func (w *textWriter) owe(sep string) {
	if strings.Count(sep, "\n") >= strings.Count(w.pending, "\n") {
		w.pending = sep
	}
}

// text writes s with its white space collapsed.
func (w *textWriter) text(s string) {
	if s == "" {
		return
	}
	if unicode.IsSpace(rune(s[0])) {
		w.owe(" ")
	}
	fields := strings.Fields(s)
	for i, f := range fields {
		if i > 0 {
			w.owe(" ")
		}
		if w.b.Len() > 0 {
			w.b.WriteString(w.pending)
		}
		w.pending = ""
		w.b.WriteString(f)
	}
	if len(fields) > 0 && unicode.IsSpace(rune(s[len(s)-1])) {
		w.owe(" ")
	}
}
