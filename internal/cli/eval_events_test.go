package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// evalEventsArticle and evalEventsGold are a small article and its gold events, written for these tests.
const evalEventsArticle = "Government troops shelled rebel positions near Homs on Monday, killing 12 fighters.\n" +
	"\n" +
	"Police arrested 30 protesters in Damascus on Tuesday.\n"

const evalEventsGold = `{
 "doc": {"id": "cli-fixture", "file": "article.txt", "published": "2021-03-10", "language": "en"},
 "events": [
  {"id": "E1", "required": true, "event_type": "Explosions/Remote violence",
   "sub_event_type": ["Shelling/artillery/missile attack"],
   "actor1": {"name": "Military Forces of Syria", "kind": "state_forces", "country": "SY"},
   "location": {"name": "Homs", "lat": 34.73, "lon": 36.72, "tolerance_km": 25},
   "date": {"earliest": "2021-03-08", "latest": "2021-03-08", "precision": "day"},
   "fatalities": {"low": 12, "best": 12, "high": 12},
   "evidence_lines": [1]},
  {"id": "E2", "required": true, "event_type": "Strategic developments", "sub_event_type": ["Arrests"],
   "date": {"earliest": "2021-03-09", "latest": "2021-03-09", "precision": "day"},
   "evidence_lines": [3]}
 ]
}`

func TestEvalEventsCommandErrors(t *testing.T) {
	gold := writeEvalFile(t, "gold.json", evalEventsGold)
	bad := writeEvalFile(t, "bad.json", `{"events": [`)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no gold", []string{"eval", "events"}, ExitUsage, "want --gold"},
		{"missing gold", []string{"eval", "events", "--gold", gold + ".none"}, ExitInput, "open gold"},
		{"malformed gold", []string{"eval", "events", "--gold", bad}, ExitInput, "bad.json: malformed"},
		{"no article", []string{"eval", "events", "--gold", gold}, ExitInput, "give --article"},
		{"missing article", []string{"eval", "events", "--gold", gold, "--article", gold + ".txt"}, ExitInput, "read article"},
		{"bad date", []string{"eval", "events", "--gold", gold, "--article", gold, "--published", "2021-13-01"}, ExitUsage, "--published"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runEvalCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errOut)
			}
		})
	}
}

func TestEvalEntitiesCommandErrors(t *testing.T) {
	bad := writeEvalFile(t, "re3d.jsonl", `{"id":"a","text":"ab","entities":[{"start":0,"end":9,"type":"Person"}]}`+"\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no gold", []string{"eval", "entities"}, ExitUsage, "want --gold"},
		{"negative limit", []string{"eval", "entities", "--gold", bad, "--limit", "-1"}, ExitUsage, "--limit"},
		{"missing gold", []string{"eval", "entities", "--gold", bad + ".none"}, ExitInput, "open gold"},
		{"span outside the text", []string{"eval", "entities", "--gold", bad}, ExitInput, filepath.Base(bad) + ":1: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runEvalCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errOut)
			}
		})
	}
}
