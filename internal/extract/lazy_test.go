package extract

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sitrep/internal/casualty"
	"sitrep/internal/event"
	"sitrep/internal/timex"
)

// TestLazyCountsDates checks the counts and dates load leaves for their first reading (countsOf, datesOf)
// against the eager reading load made before: none before a sentence is loaded, then casualty.Find and
// timex.Find of its text behind the gates, the dates resolved against timex.Anchor of the window and moved to
// document offsets, whichever of the two is read first. Sentences too long to read stay without either. Each
// document is read whole and in windows of 600 bytes (as a long document is read), whose anchor is the
// window's own.
func TestLazyCountsDates(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	e := testEngine(t, false)
	long := "Gunmen killed 12 people on Monday, " + strings.Repeat("and the fighting went on, ", maxSentence/20) + "officials said."
	windowed := 0
	for i, f := range append(files, "long") {
		doc := fixture0(t, f, long)
		for _, size := range []int{len(doc.Text), 600} {
			ws := windows(doc.Text, size)
			if len(ws) > 1 {
				windowed++
			}
			for _, w := range ws {
				checkLazy(t, e, doc, w[0], w[1], i)
			}
		}
	}
	if windowed == 0 {
		t.Fatal("no fixture was read in more than one window")
	}
}

// checkLazy is TestLazyCountsDates on the window lo to hi of doc; odd says which of counts and dates each
// sentence reads first.
func checkLazy(t *testing.T, e *Engine, doc event.Document, lo, hi, odd int) {
	t.Helper()
	f := fmt.Sprintf("%.40q [%d, %d)", doc.Text, lo, hi)
	r := &run{e: e, ctx: context.Background(), doc: doc, pub: doc.Published, lo: lo, hi: hi}
	if err := r.scan(); err != nil {
		t.Fatal(err)
	}
	anchor := timex.Anchor(doc.Text[lo:hi], doc.Published)
	for j, s := range r.sents {
		if s.countsOf() != nil || s.datesOf() != nil {
			t.Fatalf("%s: sentence %d has counts or dates before it is loaded", f, j)
		}
		r.load(s)
		var counts []casualty.Mention
		var dates []timex.Expr
		if len(s.Text) <= maxSentence {
			digit, c := gates(s.Text)
			if digit || c&wNumber != 0 || strings.Contains(s.Text, "no one") {
				counts = casualty.Find(s.Text, s.Start)
			}
			if digit || c&wDate != 0 {
				for _, x := range timex.Find(s.Text, anchor) {
					x.Start += s.Start
					x.End += s.Start
					dates = append(dates, x)
				}
			}
		}
		first, second := func() { s.countsOf() }, func() { s.datesOf() }
		if (odd+j)%2 == 1 {
			first, second = second, first
		}
		first()
		second()
		if got := s.countsOf(); !reflect.DeepEqual(got, counts) {
			t.Errorf("%s: sentence %d: countsOf = %+v, want %+v", f, j, got, counts)
		}
		if got := s.datesOf(); !reflect.DeepEqual(got, dates) {
			t.Errorf("%s: sentence %d: datesOf = %+v, want %+v", f, j, got, dates)
		}
	}
	r.release()
}

// fixture0 is fixture, or a document of the text long for the name "long".
func fixture0(t *testing.T, f, long string) (doc event.Document) {
	if f == "long" {
		doc.Text, doc.Language = long, "en"
		return doc
	}
	return fixture(t, f)
}
