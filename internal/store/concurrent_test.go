package store

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"sitrep/internal/event"
)

// TestConcurrentPutResult stores reports of one incident from several goroutines: writes serialize, so every
// report lands in the same single incident, and readers run alongside.
func TestConcurrentPutResult(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	const n = 8
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for i := 0; i < n; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			d := doc(fmt.Sprintf("https://wire.example/%d", i), fmt.Sprintf("Report %d of the Goma clash.", i))
			_, err := s.PutResult(ctx, d, []event.Event{ev("e1", "Armed clash", 4, "Goma", -1.68, 29.22, "CD", i, "M23")})
			errs <- err
		}()
		go func() {
			defer wg.Done()
			_, err := s.ListIncidents(ctx, Filter{Country: "CD"})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Documents != n || c.Events != n || c.Incidents != 1 {
		t.Errorf("counts %+v, want %d documents and events in 1 incident", c, n)
	}
}
