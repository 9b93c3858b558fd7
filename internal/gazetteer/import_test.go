package gazetteer

import (
	"archive/zip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fixtureVillage = 99000001 // Urum al-Kubra in testdata/SY.txt

// importFixture imports files into a fresh directory and opens it.
func importFixture(t *testing.T, files ...string) (string, *Gazetteer, ImportStats) {
	t.Helper()
	dir := t.TempDir()
	st, err := Import(context.Background(), dir, files, ImportOptions{})
	if err != nil {
		t.Fatalf("Import(%v): %v", files, err)
	}
	g, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return dir, g, st
}

func hasID(ps []Place, id int64) bool {
	for _, p := range ps {
		if p.ID == id {
			return true
		}
	}
	return false
}

func TestImportFixture(t *testing.T) {
	if hasID(mustDefault(t).LookupLoose("Urem al-Kubra"), fixtureVillage) {
		t.Fatal("the fixture village is in the embedded data")
	}
	_, g, st := importFixture(t, "testdata/alternateNamesV2.txt", "testdata/SY.txt")
	if st.Rows != 17 || st.Places != 11 || st.AltNames != 3 || st.Skipped != 4 {
		t.Errorf("stats = %+v, want 17 rows, 11 places (10 + Aleppo), 3 alternate names, 4 skipped (Arabic script, link, code, unknown id)", st)
	}
	for _, name := range []string{"Urem al-Kubra", "Urum al-Kubra", "Orum al Kubra", "URUM EL-KUBRA", "Ūrum al Kubrá"} {
		if got := g.Lookup(name); !hasID(got, fixtureVillage) {
			t.Errorf("Lookup(%q) = %+v, want the fixture village", name, got)
		}
	}
	if got := g.LookupLoose("Orem el-Kobra"); !hasID(got, fixtureVillage) {
		t.Errorf("LookupLoose(Orem el-Kobra) = %+v", got)
	}
	if !g.HasPrefix("urum al") {
		t.Error("HasPrefix(urum al) = false after import")
	}
	if got := g.Lookup("Haleb"); !hasID(got, 170063) {
		t.Errorf("Lookup(Haleb) = %+v, want Aleppo (170063) from its alternate name", got)
	}
	aleppo := g.Lookup("Aleppo")
	if n := countID(aleppo, 170063); n != 1 {
		t.Errorf("Lookup(Aleppo) lists Aleppo %d times: %+v", n, aleppo)
	}
	for _, bad := range []string{"KNH", "Nowhere Village", "https example org wiki urum al kubra"} {
		if got := g.Lookup(bad); len(got) != 0 {
			t.Errorf("Lookup(%q) = %+v, want nothing (codes, links, unknown ids are left out)", bad, got)
		}
	}
	p := g.Lookup("Urum al-Kubra")[0]
	want := Place{ID: fixtureVillage, Name: "Urum al-Kubra", Lat: 36.15861, Lon: 36.92694, Country: "SY",
		Admin1: "09", Class: 'P', Code: "PPL", Population: 3102}
	if p != want {
		t.Errorf("place = %+v, want %+v", p, want)
	}
}

func countID(ps []Place, id int64) int {
	n := 0
	for _, p := range ps {
		if p.ID == id {
			n++
		}
	}
	return n
}

// TestImportZipAndMerge imports a country archive, then alternate names alone: the second import keeps
// the first one's places and names.
func TestImportZipAndMerge(t *testing.T) {
	dir := t.TempDir()
	zipPath := writeZip(t, filepath.Join(dir, "SY.zip"), map[string]string{
		"SY.txt": readFile(t, "testdata/SY.txt"), "readme.txt": "not a table\tat all\n"})
	data := filepath.Join(dir, "data")
	ctx := context.Background()
	if _, err := Import(ctx, data, []string{zipPath}, ImportOptions{Classes: "P"}); err != nil {
		t.Fatal(err)
	}
	altZip := writeZip(t, filepath.Join(dir, "alternateNamesV2.zip"), map[string]string{
		"alternateNamesV2.txt": readFile(t, "testdata/alternateNamesV2.txt"), "iso-languagecodes.txt": "x\ty\n"})
	if _, err := Import(ctx, data, []string{altZip}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	g, err := Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	for name, id := range map[string]int64{"Urum al-Kubra": fixtureVillage, "Urem al-Kubra": fixtureVillage,
		"Kafranbel": 99000010, "Kafr Nabel": 99000010} {
		if !hasID(g.Lookup(name), id) {
			t.Errorf("Lookup(%q) misses %d", name, id)
		}
	}
	if got := g.Lookup("Queiq River"); len(got) != 0 {
		t.Errorf("Lookup(Queiq River) = %+v, want nothing: class H was not imported", got)
	}
}

// TestImportBadInput checks that bad files fail with the line and leave the previous overlay intact.
func TestImportBadInput(t *testing.T) {
	dir, _, _ := importFixture(t, "testdata/SY.txt")
	tmp := t.TempDir()
	good := readFile(t, "testdata/SY.txt")
	lines := strings.SplitAfter(good, "\n")
	fullZip := writeZip(t, filepath.Join(tmp, "full.zip"), map[string]string{"SY.txt": strings.Repeat(good, 50)})
	zipBytes, err := os.ReadFile(fullZip)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, content, want string
	}{
		{"columns.txt", lines[0] + lines[1] + "1\tToo few\tcolumns\n", "line 3"},
		{"utf8.txt", lines[0] + strings.Replace(lines[1], "Urum", "Ur\xffm", 1), "line 2: bad row: invalid UTF-8"},
		{"coords.txt", strings.Replace(lines[0], "36.15861", "361.5", 1), "line 1: bad row: coordinates"},
		{"alternateNames.txt", "1\t2\ten\n", "line 1: bad row: 3 columns"},
		{"truncated.zip", string(zipBytes[:len(zipBytes)/2]), "truncated.zip"},
		{"empty.zip", "", "empty.zip"},
	}
	for _, tt := range tests {
		path := filepath.Join(tmp, tt.name)
		if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Import(context.Background(), dir, []string{"testdata/SY.txt", path}, ImportOptions{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tt.name, err, tt.want)
		}
		g, err := Open(context.Background(), dir)
		if err != nil || !hasID(g.Lookup("Urum al-Kubra"), fixtureVillage) {
			t.Errorf("%s: previous import lost (err %v)", tt.name, err)
		}
	}
	if _, err := Import(context.Background(), dir, nil, ImportOptions{}); !errors.Is(err, ErrNoFiles) {
		t.Errorf("Import(no files) = %v, want ErrNoFiles", err)
	}
}

// TestOpenCorruptOverlay checks a damaged overlay is an error, not a panic or silent fallback.
func TestOpenCorruptOverlay(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, OverlayFile), []byte("SGZ1garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), dir); !errors.Is(err, ErrFormat) {
		t.Errorf("Open(corrupt) = %v, want ErrFormat", err)
	}
	g, err := Open(context.Background(), filepath.Join(dir, "absent"))
	if err != nil || len(g.Lookup("Aleppo")) == 0 {
		t.Errorf("Open(no overlay) = %v", err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeZip(t *testing.T, path string, files map[string]string) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImportedCountryReplacesFacts checks that an imported country stands in for the hand-written one.
func TestImportedCountryReplacesFacts(t *testing.T) {
	row := "163843\tSyria\tSyria\tSyrian Arab Republic\t35\t38\tA\tPCLI\tSY\t\t00\t\t\t\t22933531\t\t514\tAsia/Damascus\t2024-01-01\n"
	path := filepath.Join(t.TempDir(), "SY-country.txt")
	if err := os.WriteFile(path, []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	_, g, _ := importFixture(t, path)
	got := g.Lookup("Syria")
	if len(got) != 1 || got[0].ID != 163843 {
		t.Errorf("Lookup(Syria) = %+v, want the imported country alone", got)
	}
}

// TestOpenCached checks that opening an unchanged overlay again reuses it, and a new import is seen.
func TestOpenCached(t *testing.T) {
	dir, g, _ := importFixture(t, "testdata/SY.txt")
	again, err := Open(context.Background(), dir)
	if err != nil || again != g {
		t.Fatalf("Open again = %p, %v; want the same gazetteer %p", again, err, g)
	}
	if _, err := Import(context.Background(), dir, []string{"testdata/alternateNamesV2.txt"}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	after, err := Open(context.Background(), dir)
	if err != nil || after == g || !hasID(after.Lookup("Haleb"), 170063) {
		t.Errorf("Open after a new import did not see it (err %v)", err)
	}
}
