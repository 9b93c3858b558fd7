package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"testing"

	"sitrep/internal/event"
)

// crashEnv names the database (SQLite path or PostgreSQL DSN) the child process ingests into.
const crashEnv = "SITREP_STORE_CRASH_DB"

// crashDocs is how many documents the crash test ingests.
const crashDocs = 400

// crashDoc is the i-th document of the crash test and its two events.
func crashDoc(i int) (Document, []event.Event) {
	d := doc(fmt.Sprintf("https://crash.example/%d", i), fmt.Sprintf("Crash test story number %d.", i))
	lat := float64(i%50) * 0.5
	return d, []event.Event{
		ev("e1", "Armed clash", 1+i%28, "Place", lat, 10, "CD", i%7, "Group A"),
		ev("e2", "Attack", 1+i%28, "Other", lat, 20, "CD", 1, "Group B"),
	}
}

// ingestCrashDocs stores documents from..crashDocs, printing each stored index.
func ingestCrashDocs(ctx context.Context, s Store, from int, progress func(int)) error {
	for i := from; i < crashDocs; i++ {
		d, evs := crashDoc(i)
		if _, err := s.PutResult(ctx, d, evs); err != nil {
			return err
		}
		progress(i)
	}
	return nil
}

// TestCrashChild is the child half of TestCrashSafety; it does nothing unless crashEnv is set.
func TestCrashChild(t *testing.T) {
	dsn := os.Getenv(crashEnv)
	if dsn == "" {
		t.Skip("child process of TestCrashSafety")
	}
	s, err := Open(context.Background(), dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = ingestCrashDocs(context.Background(), s, 0, func(i int) { fmt.Println("stored", i) })
	if err != nil {
		t.Fatal(err)
	}
}

// TestCrashSafety kills a child process in the middle of an ingest (SIGKILL: no cleanup, transactions cut
// short) and checks that every stored document is whole, then that restarting the ingest completes it without
// doubling anything.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.fresh(t)
			stored := killChildIngest(t, "TestCrashChild", crashEnv, dsn)
			s := openAt(t, dsn)
			checkAfterCrash(t, s, stored)
		})
	}
}

// killChildIngest starts the child test named child (which ingests into the DSN in its environment variable
// env) and kills it a quarter of the way through, returning how many documents it reported stored.
func killChildIngest(t *testing.T, child, env, dsn string) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+child+"$", "-test.v")
	cmd.Env = append(os.Environ(), env+"="+dsn)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	stored := 0
	for sc.Scan() && stored < crashDocs/4 {
		var i int
		if _, err := fmt.Sscanf(sc.Text(), "stored %d", &i); err == nil {
			stored = i + 1
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if stored == 0 {
		t.Fatal("child stored nothing before the kill")
	}
	return stored
}

// checkAfterCrash checks the store after a crash that happened once stored documents were reported stored,
// restarts the ingest from the beginning (stored documents come back as duplicates) and checks again.
func checkAfterCrash(t *testing.T, s *sqlStore, stored int) {
	t.Helper()
	checkIntegrity(t, s)
	checkCrashStore(t, s, stored, -1)
	if err := ingestCrashDocs(context.Background(), s, 0, func(int) {}); err != nil {
		t.Fatal(err)
	}
	checkIntegrity(t, s)
	checkCrashStore(t, s, crashDocs, crashDocs)
}

// checkCrashStore checks that at least min (and, when max >= 0, at most max) documents are stored, each with
// both its events, each event in exactly one incident.
func checkCrashStore(t *testing.T, s *sqlStore, min, max int) {
	t.Helper()
	var docs, events, links, orphans int
	q := `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events),
		(SELECT count(*) FROM incident_reports),
		(SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM events e WHERE e.document_id = d.id) <> 2)`
	if err := s.db.QueryRow(q).Scan(&docs, &events, &links, &orphans); err != nil {
		t.Fatal(err)
	}
	if docs < min || (max >= 0 && docs > max) {
		t.Errorf("%d documents stored, want %d..%d", docs, min, max)
	}
	if events != 2*docs || links != events || orphans != 0 {
		t.Errorf("%d documents, %d events, %d incident links, %d documents without both events",
			docs, events, links, orphans)
	}
}
