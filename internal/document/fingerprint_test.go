package document

import (
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func TestFingerprint(t *testing.T) {
	b, err := os.ReadFile("testdata/wire.txt")
	if err != nil {
		t.Fatal(err)
	}
	long := string(b)
	tests := []struct {
		name string
		a, b string
		near bool
	}{
		{"identical", long, long, true},
		{"case and punctuation", long, strings.ToUpper(strings.ReplaceAll(long, ",", "")), true},
		{"syndicated with another headline and a footer",
			"Seven civilians killed in market shelling\n\n" + long,
			long + "\n\n(Reporting by a correspondent; editing by the desk)", true},
		{"different story", long, "Heavy rain caused flooding in the capital on Sunday, forcing hundreds of " +
			"families from their homes and closing schools and roads across three districts, the city said.", false},
	}
	for _, tt := range tests {
		fa, fb := Fingerprint(tt.a), Fingerprint(tt.b)
		if got := NearDuplicate(fa, fb); got != tt.near {
			t.Errorf("%s: near %v (distance %d), want %v", tt.name, got, Distance(fa, fb), tt.near)
		}
	}
	if Fingerprint(" ,. ") != 0 || Fingerprint("one two") == 0 {
		t.Error("fingerprint of texts without words / with few words")
	}
}

func BenchmarkFingerprint(b *testing.B) {
	text, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Repeat(string(text), 10)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Fingerprint(s)
	}
}

// TestShingleHashIsFNV1a checks that a shingle's hash is the FNV-1a hash of its words, each followed by a NUL:
// the fingerprint of a text of one shingle is that hash (each of its bits has the one vote).
func TestShingleHashIsFNV1a(t *testing.T) {
	h := fnv.New64a()
	h.Write([]byte("air\x00strike\x00"))
	if got := Fingerprint("Air strike"); got != h.Sum64() {
		t.Fatalf("Fingerprint(\"Air strike\") = %x, want FNV-1a %x", got, h.Sum64())
	}
}

// fingerprintReference is Fingerprint as first written: fold the text with strings.ToLower, split it into words
// with strings.FieldsFunc, and vote on each shingle's FNV-1a hash bit by bit.
func fingerprintReference(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return 0
	}
	var votes [64]int
	n := max(1, len(words)-shingleWords+1)
	for i := range n {
		h := fnv.New64a()
		for _, w := range words[i:min(len(words), i+shingleWords)] {
			h.Write([]byte(w + "\x00"))
		}
		sum := h.Sum64()
		for b := range 64 {
			if sum&(1<<b) != 0 {
				votes[b]++
			} else {
				votes[b]--
			}
		}
	}
	var fp uint64
	for b, v := range votes {
		if v > 0 {
			fp |= 1 << b
		}
	}
	return fp
}

// fingerprintTexts are texts to compare Fingerprint with fingerprintReference on: every text file of testdata,
// whole and cut at odd places, few-word texts, non-ASCII case folding, invalid UTF-8, long words, and random
// texts drawn from an alphabet of those.
func fingerprintTexts(t testing.TB) []string {
	texts := []string{"", " ,. ", "one", "One two", "one two three", "ONE, two; three four", "a\x00b c",
		"Ünïcödé ÀÉÎ İstanbul ΣΊΣΥΦΟΣ straße ǅemal 42km ١٢٣ ⅫⅣ", "bad \xff\xfe utf8\xc3 here \xe2\x82 end",
		"\uFFFDword\uFFFD word2", strings.Repeat("x", 2000) + " y z " + strings.Repeat("Q", 700),
		strings.Repeat("ab cd ", 600), strings.Repeat("Long-word ", 300) + strings.Repeat("é", 400)}
	files, _ := filepath.Glob("testdata/*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || len(b) > 1<<20 {
			continue
		}
		s := string(b)
		texts = append(texts, s, s[:len(s)/3], s[len(s)/7:], strings.ToUpper(s))
	}
	alphabet := []string{"a", "B", "z", "Z", "0", "9", " ", " ", ",", ".", "-", "\n", "\x00", "é", "É", "İ", "Σ", "ß",
		"日", "١", "Ⅻ", "\xff", "\xc3", "\uFFFD", "\u00a0", "word", "WORD", "Ǆ"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 400 {
		var b strings.Builder
		for range rng.IntN(1200) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestFingerprintReference checks that Fingerprint gives fingerprintReference's value.
func TestFingerprintReference(t *testing.T) {
	for _, text := range fingerprintTexts(t) {
		if got, want := Fingerprint(text), fingerprintReference(text); got != want {
			t.Errorf("Fingerprint(%.60q) = %x, want %x", text, got, want)
		}
	}
}

// FuzzFingerprint checks that Fingerprint gives fingerprintReference's value.
func FuzzFingerprint(f *testing.F) {
	for _, text := range fingerprintTexts(f)[:20] {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := Fingerprint(text), fingerprintReference(text); got != want {
			t.Errorf("Fingerprint(%q) = %x, want %x", text, got, want)
		}
	})
}
