package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"sitrep/internal/cputime"
	"sitrep/internal/event"
)

// hydrateDoc is the i-th document of BenchmarkHydrate: about size bytes of words, and eight events whose spans
// (evidence, date, place, actor, fatalities) are its bytes at their offsets, as the extractor's are.
func hydrateDoc(i, size int) (Document, []event.Event) {
	var b strings.Builder
	for w := 0; b.Len() < size; w++ {
		fmt.Fprintf(&b, "word%d-%d ", i, w)
		if w%12 == 11 {
			b.WriteString("Fighting was reported near the town. ")
		}
	}
	text := b.String()
	d := doc("https://hydrate.example/"+strconv.Itoa(i), text)
	span := func(k int) *event.Span {
		start := (k * 997) % (len(text) - 120)
		return &event.Span{Start: start, End: start + 40 + k%80, Text: text[start : start+40+k%80]}
	}
	var evs []event.Event
	for j := range 8 {
		e := ev("e"+strconv.Itoa(j+1), benchSubTypes[j], 1+j, "Town "+strconv.Itoa(i), float64(i%80), float64(j), "CD", j, "Group "+strconv.Itoa(j))
		k := i*64 + j*8
		e.Date.Span, e.Location.Span, e.Actors[0].Span, e.Fatalities.Span = span(k), span(k+1), span(k+2), span(k+3)
		for n := range 4 {
			e.Evidence = append(e.Evidence, *span(k + 4 + n))
		}
		evs = append(evs, e)
	}
	return d, evs
}

// BenchmarkHydrate puts back the events of 1,600 reports (200 documents of 5 or 20 KB, eight events each) from
// the events table, their bodies holding their spans as offsets (as sitrep writes them) or with their texts (as
// sitrep wrote them before offsets). Bytes are the documents' texts; cpu-ns/op is the process's CPU time (getrusage)
// per read, which other processes on the machine change less than the wall-clock ns/op.
func BenchmarkHydrate(b *testing.B) {
	const docs = 200
	for _, size := range []int{5 << 10, 20 << 10} {
		ctx := context.Background()
		s := openAt(b, backends[0].fresh(b))
		type ref struct{ doc, id string }
		var refs []ref
		var textBytes int64
		for i := range docs {
			d, evs := hydrateDoc(i, size)
			ing, err := s.PutResult(ctx, d, evs)
			if err != nil {
				b.Fatal(err)
			}
			textBytes += int64(len(d.Text))
			for _, e := range evs {
				refs = append(refs, ref{ing.Put.ID, e.ID})
			}
		}
		run := func(b *testing.B) {
			b.SetBytes(textBytes)
			incs := make([]*event.Incident, len(refs))
			cpu := cputime.Self()
			for b.Loop() {
				for i, r := range refs {
					incs[i] = &event.Incident{Reports: []event.Report{{DocumentID: r.doc, Event: event.Event{ID: r.id}}}}
				}
				if _, err := s.hydrate(s.dbQuery(ctx), false, incs...); err != nil {
					b.Fatal(err)
				}
				if incs[len(incs)-1].Reports[0].Event.Evidence == nil {
					b.Fatal("event not put back")
				}
			}
			b.ReportMetric(float64(cputime.Self()-cpu)/float64(b.N), "cpu-ns/op")
		}
		b.Run(fmt.Sprintf("%dKB/offsets", size>>10), run)
		for _, r := range refs { // bodies with every text
			k := eventKey(r.doc, r.id)
			var body string
			if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT body FROM events WHERE id = ?`), k).Scan(&body); err != nil {
				b.Fatal(err)
			}
			if !strings.HasPrefix(body, offsetsKey) {
				b.Fatalf("event %s: body without offsets", k)
			}
			inc := event.Incident{Reports: []event.Report{{DocumentID: r.doc, Event: event.Event{ID: r.id}}}}
			if _, err := s.hydrate(s.dbQuery(ctx), false, &inc); err != nil {
				b.Fatal(err)
			}
			w, _ := marshalEvent(&inc.Reports[0].Event)
			if _, err := s.db.ExecContext(ctx, s.d.rebind(`UPDATE events SET body = ? WHERE id = ?`), w, k); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("%dKB/full", size>>10), run)
	}
}
