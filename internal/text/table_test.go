package text

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestTable checks Table against the map it is built from, for every key and for strings near the keys: their
// prefixes and extensions, one byte changed, a NUL byte added (packed like a shorter key), keys sharing their
// first 8 bytes.
func TestTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	randomWord := func() string {
		b := make([]byte, 1+rng.IntN(14))
		for i := range b {
			b[i] = "abcdefgh\x00'-é"[rng.IntN(12)]
		}
		return string(b)
	}
	big := map[string]int{}
	for len(big) < 3000 {
		big[randomWord()] = rng.IntN(100) + 1
	}
	tests := []struct {
		name string
		m    map[string]int
	}{
		{"empty", map[string]int{}},
		{"nil", nil},
		{"one", map[string]int{"the": 1}},
		{"empty key", map[string]int{"": 5, "a": 6}},
		{"zero value", map[string]int{"zero": 0, "one": 1}},
		{"eight and more", map[string]int{
			"abcdefgh": 1, "abcdefghi": 2, "abcdefghij": 3, "abcdefgh\x00": 4, "abcdefghijklmnopq": 5,
			"abcdefghijklmnop": 6, "a": 7, "a\x00": 8, "a\x00\x00": 9, "ab": 10, "kilomètre": 11,
		}},
		{"words", map[string]int{"killed": 1, "wounded": 2, "said": 3, "soldiers": 4, "gunmen": 5, "n't": 6}},
		{"random", big},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab := NewTable(tc.m)
			check := func(k string) {
				t.Helper()
				want, wantOK := tc.m[k]
				got, ok := tab.Lookup(k)
				if got != want || ok != wantOK || tab.Get(k) != want {
					t.Fatalf("Lookup(%q) = %d, %v; want %d, %v", k, got, ok, want, wantOK)
				}
			}
			check("")
			for k := range tc.m {
				check(k)
				for i := range len(k) + 1 {
					check(k[:i])
				}
				check(k + "\x00")
				check(k + "s")
				check(k + "abcdefghij")
				for i := range len(k) {
					b := []byte(k)
					b[i] ^= 1
					check(string(b))
				}
			}
			for range 20000 {
				check(randomWord())
			}
		})
	}
}

// TestTableZero checks that the zero Table holds no key.
func TestTableZero(t *testing.T) {
	var tab Table[string]
	for _, k := range []string{"", "a", "abcdefghijk"} {
		if v, ok := tab.Lookup(k); v != "" || ok {
			t.Errorf("Lookup(%q) = %q, %v on the zero Table", k, v, ok)
		}
	}
}

func ExampleTable() {
	tab := NewTable(map[string]int{"killed": 1, "wounded": 2})
	fmt.Println(tab.Get("killed"), tab.Get("wounded"), tab.Get("said"))
	// Output: 1 2 0
}
