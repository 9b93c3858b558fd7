package document

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestFromHTMLShortPageNotDoubled: a short article's text comes out once, paragraph by paragraph (the extractor's
// fallback used to leave a second, run-together copy in its content node).
func TestFromHTMLShortPageNotDoubled(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"one paragraph", `<article><p>A roadside bomb killed three soldiers near Gao on Friday.</p></article>`,
			"A roadside bomb killed three soldiers near Gao on Friday."},
		{"two paragraphs", `<article><p>A roadside bomb killed three soldiers near Gao on Friday.</p>` +
			`<p>The army said the convoy was on its way to Ansongo at the time.</p></article>`,
			"A roadside bomb killed three soldiers near Gao on Friday.\n\nThe army said the convoy was on its way to Ansongo at the time."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><title>Bomb near Gao</title></head><body>" + tt.body + "</body></html>"
			doc, err := FromHTML(context.Background(), []byte(page), "")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("text %q, want %q", doc.Text, tt.want)
			}
		})
	}
}

func TestDropRepeatedBlocks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>A b.</p><p>A b.</p>", "A b."},
		{"<p>A bomb killed three soldiers near Gao.</p><p>The army blamed JNIM.</p><p>A bomb killed three soldiers near Gao.The army blamed JNIM.</p>", "A bomb killed three soldiers near Gao.\n\nThe army blamed JNIM."},
		{"<p>A bomb killed three soldiers near Gao.</p><p>The army blamed JNIM.</p><p>A bomb killed three soldiers near Gao. The army blamed JNIM.</p>", "A bomb killed three soldiers near Gao.\n\nThe army blamed JNIM."},
		{"<p>One.</p><p>Two.</p><p>Three.</p>", "One.\n\nTwo.\n\nThree."},
		{"<p>A bomb killed three soldiers near Gao.</p><p>The army blamed JNIM.</p><p>Title A bomb killed three soldiers near Gao.The army blamed JNIM.</p>",
			"A bomb killed three soldiers near Gao.\n\nThe army blamed JNIM."},
		{"<p>Breaking</p><div>Breaking news: gunmen killed five people near Gao on Friday.</div>",
			"Breaking\n\nBreaking news: gunmen killed five people near Gao on Friday."}, // a kicker is not the article
		{"<p>One.</p><p>One. Two.</p><p>Three.</p>", "One.\n\nOne. Two.\n\nThree."}, // only the last child can be the copy
		{"<p>One.</p><p>Two.</p><p>Two. One.</p>", "One.\n\nTwo.\n\nTwo. One."},
		{"<p></p><p>x</p>", "x"},
	}
	for _, tt := range tests {
		root, err := html.Parse(strings.NewReader("<html><body>" + tt.in + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		body := root.FirstChild.LastChild
		dropRepeatedBlocks(body)
		if got := nodeText(body); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRestoreBreaks(t *testing.T) {
	root, err := html.Parse(strings.NewReader("<html><body><p>Menu</p><p>A roadside bomb killed three soldiers near " +
		"Gao on Friday.</p><p>The army said “it was a mine.” Officials in Gao agreed.</p><p>Footer</p>" +
		"<h2>Kabul</h2><p>Kabul, Afghanistan - Gunmen on a YouTube stream fired on a checkpoint.</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ content, want string }{
		{"A roadside bomb killed three soldiers near Gao on Friday.The army said “it was a mine.”Officials in Gao agreed.",
			"A roadside bomb killed three soldiers near Gao on Friday.\n\nThe army said “it was a mine.” Officials in Gao agreed."},
		// a heading run into its paragraph without punctuation
		{"KabulKabul, Afghanistan - Gunmen on a YouTube stream fired on a checkpoint.",
			"Kabul\n\nKabul, Afghanistan - Gunmen on a YouTube stream fired on a checkpoint."},
		{"Gunmen on a YouTube stream fired on a checkpoint.", "Gunmen on a YouTube stream fired on a checkpoint."}, // camel case: the page's own text
		{"A YouTube stream showed smoke.", "A YouTube stream showed smoke."},                                       // camel case, not in the page: kept
		{"Nothing glued here. At all.", "Nothing glued here. At all."},                                             // no run-together sentences: kept
		{"Friday.The army said it was cleaned up.", "Friday.The army said it was cleaned up."},                     // not in the page: kept
		{"", ""},
	}
	for _, tt := range tests {
		if got := restoreBreaks(tt.content, root); got != tt.want {
			t.Errorf("restoreBreaks(%q) = %q, want %q", tt.content, got, tt.want)
		}
	}
}
