package cli

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/pipeline"
)

// progressBuffer is a strings.Builder safe for the progress goroutine and the test.
type progressBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *progressBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *progressBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestIngestProgress(t *testing.T) {
	var out progressBuffer
	stats := func() pipeline.Stats { return pipeline.Stats{Documents: 7, Duplicates: 2, Events: 11, Errors: 1} }
	p := newIngestProgress(&out, time.Millisecond, stats)
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "ingest: 7 documents") && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	p.report("http://x.example/a", fmt.Errorf("fetch: %w", &fetch.StatusError{Code: 404, URL: "http://x.example/a"}))
	p.report("file.txt", errors.New("boom"))
	p.alreadyStored(3)
	p.skip("not an article file (.png)")
	s := p.finish()
	got := out.String()
	for _, want := range []string{"ingest: 7 documents", "2 duplicates", "11 events", "1 errors",
		"sitrep: ingest: fetch: http://x.example/a: http status 404 [http 404]\n", "sitrep: ingest: file.txt: boom [other]\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("progress output lacks %q:\n%s", want, got)
		}
	}
	if s.AlreadyStored != 3 || s.Skipped["not an article file (.png)"] != 1 || s.Documents != 7 {
		t.Errorf("summary %+v", s)
	}
	text := s.text()
	for _, want := range []string{"read 7 documents", "duplicates                  5", "skipped files               1"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary text lacks %q:\n%s", want, text)
		}
	}
	if q := newIngestProgress(&out, progressInterval(&out, true), stats); q.finish().Documents != 7 {
		t.Error("a quiet progress gives no summary")
	}
}

func TestIngestSummaryDocumentNoun(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "read 0 documents in"},
		{1, "read 1 document in"},
		{2, "read 2 documents in"},
	}
	for _, tc := range tests {
		s := ingestSummary{}
		s.Documents = tc.n
		if got := s.text(); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%d documents: %q, want prefix %q", tc.n, got, tc.want)
		}
	}
}
