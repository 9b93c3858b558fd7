package lexicon

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"sitrep/internal/text"
)

func TestFind(t *testing.T) {
	l := fromFiles(t, [2]string{"weapons", testWeapons}, [2]string{"groups", testGroups}, [2]string{"state", testState})
	tests := []struct {
		name string
		in   string
		cats []Category
		want string // "text=entry" joined by "; "
	}{
		{"folded name", "An AIR STRIKE hit", nil, "AIR STRIKE=air strike"},
		{"wildcard inflections", "warplanes shelled; airstrikes, shelling", nil,
			"warplanes=air strike; shelled=shelling; airstrikes=air strike; shelling=shelling"},
		{"wildcard needs the whole prefix", "shel shells", nil, "shells=shelling"},
		{"wildcard on last word only", "barrel bombs and barrels bomb", nil, "barrel bombs=barrel bomb"},
		{"longest match wins", "a Grad rockets salvo", nil, "Grad rockets=rocket"},
		{"shorter when longer fails", "Islamic State grouping; Islamic State group", nil, "Islamic State=Islamic State; Islamic State group=Islamic State"},
		{"wildcard takes any ending", "a Grad rocketeer", nil, "Grad rocketeer=rocket"},
		{"all caps is case-sensitive", "IS said it is ISIS, not Is or isis", nil, "IS=Islamic State; ISIS=Islamic State"},
		{"all caps plural is folded", "two ieds and IEDs, an IED", nil, "ieds=improvised explosive device; IEDs=improvised explosive device; IED=improvised explosive device"},
		{"hyphen equals space", "al-Nusra, al Nusra, Al Nusra Front, al‑Nusra", nil,
			"al-Nusra=Jabhat Fateh al-Sham; al Nusra=Jabhat Fateh al-Sham; Al Nusra Front=Jabhat Fateh al-Sham; al‑Nusra=Jabhat Fateh al-Sham"},
		{"hyphen in alias, space in text", "S 300 and S-300 and S300", nil, "S 300=S-300; S-300=S-300; S300=S-300"},
		{"possessive", "Islamic State's fighters and Daesh’s men", nil, "Islamic State=Islamic State; Daesh=Islamic State"},
		{"diacritics", "Medecins sans Frontieres and Médecins Sans Frontières", nil,
			"Medecins sans Frontieres=Médecins Sans Frontières; Médecins Sans Frontières=Médecins Sans Frontières"},
		{"token boundaries", "shellfish? no: Daeshi, ISISK, misfire", nil, "shellfish=shelling"},
		{"no partial token", "the Islamic Statement", nil, ""},
		{"punctuation breaks", "Islamic, State", nil, ""},
		{"category filter", "an air strike by IS", []Category{"groups"}, "IS=Islamic State"},
		{"unknown category", "an air strike", []Category{"nope"}, ""},
		{"empty", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			ms := l.Find(tt.in, 0, tt.cats...)
			for _, m := range ms {
				got = append(got, m.Text+"="+m.Entry.Name)
			}
			if s := strings.Join(got, "; "); s != tt.want {
				t.Errorf("Find(%q) = %q, want %q", tt.in, s, tt.want)
			}
			// AppendFind appends the same matches after what dst holds.
			app := l.AppendFind([]Match{{Text: "earlier"}}, tt.in, 0, tt.cats...)
			if len(app) != 1+len(ms) || app[0].Text != "earlier" || len(ms) > 0 && !reflect.DeepEqual(app[1:], ms) {
				t.Errorf("AppendFind(%q) = %+v, want \"earlier\" then %+v", tt.in, app, ms)
			}
		})
	}
}

func TestFindOffsets(t *testing.T) {
	l := fromFiles(t, [2]string{"groups", testGroups}, [2]string{"weapons", testWeapons})
	in := "«Ḥalab»: les Médecins Sans Frontières — ‘air raids’ by ISIS"
	const base = 1000
	ms := l.Find(in, base)
	if len(ms) != 3 {
		t.Fatalf("got %d matches: %+v", len(ms), ms)
	}
	for _, m := range ms {
		if in[m.Start-base:m.End-base] != m.Text || !utf8.ValidString(m.Text) {
			t.Errorf("span [%d,%d) gives %q, Text %q", m.Start, m.End, in[m.Start-base:m.End-base], m.Text)
		}
	}
	if ms[1].Text != "air raids" || ms[1].Alias != "air raid*" || ms[1].Column != "aliases" {
		t.Errorf("second match %+v", ms[1])
	}
}

