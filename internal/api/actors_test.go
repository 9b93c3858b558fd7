package api

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/lexicon"
	"sitrep/internal/store"
)

func TestActorQuery(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ q, country, want string }{
		{"RSF", "", "Rapid Support Forces"},                                  // an abbreviation
		{"rsf", "", "Rapid Support Forces"},                                  // in any case
		{" RSF ", "", "Rapid Support Forces"},                                // with blanks around
		{"Vagner", "", "Wagner Group"},                                       // a spelling
		{"FARDC", "", "Military Forces of the Democratic Republic of Congo"}, // a state force
		{"Russian Air Force", "", "Military Forces of Russia"},               // a branch under its force
		{"Wagner", "", "Wagner"},                                             // part of the canonical name: kept
		{"wagner group", "", "wagner group"},                                 // the canonical name itself
		{"rapid support", "", "rapid support"},                               // no entry: a substring as before
		{"militia", "", "militia"},
		{"", "", ""},
		{"SNA", "", "Military Forces of Somalia"},   // shared by a state force and a group: the state force
		{"SNA", "SO", "Military Forces of Somalia"}, // the entry of the country filter's country
		{"SNA", "SY", "Syrian National Army"},
		{"SNA", "ML", "Military Forces of Somalia"}, // neither of that country: the state force
		{"RSF", "ML", "Rapid Support Forces"},       // one entry: the country does not matter
	}
	for _, tt := range tests {
		if got := ActorQuery(lex, tt.q, tt.country); got != tt.want {
			t.Errorf("ActorQuery(%q, %q) = %q, want %q", tt.q, tt.country, got, tt.want)
		}
	}
	if got := ActorQuery(nil, "RSF", ""); got != "RSF" {
		t.Errorf("without a lexicon: %q", got)
	}
}

func TestActorFilterAliases(t *testing.T) { backends(t, testActorFilterAliases) }

// testActorFilterAliases stores incidents of actors under their canonical names and finds them by alias
// through every route that takes the filters (the web page's filter form asks /api/map and /api/timeline).
func testActorFilterAliases(t *testing.T, st store.Store) {
	put(t, st, "https://news.example/6", "Paramilitaries shelled El Fasher.",
		spec{"Shelling/artillery/missile attack", feb(14), "El Fasher", 13.63, 25.35, "SD", 11, "Rapid Support Forces"})
	put(t, st, "https://news.example/7", "Mercenaries attacked a village near Gao.",
		spec{"Attack", feb(15), "Gao", 16.27, -0.04, "ML", 5, "Wagner Group"})
	put(t, st, "https://news.example/8", "Turkish-backed fighters clashed with the SDF near Manbij.",
		spec{"Armed clash", feb(17), "Manbij", 36.53, 37.95, "SY", 6, "Syrian National Army"})
	put(t, st, "https://news.example/9", "Soldiers clashed with al-Shabaab near Jowhar.",
		spec{"Armed clash", feb(18), "Jowhar", 2.78, 45.5, "SO", 8, "Military Forces of Somalia"})
	h := New(st, nil, nil, Options{}).Handler()
	tests := []struct {
		query string
		want  []string // place names, newest first
	}{
		{"actor=RSF", []string{"El Fasher"}},
		{"actor=rsf", []string{"El Fasher"}},
		{"actor=Rapid+Support+Forces", []string{"El Fasher"}},
		{"actor=Wagner", []string{"Gao"}},
		{"actor=Vagner", []string{"Gao"}},
		{"actor=PMC+Wagner", []string{"Gao"}},
		{"actor=SAF", nil}, // the army's alias: the army, not the RSF
		{"actor=support", []string{"El Fasher"}},
		{"actor=Russian+Air+Force", []string{"Idlib"}},
		{"actor=SNA", []string{"Jowhar"}}, // shared: the state force
		{"actor=SNA&country=SY", []string{"Manbij"}},
		{"actor=SNA&country=SO", []string{"Jowhar"}},
	}
	for _, tt := range tests {
		code, body := call(t, h, "GET", "/api/incidents?"+tt.query, "")
		if code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", tt.query, code, body)
		}
		if got := places(t, body); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.query, got, tt.want)
		}
		_, body = call(t, h, "GET", "/api/timeline?"+tt.query, "")
		if n := strings.Count(body, `"date"`); n != len(tt.want) {
			t.Errorf("timeline %s: %d days, want %d: %s", tt.query, n, len(tt.want), body)
		}
		_, body = call(t, h, "GET", "/api/map?"+tt.query, "")
		if n := len(decode[markers](t, body).Markers); n != len(tt.want) {
			t.Errorf("map %s: %d markers, want %d: %s", tt.query, n, len(tt.want), body)
		}
		rec := serve(h, "GET", "/api/export?format=jsonl&"+tt.query)
		if n := strings.Count(rec.Body.String(), "\n"); rec.Code != http.StatusOK || n != len(tt.want) {
			t.Errorf("export %s: status %d, %d lines, want %d", tt.query, rec.Code, n, len(tt.want))
		}
	}
}

// TestActorLexiconLazy checks that the server parses the lexicon only for a request with an actor filter, and
// once.
func TestActorLexiconLazy(t *testing.T) {
	loads := 0
	defer func(f func() (*lexicon.Lexicon, error)) { loadLexicon = f }(loadLexicon)
	loadLexicon = func() (*lexicon.Lexicon, error) { loads++; return lexicon.Default() }
	h := New(fixture(t), nil, nil, Options{}).Handler()
	for _, tt := range []struct {
		target string
		loads  int
	}{
		{"/api/incidents?country=SY", 0},
		{"/api/map", 0},
		{"/api/timeline?actor=", 0},
		{"/api/incidents?actor=VKS", 1},
		{"/api/map?actor=RSF", 1},
		{"/api/export?format=jsonl&actor=FARDC", 1},
	} {
		if rec := serve(h, "GET", tt.target); rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", tt.target, rec.Code, rec.Body)
		}
		if loads != tt.loads {
			t.Errorf("after %s: %d lexicon loads, want %d", tt.target, loads, tt.loads)
		}
	}
}

// TestActorFilterOwnLexicon resolves aliases through the lexicon the server is given.
func TestActorFilterOwnLexicon(t *testing.T) {
	dir := t.TempDir()
	row := "name\tkind\tcountry\taliases\tformerly\tnote\nNorthern Example Brigade\trebel_group\tCD\tNEB|Example Brigade\t\ttest row\n"
	if err := os.WriteFile(filepath.Join(dir, "actors_groups.tsv"), []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	st := fixture(t)
	put(t, st, "https://news.example/8", "The brigade attacked Beni.",
		spec{"Attack", feb(16), "Beni", 0.49, 29.47, "CD", 3, "Northern Example Brigade"})
	for _, tt := range []struct {
		lex  *lexicon.Lexicon
		want []string
	}{{lex, []string{"Beni"}}, {nil, nil}} {
		h := New(st, nil, nil, Options{Lexicon: tt.lex}).Handler()
		_, body := call(t, h, "GET", "/api/incidents?actor=NEB", "")
		if got := places(t, body); !slices.Equal(got, tt.want) {
			t.Errorf("own lexicon %v: got %v, want %v", tt.lex != nil, got, tt.want)
		}
	}
}
