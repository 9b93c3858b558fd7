package pipeline

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"

	"sitrep/internal/document"
	"sitrep/internal/store"
)

// Stats are running totals since the pipeline was made.
type Stats struct {
	Documents      int64            `json:"documents"`       // documents given to Process
	Stored         int64            `json:"stored"`          // documents stored (originals and copies)
	Duplicates     int64            `json:"duplicates"`      // exact duplicates of stored documents
	NearDuplicates int64            `json:"near_duplicates"` // stored copies linked to an original
	Events         int64            `json:"events"`          // events stored
	Created        int64            `json:"created"`         // incidents created
	Merged         int64            `json:"merged"`          // events merged into existing incidents
	Errors         int64            `json:"errors"`          // failed documents and inputs (RecordError)
	Reasons        map[string]int64 `json:"reasons"`         // errors by Reason
}

// counters accumulates Stats under a lock.
type counters struct {
	mu      sync.Mutex
	s       Stats
	reasons map[string]int64
}

// add counts the outcome of one document.
func (c *counters) add(out Outcome, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.s.Documents++
	switch {
	case err != nil:
		c.s.Errors++
		c.reasons[Reason(err)]++
	case out.Duplicate:
		c.s.Duplicates++
	default:
		c.s.Stored++
		if out.DuplicateOf != "" {
			c.s.NearDuplicates++
		}
		c.s.Events += int64(out.Events)
		c.s.Created += int64(out.Created)
		c.s.Merged += int64(out.Merged)
	}
}

// Stats returns a copy of the running totals.
func (p *Pipeline) Stats() Stats {
	p.stats.mu.Lock()
	defer p.stats.mu.Unlock()
	s := p.stats.s
	s.Reasons = maps.Clone(p.stats.reasons)
	return s
}

// RecordError counts a failure that happened before a document reached Process (a fetch, a feed that cannot be
// parsed), so that Stats covers every input, and returns its Reason.
func (p *Pipeline) RecordError(err error) string {
	r := Reason(err)
	p.stats.mu.Lock()
	p.stats.s.Errors++
	p.stats.reasons[r]++
	p.stats.mu.Unlock()
	return r
}

// ReasonsByCount returns the reasons of s, most frequent first (ties by name), for summaries.
func (s Stats) ReasonsByCount() []string {
	keys := slices.Collect(maps.Keys(s.Reasons))
	slices.SortFunc(keys, func(a, b string) int {
		if s.Reasons[a] != s.Reasons[b] {
			return int(s.Reasons[b] - s.Reasons[a])
		}
		if a < b {
			return -1
		}
		return 1
	})
	return keys
}

// Warm loads the fingerprints of the n most recently stored documents into the near-duplicate window, so that a
// restarted service still links copies of stories it stored before.
func (p *Pipeline) Warm(ctx context.Context, n int) error {
	var docs []store.Document
	cursor := ""
	for len(docs) < n {
		page, next, err := p.st.ListDocuments(ctx, store.DocumentFilter{Limit: min(n-len(docs), store.MaxLimit), Cursor: cursor})
		if err != nil {
			return fmt.Errorf("warm: %w", err)
		}
		docs = append(docs, page...)
		if next == "" {
			break
		}
		cursor = next
	}
	for _, d := range slices.Backward(docs) {
		p.recent.add(document.Fingerprint(d.Text), d.ID, d.DuplicateOf)
	}
	return nil
}
