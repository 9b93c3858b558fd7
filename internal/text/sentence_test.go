package text

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "Rebels shelled the town. Five died.", []string{"Rebels shelled the town.", "Five died."}},
		{"abbreviation", "Gen. Haftar said the U.S. envoy left. Talks ended.", []string{"Gen. Haftar said the U.S. envoy left.", "Talks ended."}},
		{"initial", "J. Smith reported it. Nobody else did.", []string{"J. Smith reported it.", "Nobody else did."}},
		{"headline line", "Convoy hit near Idlib\n\nA strike hit a convoy on Monday.", []string{"Convoy hit near Idlib", "A strike hit a convoy on Monday."}},
		{"single break headline", "Convoy hit near Idlib\nA strike hit a convoy.", []string{"Convoy hit near Idlib", "A strike hit a convoy."}},
		{"wrapped line runs on", "The army said the\nattack was repelled.", []string{"The army said the\nattack was repelled."}},
		{"closing quote", `"We saw the crater." He left.`, []string{`"We saw the crater."`, "He left."}},
		{"lower case after period", "It cost 2.5 million dollars. ok then", []string{"It cost 2.5 million dollars. ok then"}},
		{"ellipsis", "Neither has an air force... So we watch.", []string{"Neither has an air force...", "So we watch."}},
		{"question", "Who fired? Nobody knows.", []string{"Who fired?", "Nobody knows."}},
		{"empty", "  \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.in)
			var texts []string
			for _, s := range got {
				if tt.in[s.Start:s.End] != s.Text {
					t.Fatalf("span [%d,%d) is %q, text %q", s.Start, s.End, tt.in[s.Start:s.End], s.Text)
				}
				texts = append(texts, s.Text)
			}
			if strings.Join(texts, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q\nwant %q", texts, tt.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Russia's S-300 in Sana'a", "Russia 's S - 300 in Sana'a"},
		{"killed 1,200 people, 2.5 km", "killed 1,200 people , 2.5 km"},
		{"Jabhat Fateh al-Sham", "Jabhat Fateh al - Sham"},
		{"‘airstrike’ hit", "‘ airstrike ’ hit"},
		{"Urem Al-Kubra", "Urem Al - Kubra"},
		{"G7 and 20,", "G7 and 20 ,"},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in, 10)
		var got []string
		for _, tok := range toks {
			if tt.in[tok.Start-10:tok.End-10] != tok.Text {
				t.Fatalf("%q: token offsets [%d,%d) do not give %q", tt.in, tok.Start, tok.End, tok.Text)
			}
			got = append(got, tok.Text)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

func TestTokenKinds(t *testing.T) {
	toks := Tokenize("UN 20 Aleppo ,", 0)
	kinds := []Kind{Word, Number, Word, Punct}
	for i, k := range kinds {
		if toks[i].Kind != k {
			t.Errorf("token %q kind %d, want %d", toks[i].Text, toks[i].Kind, k)
		}
	}
	if !toks[0].IsAllCaps() || toks[2].IsAllCaps() || !toks[2].IsCap() {
		t.Errorf("capitalisation flags wrong: %+v", toks)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Aleppo", "aleppo"},
		{"Urem Al-Kubra", "urem al-kubra"},
		{"Ḥalab", "halab"},
		{"Médecins Sans Frontières", "medecins sans frontieres"},
		{"Sana’a", "sana'a"},
		{"Kyiv—Kharkiv", "kyiv-kharkiv"},
		{"plain text", "plain text"},
		{"Straße", "strasse"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"A. B.", "x\n\ny", "“Q?” R.", "\xff\xfe.", "Mr. X. Y", "..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sen := range Sentences(s) {
			if sen.Start < prev || sen.End > len(s) || sen.Start >= sen.End || s[sen.Start:sen.End] != sen.Text {
				t.Fatalf("bad sentence span [%d,%d) after %d in %q", sen.Start, sen.End, prev, s)
			}
			for _, tok := range sen.Tokens {
				if tok.Start < sen.Start || tok.End > sen.End || s[tok.Start:tok.End] != tok.Text {
					t.Fatalf("bad token span [%d,%d) in %q", tok.Start, tok.End, s)
				}
			}
			prev = sen.End
		}
	})
}

func BenchmarkSentences(b *testing.B) {
	para := "Some 20 people were killed in the attack on the U.N. convoy near Aleppo, the SOHR said on Tuesday. " +
		"\"We determined it was an air strike,\" Lars Bromley told reporters. Moscow denies the charge.\n\n"
	doc := strings.Repeat(para, 4000)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(doc)
	}
}

// BenchmarkTokenize tokenizes the extraction fixtures sentence by sentence and whole, as the engine and the
// geoparser do.
func BenchmarkTokenize(b *testing.B) {
	files, _ := filepath.Glob("../extract/testdata/*.txt")
	var sb strings.Builder
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	doc := sb.String()
	bounds := SentenceBounds(doc)
	b.SetBytes(int64(2 * len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		for _, sb := range bounds {
			Tokenize(doc[sb[0]:sb[1]], sb[0])
		}
		Tokenize(doc, 0)
	}
}

// TestTokenizeOwnsItsSlice: Tokenize's result has exactly its tokens' room, is never nil, and is not touched by
// later calls (the scratch it reads into is reused), for short texts and one that outgrows the pooled scratch.
func TestTokenizeOwnsItsSlice(t *testing.T) {
	long := strings.Repeat("a, ", maxScratchTokens)
	for _, s := range []string{"", "one", "Russia's S-300 in Sana'a, 12 km away.", long} {
		first := Tokenize(s, 3)
		want := AppendTokens(nil, s, 3)
		if first == nil || len(first) != cap(first) || !reflect.DeepEqual(append([]Token{}, first...), append([]Token{}, want...)) {
			t.Fatalf("Tokenize(%.20q): nil %v, len %d cap %d, equal to AppendTokens %v", s, first == nil, len(first), cap(first),
				reflect.DeepEqual(append([]Token{}, first...), append([]Token{}, want...)))
		}
		Tokenize("other words entirely, and more of them than before", 0)
		if !reflect.DeepEqual(append([]Token{}, first...), append([]Token{}, want...)) {
			t.Fatalf("Tokenize(%.20q) changed by a later call", s)
		}
	}
}
