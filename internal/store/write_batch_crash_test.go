package store

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// crashBatchEnv names the database TestCrashChildBatched ingests into.
const crashBatchEnv = "SITREP_STORE_CRASH_BATCH_DB"

// TestCrashChildBatched is the child half of TestCrashSafetyBatched: it stores the crash documents through
// PutResults, 8 a batch, printing each stored index once its batch returned.
func TestCrashChildBatched(t *testing.T) {
	dsn := os.Getenv(crashBatchEnv)
	if dsn == "" {
		t.Skip("child process of TestCrashSafetyBatched")
	}
	s, err := Open(context.Background(), dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := s.(Batcher)
	for from := 0; from < crashDocs; from += 8 {
		var rs []Result
		for i := from; i < min(from+8, crashDocs); i++ {
			d, evs := crashDoc(i)
			rs = append(rs, Result{Document: d, Events: evs})
		}
		if _, errs := b.PutResults(context.Background(), rs); errs != nil {
			t.Fatal(errs)
		}
		for i := range rs {
			fmt.Println("stored", from+i)
		}
	}
}

// TestCrashSafetyBatched is TestCrashSafety for batches: a child killed in the middle of batched writes leaves
// every document it was told was stored, each whole, and nothing half-written.
func TestCrashSafetyBatched(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.fresh(t)
			stored := killChildIngest(t, "TestCrashChildBatched", crashBatchEnv, dsn)
			checkAfterCrash(t, openAt(t, dsn), stored)
		})
	}
}