func TestFindAlternatives(t *testing.T) {
	l := fromFiles(t, [2]string{"groups", testGroups}, [2]string{"state", testState})
	tests := []struct {
		cats      []Category
		want, alt string
	}{
		{nil, "Syrian National Army", "Somali National Army"},
		{[]Category{"state", "groups"}, "Somali National Army", "Syrian National Army"},
		{[]Category{"state"}, "Somali National Army", ""},
	}
	for _, tt := range tests {
		ms := l.Find("SNA units", 0, tt.cats...)
		if len(ms) != 1 {
			t.Fatalf("%v: %d matches", tt.cats, len(ms))
		}
		alt := ""
		if len(ms[0].Alt) > 0 {
			alt = ms[0].Alt[0].Name
		}
		if ms[0].Entry.Name != tt.want || alt != tt.alt {
			t.Errorf("%v: entry %q alt %q, want %q %q", tt.cats, ms[0].Entry.Name, alt, tt.want, tt.alt)
		}
	}
}

func TestFindFormerName(t *testing.T) {
	l := fromFiles(t, [2]string{"groups", testGroups})
	ms := l.Find("fighters of the Nusra Front", 0)
	if len(ms) != 1 || ms[0].Column != "formerly" || ms[0].Alias != "Nusra Front" || ms[0].Entry.Name != "Jabhat Fateh al-Sham" {
		t.Fatalf("got %+v", ms)
	}
}

func TestGet(t *testing.T) {
	l := fromFiles(t, [2]string{"groups", testGroups}, [2]string{"state", testState}, [2]string{"weapons", testWeapons})
	tests := []struct {
		cat        Category
		name, want string
	}{
		{"groups", "isis", "Islamic State"},
		{"groups", "Islamic-State", "Islamic State"},
		{"groups", "medecins sans frontieres", "Médecins Sans Frontières"},
		{"groups", "nusra front", "Jabhat Fateh al-Sham"},
		{"state", "SNA", "Somali National Army"},
		{"weapons", "shell*", "shelling"},
		{"weapons", "shelled", ""},
		{"groups", "air strike", ""},
		{"nope", "x", ""},
	}
	for _, tt := range tests {
		got := ""
		if e := l.Get(tt.cat, tt.name); e != nil {
			got = e.Name
		}
		if got != tt.want {
			t.Errorf("Get(%s, %q) = %q, want %q", tt.cat, tt.name, got, tt.want)
		}
	}
}

func FuzzFind(f *testing.F) {
	l := fromFiles(f, [2]string{"weapons", testWeapons}, [2]string{"groups", testGroups})
	for _, s := range []string{"IS’s air raids", "al-Nusra", "\xff-S-300'", "shell* ’s 's", "Médecins"} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, s string, base int) {
		prev := base
		for _, m := range l.Find(s, base) {
			if m.Start < prev || m.End <= m.Start || m.End-base > len(s) || s[m.Start-base:m.End-base] != m.Text {
				t.Fatalf("bad match [%d,%d) after %d in %q (base %d)", m.Start, m.End, prev, s, base)
			}
			if m.Entry == nil {
				t.Fatal("match without entry")
			}
			prev = m.End
		}
	})
}

func ExampleLexicon_Find() {
	l, err := Default()
	if err != nil {
		panic(err)
	}
	for _, m := range l.Find("Fighters of the SDF and Islamic State's militants clashed.", 0, "actors_groups") {
		fmt.Printf("%d-%d %s -> %s\n", m.Start, m.End, m.Text, m.Entry.Name)
	}
	// Output:
	// 16-19 SDF -> Syrian Democratic Forces
	// 24-37 Islamic State -> Islamic State
}

func TestFoldTokenAgreesWithTextFold(t *testing.T) {
	for _, tok := range []string{"Médecins", "FRONTIÈRES", "Sana’a", "Ḥalab", "Straße", "İdlib", "Łódź", "ʿAdan", "Ωmega", "Æther", "a`b"} {
		want := text.Fold(tok)
		if got := string(foldToken(nil, tok)); got != want {
			t.Errorf("foldToken(%q) = %q, text.Fold = %q", tok, got, want)
		}
	}
	// Tokens of one punctuation rune (punctFold), alone, after other bytes in the buffer, and within a longer token.
	for r := rune(0x80); r < 0x2100; r++ {
		for _, tok := range []string{string(r), string(r) + "a", "a" + string(r), string(r) + string(r)} {
			want := text.Fold(tok)
			if got := string(foldToken([]byte("x"), tok)); got != "x"+want {
				t.Fatalf("foldToken(%q) = %q, text.Fold = %q", tok, got[1:], want)
			}
		}
	}
}
