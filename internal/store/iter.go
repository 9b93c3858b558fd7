package store

import (
	"context"
	"iter"

	"sitrep/internal/event"
)

// iterPage is the page size All reads with.
const iterPage = 500

// All streams every incident matching f from st, a page at a time (f.Limit and f.Cursor are ignored), for
// exports. The stream ends at the first error, which it yields.
func All(ctx context.Context, st Store, f Filter) iter.Seq2[event.Incident, error] {
	return func(yield func(event.Incident, error) bool) {
		f.Limit, f.Cursor = iterPage, ""
		for {
			p, err := st.ListIncidents(ctx, f)
			if err != nil {
				yield(event.Incident{}, err)
				return
			}
			for _, inc := range p.Incidents {
				if !yield(inc, nil) {
					return
				}
			}
			if p.Next == "" {
				return
			}
			f.Cursor = p.Next
		}
	}
}
