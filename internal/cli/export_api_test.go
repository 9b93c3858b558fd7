package cli

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"sitrep/internal/api"
	"sitrep/internal/event"
	"sitrep/internal/export"
	"sitrep/internal/store"
)

// TestExportMatchesAPI checks that sitrep export and GET /api/export write byte-identical output for the same
// store, format and filters (the country column included: a name in both).
func TestExportMatchesAPI(t *testing.T) {
	db := testStore(t)
	st, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := api.New(st, nil, nil, api.Options{}).Handler()
	filters := []struct {
		args  []string
		query string
	}{
		{nil, ""},
		{[]string{"--country", "Syria"}, "&country=SY"},
		{[]string{"--from", "2020-01-01", "--to", "2030-12-31"}, "&from=2020-01-01&to=2030-12-31"},
		{[]string{"--event-type", "Explosions/Remote violence"}, "&event_type=Explosions%2FRemote+violence"},
		{[]string{"--country", "Mali"}, "&country=ML"},
		{[]string{"--actor", "Russian Air Force"}, "&actor=Russian+Air+Force"},
	}
	nonEmpty := 0
	for _, format := range export.Formats {
		for _, f := range filters {
			code, cliOut, stderr := run(t, "", append([]string{"export", "--db", db, "--format", format}, f.args...)...)
			if code != ExitOK {
				t.Fatalf("export %s %q: exit %d: %s", format, f.args, code, stderr)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/export?format="+format+f.query, nil))
			if rec.Code != http.StatusOK {
				t.Fatalf("/api/export %s%s: status %d: %s", format, f.query, rec.Code, rec.Body)
			}
			if apiOut := rec.Body.String(); apiOut != cliOut {
				t.Errorf("%s %q: the CLI wrote\n%s\nthe API wrote\n%s", format, f.args, cliOut, apiOut)
			}
			if len(cliOut) > 200 {
				nonEmpty++
			}
		}
	}
	if nonEmpty == 0 {
		t.Fatal("every export was empty: the comparison proves nothing")
	}
}

// TestExportActorAlias checks that --actor with an alias selects the incidents the canonical name selects.
func TestExportActorAlias(t *testing.T) {
	db := testStore(t)
	ids := func(incs []event.Incident) []string {
		var out []string
		for _, inc := range incs {
			out = append(out, inc.ID)
		}
		return out
	}
	canonical := ids(exportIncidents(t, db, "--actor", "Military Forces of Russia"))
	if len(canonical) == 0 {
		t.Fatal("the test store has no incident of Military Forces of Russia")
	}
	for _, alias := range []string{"Russian Air Force", "VKS", "russian armed forces"} {
		if got := ids(exportIncidents(t, db, "--actor", alias)); !slices.Equal(got, canonical) {
			t.Errorf("--actor %q: incidents %v, the canonical name's %v", alias, got, canonical)
		}
	}
}
