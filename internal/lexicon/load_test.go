package lexicon

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeDir writes files (name -> content) into a new temporary directory.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadDirs(t *testing.T) {
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	isis := base.Get("actors_groups", "ISIS")
	if isis == nil {
		t.Fatal("embedded lexicon lacks ISIS")
	}
	d1 := writeDir(t, map[string]string{
		"actors_groups.tsv": "# mine\nname\taliases\tkind\n" + isis.Name + "\tThe Org\trebel_group\nBrand New Front\tBNF\trebel_group\n",
		"vehicles.tsv":      "name\taliases\ntechnical\ttechnicals\n",
		"first_names.txt":   "# extra\nZorblax\n",
		"README.md":         "not a lexicon",
	})
	d2 := writeDir(t, map[string]string{"vehicles.tsv": "name\taliases\tnote\nTECHNICAL\tpickup truck*\tsecond dir wins\n"})
	l, err := Load(context.Background(), d1, d2)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Get("actors_groups", "the org"); got == nil || got.Name != isis.Name || !strings.HasSuffix(got.Source, "actors_groups.tsv:3") {
		t.Errorf("override not applied: %+v", got)
	}
	if l.Get("actors_groups", "ISIS") != nil {
		t.Error("overridden row keeps its old aliases")
	}
	if len(l.Entries("actors_groups")) != len(base.Entries("actors_groups"))+1 {
		t.Errorf("entries %d, want %d", len(l.Entries("actors_groups")), len(base.Entries("actors_groups"))+1)
	}
	if e := l.Get("actors_groups", "BNF"); e == nil || e.Attr("kind") != "rebel_group" {
		t.Errorf("added row missing: %+v", e)
	}
	if ms := l.Find("two pickup trucks", 0, "vehicles"); len(ms) != 1 || ms[0].Entry.Attr("note") != "second dir wins" {
		t.Errorf("new category from two dirs: %+v", ms)
	}
	if !l.IsFirstName("zorblax") || base.IsFirstName("zorblax") {
		t.Error("first names from dir not added, or leaked into Default")
	}
	n := 0
	for k := range l.FirstNames() {
		if !l.IsFirstName(k) {
			t.Errorf("FirstNames yields %q, which IsFirstName does not know", k)
		}
		n++
	}
	if n != len(l.firstNames) || !slices.Contains(slices.Collect(l.FirstNames()), "zorblax") {
		t.Errorf("FirstNames yields %d names, want %d with zorblax", n, len(l.firstNames))
	}
	if base.Get("actors_groups", "ISIS") != isis {
		t.Error("Load changed the default lexicon")
	}
}

func TestLoadErrors(t *testing.T) {
	bad := writeDir(t, map[string]string{"weapons.tsv": "name\tclass\nrifle\tsmall_arms\textra\n"})
	_, err := Load(context.Background(), bad)
	var fe *FormatError
	if !errors.Is(err, ErrFormat) || !errors.As(err, &fe) || fe.Line != 2 || !strings.Contains(err.Error(), "weapons.tsv:2:") {
		t.Errorf("bad file: %v", err)
	}
	missing := filepath.Join(t.TempDir(), "missing")
	_, err = Load(context.Background(), missing)
	if !errors.Is(err, fs.ErrNotExist) || err.Error() != "lexicon dir "+missing+": no such file or directory" {
		t.Errorf("missing dir: %v", err)
	}
	_, err = Load(context.Background(), filepath.Join(bad, "weapons.tsv"))
	if err == nil || !strings.HasSuffix(err.Error(), "weapons.tsv: not a directory") {
		t.Errorf("file as dir: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestDefaultShared(t *testing.T) {
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Default()
	if a != b {
		t.Error("Default is not shared")
	}
}
