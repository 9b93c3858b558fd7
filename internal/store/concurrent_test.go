package store

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"sitrep/internal/event"
)

// TestConcurrentPutResult stores reports of one incident from goroutines split between two stores opened on
// the same database (two workers' connection pools), with readers alongside. Writers serialize, so every report
// lands in one single incident and no merge overwrites another.
func TestConcurrentPutResult(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.fresh(t)
			testConcurrentPutResult(t, [2]*sqlStore{openAt(t, dsn), openAt(t, dsn)})
		})
	}
}

func testConcurrentPutResult(t *testing.T, stores [2]*sqlStore) {
	ctx := context.Background()
	const n = 16
	warmUp(t, stores, n)
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	start := make(chan struct{})
	for i := 0; i < n; i++ {
		s := stores[i%2]
		wg.Add(2)
		go func() {
			defer wg.Done()
			<-start
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
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	c, err := stores[0].Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Documents != n || c.Events != n || c.Incidents != 1 {
		t.Errorf("counts %+v, want %d documents and events in 1 incident", c, n)
	}
	checkIntegrity(t, stores[0])
}

// warmUp opens n connections in each store's pool, so the writers that follow start together instead of one
// connection set-up apart.
func warmUp(t *testing.T, stores [2]*sqlStore, n int) {
	var wg sync.WaitGroup
	for _, s := range stores {
		for range n / 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := s.db.Exec(`SELECT count(*) FROM incidents`); err != nil {
					t.Error(err)
				}
			}()
		}
	}
	wg.Wait()
}

// TestConcurrentSameDocument delivers one document to both stores at once, as a redelivered queue message
// would: it is stored once, the other delivery sees a duplicate, and no error surfaces.
func TestConcurrentSameDocument(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.fresh(t)
			stores := [2]*sqlStore{openAt(t, dsn), openAt(t, dsn)}
			ctx := context.Background()
			for round := 0; round < 5; round++ {
				d := doc(fmt.Sprintf("https://wire.example/r%d", round), fmt.Sprintf("Round %d report.", round))
				evs := []event.Event{ev("e1", "Attack", 6, "Bunia", 1.56, 30.25, "CD", round, "CODECO")}
				var wg sync.WaitGroup
				var outs [2]Ingest
				var errs [2]error
				for i, s := range stores {
					wg.Add(1)
					go func() {
						defer wg.Done()
						outs[i], errs[i] = s.PutResult(ctx, d, evs)
					}()
				}
				wg.Wait()
				if errs[0] != nil || errs[1] != nil {
					t.Fatalf("round %d: %v / %v", round, errs[0], errs[1])
				}
				if outs[0].Duplicate == outs[1].Duplicate || outs[0].ID != outs[1].ID {
					t.Errorf("round %d: %+v / %+v, want one store and one duplicate of the same id", round, outs[0].Put, outs[1].Put)
				}
			}
			c, err := stores[0].Counts(ctx)
			if err != nil || c.Documents != 5 || c.Events != 5 {
				t.Errorf("counts %+v %v, want 5 documents and events", c, err)
			}
		})
	}
}
