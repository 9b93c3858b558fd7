package queue

import (
	"context"
	"errors"
	"testing"

	"sitrep/internal/document"
	"sitrep/internal/event"
)

func TestForwarderPublishesAndCounts(t *testing.T) {
	n := startNATS(t)
	c := dial(t, n)
	f := c.Forwarder()
	ctx := context.Background()
	for _, tc := range []struct {
		doc     event.Document
		dup     bool
		wantErr error
	}{
		{testDoc(1), false, nil},
		{testDoc(1), true, nil},
		{testDoc(2), false, nil},
		{event.Document{ID: "blank", Text: "  \n"}, false, document.ErrEmpty},
	} {
		out, err := f.Process(ctx, tc.doc)
		if !errors.Is(err, tc.wantErr) || (err == nil && (out.DocumentID != tc.doc.ID || out.Duplicate != tc.dup)) {
			t.Errorf("Process(%s) = %+v, %v; want duplicate %v, error %v", tc.doc.ID, out, err, tc.dup, tc.wantErr)
		}
	}
	f.RecordError(errors.New("fetch failed"))
	s := f.Stats()
	if s.Documents != 4 || s.Duplicates != 1 || s.Errors != 2 || len(s.Reasons) == 0 {
		t.Errorf("stats %+v: want 4 documents, 1 duplicate, 2 errors with reasons", s)
	}
	if b, err := c.Backlog(ctx); err != nil || b.Pending != 2 {
		t.Errorf("backlog %+v, %v: want the 2 distinct documents pending", b, err)
	}
}
