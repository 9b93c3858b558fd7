package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"sitrep/internal/event"
)

// crashEnv names the database the child process ingests into.
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
func ingestCrashDocs(ctx context.Context, s *SQLite, from int, progress func(int)) error {
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
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("child process of TestCrashSafety")
	}
	s, err := OpenSQLite(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = ingestCrashDocs(context.Background(), s, 0, func(i int) { fmt.Println("stored", i) })
	if err != nil {
		t.Fatal(err)
	}
}

func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
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
	ctx := context.Background()
	s, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkIntegrity(t, s)
	checkCrashStore(t, s, stored, -1)
	// Restart the ingest from the beginning: stored documents come back as duplicates, nothing is doubled.
	if err := ingestCrashDocs(ctx, s, 0, func(int) {}); err != nil {
		t.Fatal(err)
	}
	checkIntegrity(t, s)
	checkCrashStore(t, s, crashDocs, crashDocs)
}

// checkCrashStore checks that at least min (and, when max >= 0, at most max) documents are stored, each with
// both its events, each event in exactly one incident.
func checkCrashStore(t *testing.T, s *SQLite, min, max int) {
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
