package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"sitrep/internal/pgtest"
)

// TestPostgresServerCrash stops the (shared) PostgreSQL server at once (immediate shutdown: no checkpoint, recovery
// from the WAL on restart) while a store ingests, then checks that every committed document is whole and that
// the ingest completes after the restart without doubling anything.
func TestPostgresServerCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("crashes the PostgreSQL server")
	}
	srv := pgtest.Shared(t)
	name := fmt.Sprintf("crash%d", time.Now().UnixNano())
	dsn, err := srv.CreateDB(name)
	if err != nil {
		t.Fatal(err)
	}
	s := openAt(t, dsn)
	stored := make(chan int, crashDocs)
	done := make(chan error, 1)
	go func() { done <- ingestCrashDocs(context.Background(), s, 0, func(i int) { stored <- i + 1 }) }()
	n := 0
	for n < crashDocs/4 {
		select {
		case n = <-stored:
		case err := <-done:
			t.Fatalf("ingest ended before the crash: %v", err)
		}
	}
	if err := srv.Crash(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err == nil {
		t.Fatal("ingest went on through the server crash")
	}
	for len(stored) > 0 {
		n = <-stored
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openAt(t, srv.DSN(name))
	checkAfterCrash(t, s, n)
}
