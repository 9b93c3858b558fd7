package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sitrep/internal/text"
)

// catSets picks the categories of one call from the bits of sel: each loaded category and an unknown one.
func catSets(l *Lexicon, sel uint16) []Category {
	var cats []Category
	for i, c := range append(l.Categories(), "nope") {
		if sel&(1<<i) != 0 {
			cats = append(cats, c)
		}
	}
	return cats
}

// sameFind fails t when Find and referenceFind disagree on s with cats.
func sameFind(t *testing.T, l *Lexicon, s string, base int, cats []Category) {
	t.Helper()
	got, want := l.Find(s, base, cats...), l.referenceFind(s, base, cats...)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Find(%q, %v) = %+v, reference %+v", s, cats, got, want)
	}
}

// FuzzFindMatchesReference checks that the root filter, the category pruning and the kept walks (memo)
// change no match: Find and the plain walk agree on any text and any set of categories.
func FuzzFindMatchesReference(f *testing.F) {
	def, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	small := fromFiles(f, [2]string{"weapons", testWeapons}, [2]string{"groups", testGroups}, [2]string{"state", testState})
	for _, s := range []string{"IS’s air raids", "al-Nusra", "\xff-S-300'", "shell* ’s 's", "Médecins",
		"Russian warplanes shelled the SAA; Islamic State group fighters", "The Shelling of the airbase", newsText(400)} {
		f.Add(s, uint16(0))
		f.Add(s, uint16(5))
	}
	f.Fuzz(func(t *testing.T, s string, sel uint16) {
		for _, l := range []*Lexicon{def, small} {
			sameFind(t, l, s, 3, catSets(l, sel))
			sameFind(t, l, s, 0, catSets(l, sel>>8)) // the same text again: its kept walks
		}
	})
}

// TestFindMatchesReferenceOnFixtures compares Find with the plain walk on the extraction fixtures and the demo
// corpus, sentence by sentence, for no category, each category and the sets the engine asks for.
func TestFindMatchesReferenceOnFixtures(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../extract/testdata/*.txt")
	files = append(files, "../demo/corpus/reports.jsonl")
	sets := [][]Category{nil, {"cues"}, {"weapons", "targets"}, {"actors_state", "actors_groups", "organizations"},
		{"actors_state", "actors_groups", "organizations", "weapons"}, {"claim_verbs"}}
	for _, c := range l.Categories() {
		sets = append(sets, []Category{c})
	}
	n := 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc := string(data)
		for _, b := range text.SentenceBounds(doc) {
			for _, cats := range sets {
				sameFind(t, l, doc[b[0]:b[1]], b[0], cats)
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no fixture sentences")
	}
}

// FuzzIsFirstNameMatchesKey checks the ASCII fast path of IsFirstName against the lookup by key.
func FuzzIsFirstNameMatchesKey(f *testing.F) {
	l, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"Tobias", "JOSÉ", "José", "ahmed", "Al-Assad", " Maria ", "x1", "", "Ali's"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		_, want := l.firstNames[key(w)]
		if got := l.IsFirstName(w); got != want {
			t.Fatalf("IsFirstName(%q) = %v, by key %v", w, got, want)
		}
	})
}

// TestFindManyCategories covers categories past the 63rd, which share one mask bit.
func TestFindManyCategories(t *testing.T) {
	var files [][2]string
	var doc strings.Builder
	for i := range 70 {
		files = append(files, [2]string{fmt.Sprintf("c%02d", i), fmt.Sprintf("name\taliases\nthing %d\tshared*|T%d\n", i, i)})
		fmt.Fprintf(&doc, "the thing %d and T%d shares; ", i, i)
	}
	l := fromFiles(t, files...)
	for _, cats := range [][]Category{nil, {"c65"}, {"c03", "c66"}, {"c69", "c64"}, {"c10"}, {"zz"}} {
		sameFind(t, l, doc.String(), 0, cats)
		if len(cats) > 0 && cats[0] != "zz" && len(l.Find(doc.String(), 0, cats...)) == 0 {
			t.Errorf("nothing found for %v", cats)
		}
	}
}

// TestFindSameTextAgain asks about one text (the same bytes) several times in a row, across two lexicons and
// with an empty text between, as the memo's shortcut for the last text must not be fooled by either.
func TestFindSameTextAgain(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	small := fromFiles(t, [2]string{"weapons", testWeapons}, [2]string{"groups", testGroups})
	s := newsText(300)
	for _, l := range []*Lexicon{def, small, def, def, small} {
		for _, text := range []string{s, s, "", s[:len(s)/2], "", s} {
			sameFind(t, l, text, 0, nil)
			sameFind(t, l, text, 1, []Category{"groups"})
		}
	}
}
