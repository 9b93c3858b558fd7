package document

import (
	"hash/fnv"
	"os"
	"strings"
	"testing"
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

func TestShingleHashIsFNV1a(t *testing.T) {
	h := fnv.New64a()
	h.Write([]byte("air\x00strike\x00"))
	if got := shingleHash([]string{"air", "strike"}); got != h.Sum64() {
		t.Fatalf("shingleHash = %x, want FNV-1a %x", got, h.Sum64())
	}
}
