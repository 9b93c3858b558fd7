package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sitrep/internal/store"
)

// crashCorpus writes n distinct synthetic reports as JSON Lines.
func crashCorpus(t *testing.T, path string, n int) {
	towns := []string{"Kharkiv", "Mosul", "Kandahar", "Gao", "Maiduguri", "Aleppo", "Sanaa", "Goma", "Mogadishu", "Homs"}
	words := strings.Fields("officials residents witnesses roads bridges convoys schools clinics markets villages " +
		"fuel bread water talks envoys observers families shelters harvest prices traders patrols curfews councils")
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for i := range n {
		var text strings.Builder
		fmt.Fprintf(&text, "Shelling hit %s on Monday, killing %d people, local officials said. ",
			towns[r.IntN(len(towns))], 1+r.IntN(30))
		for range 40 {
			text.WriteString(words[r.IntN(len(words))] + " ")
		}
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("crash-%d", i), "text": text.String(), "language": "en",
			"published": fmt.Sprintf("2025-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIngestSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a second process")
	}
	const n = 200
	dir := t.TempDir()
	corpus, db := filepath.Join(dir, "c.jsonl"), filepath.Join(dir, "s.db")
	crashCorpus(t, corpus, n)
	cmd := sitrepProcess("ingest", "--quiet", "--db", db, corpus)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	before := waitForDocuments(t, db, 20, cmd)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	code, s, stderr := ingestJSON(t, "--db", db, corpus)
	if code != ExitOK || s.Documents != n || s.Stored+s.Duplicates != n {
		t.Fatalf("after the kill: exit %d, %+v; stderr %s", code, s, stderr)
	}
	st, err := store.OpenSQLite(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Counts(context.Background())
	if err != nil || c.Documents != n {
		t.Errorf("counts %+v, %v; want %d documents, each once", c, err, n)
	}
	if int64(c.Documents) < before {
		t.Errorf("lost documents: %d before the kill, %d after", before, c.Documents)
	}
	var check string
	if err := st.DB().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check: %q, %v", check, err)
	}
	t.Logf("killed after %d of %d documents; the second run stored %d and found %d stored", before, n, s.Stored, s.Duplicates)
}

// waitForDocuments waits until the store at db holds at least min documents and returns how many it holds.
func waitForDocuments(t *testing.T, db string, min int64, cmd *exec.Cmd) int64 {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		if _, err := os.Stat(db); err != nil {
			continue
		}
		st, err := store.OpenSQLite(context.Background(), db, store.Options{})
		if err != nil {
			continue
		}
		c, err := st.Counts(context.Background())
		st.Close()
		if err == nil && int64(c.Documents) >= min {
			return int64(c.Documents)
		}
	}
	cmd.Process.Kill()
	t.Fatalf("the ingest process stored fewer than %d documents", min)
	return 0
}
