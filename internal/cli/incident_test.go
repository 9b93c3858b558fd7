package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/store"
)

// mergedIncident returns an incident that merges independent reports, and a document of it to split out: an
// original report other than the incident's first.
func mergedIncident(t *testing.T, db string) (event.Incident, string) {
	t.Helper()
	for _, inc := range exportIncidents(t, db) {
		for _, r := range inc.Reports[1:] {
			if r.DuplicateOf == "" && r.DocumentID != inc.Reports[0].DocumentID {
				return inc, r.DocumentID
			}
		}
	}
	t.Fatal("no incident merges two independent reports")
	return event.Incident{}, ""
}

func TestIncidentShowAndSplit(t *testing.T) {
	db := testStore(t)
	inc, doc := mergedIncident(t, db)
	code, out, stderr := run(t, "", "incident", "show", inc.ID, "--db", db)
	var detail store.IncidentDetail
	if code != ExitOK || json.Unmarshal([]byte(out), &detail) != nil || detail.Incident.ID != inc.ID ||
		len(detail.Documents) < 2 {
		t.Fatalf("show: exit %d, %d documents; stderr %s", code, len(detail.Documents), stderr)
	}
	code, out, stderr = run(t, "", "incident", "--db", db, "split", inc.ID, doc)
	var split event.Incident
	if code != ExitOK || json.Unmarshal([]byte(out), &split) != nil || split.ID == inc.ID {
		t.Fatalf("split: exit %d, %q; stderr %s", code, out, stderr)
	}
	for _, r := range split.Reports {
		if r.DocumentID != doc && r.DuplicateOf != doc {
			t.Errorf("split moved a report of %s", r.DocumentID)
		}
	}
	_, out, _ = run(t, "", "incident", "show", "--db", db, inc.ID)
	var after store.IncidentDetail
	if err := json.Unmarshal([]byte(out), &after); err != nil {
		t.Fatal(err)
	}
	for _, r := range after.Incident.Reports {
		if r.DocumentID == doc {
			t.Errorf("incident still holds a report of %s after the split", doc)
		}
	}
	if len(after.Changes) <= len(detail.Changes) {
		t.Errorf("split not recorded in the history: %d changes before, %d after", len(detail.Changes), len(after.Changes))
	}
}

func TestIncidentErrors(t *testing.T) {
	db := testStore(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"incident"}, ExitUsage, "show or split"},
		{[]string{"incident", "merge", "a"}, ExitUsage, "unknown subcommand"},
		{[]string{"incident", "show", "--db", db}, ExitUsage, "want 1 argument"},
		{[]string{"incident", "show", "--db", db, "inc-nope"}, ExitInput, "not found"},
		{[]string{"incident", "split", "--db", db, "inc-nope", "doc"}, ExitInput, "not found"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}
