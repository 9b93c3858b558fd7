package cli

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeLexiconAliases checks that serve --lexicon reaches the API's actor filter: an alias that only the
// extra lexicon knows selects the incidents of its group, as the canonical name does.
func TestServeLexiconAliases(t *testing.T) {
	t.Setenv("SITREP_NATS", "")
	dir := t.TempDir()
	lexDir := filepath.Join(dir, "lex")
	os.MkdirAll(lexDir, 0o755)
	os.WriteFile(filepath.Join(lexDir, "actors_groups.tsv"), []byte("name\tkind\tcountry\taliases\n"+
		"Northern Hills Brigade\trebel_group\tSD\tHills Brigade|Tall Ridge Fighters\n"), 0o644)
	e, _, stderr := testEnv()
	base, stop := startServing(t, serveCommand, e, "--db", filepath.Join(dir, "s.db"), "--addr", "127.0.0.1:0",
		"--gazetteer", "", "--lexicon", lexDir)
	defer stop()

	resp, err := http.Post(base+"/api/documents", "application/json", strings.NewReader(
		`{"text":"Fighters of the Northern Hills Brigade attacked the village of Tawila in North Darfur on 3 March 2026, killing 12 civilians, local officials said.","published":"2026-03-04"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		t.Fatalf("POST /api/documents: %d %s\n%s", resp.StatusCode, body, stderr)
	}
	count := func(actor string) int {
		t.Helper()
		code, b := get(t, base+"/api/incidents?actor="+url.QueryEscape(actor))
		var page struct {
			Incidents []json.RawMessage `json:"incidents"`
		}
		if err := json.Unmarshal([]byte(b), &page); code != http.StatusOK || err != nil {
			t.Fatalf("actor=%s: %d %s", actor, code, b)
		}
		return len(page.Incidents)
	}
	canonical := count("Northern Hills Brigade")
	if canonical == 0 {
		t.Fatalf("no incident of the extra lexicon's group was stored: the comparison proves nothing\n%s", stderr)
	}
	if got := count("Tall Ridge Fighters"); got != canonical {
		t.Errorf("actor=Tall Ridge Fighters (an alias from --lexicon): %d incidents, the canonical name %d", got, canonical)
	}
}
