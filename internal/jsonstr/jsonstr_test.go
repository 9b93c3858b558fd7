package jsonstr

import (
	"encoding/binary"
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"testing"
	"unsafe"
)

// TestUnescape checks Unescape against json.Unmarshal: where Unescape accepts a string's contents, the result
// is json.Unmarshal's and json.Unmarshal accepts it too; where it refuses, json.Unmarshal either refuses or reads
// something Unescape may not claim (U+FFFD for a lone surrogate or invalid UTF-8).
func TestUnescape(t *testing.T) {
	cases := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{`a\"b`, `a"b`, true},
		{`\\\/\b\f\n\r\t`, "\\/\b\f\n\r\t", true},
		{`\u00e9t\u00C9`, "étÉ", true},
		{`\u0000`, "\x00", true},
		{`\ud83d\ude00`, "😀", true},
		{`\ud83d`, "", false},       // a lone high surrogate: json reads U+FFFD
		{`\ude00\ud83d`, "", false}, // reversed
		{`\ud83d\u0041`, "", false}, // a high surrogate then no low one
		{`\x`, "", false},           // not an escape
		{`\u12`, "", false},         // too short
		{`\u12g4`, "", false},       // not hex
		{"caf\xc3\\n", "", false},   // invalid UTF-8 before an escape
		{"d\xc3\xa9j\\u00e0", "déjà", true},
		{`end\`, "", false},
	}
	for _, c := range cases {
		got, ok := Unescape([]byte(c.in))
		if ok != c.wantOK || ok && got != c.want {
			t.Errorf("Unescape(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.wantOK)
		}
		checkAgainstJSON(t, []byte(c.in))
	}
	// Random contents as a caller passes them: no raw quote or control byte (those end or break the string
	// before Unescape is called), escapes valid and not, surrogates, UTF-8 valid and not.
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "b", `\"`, `\\`, `\/`, `\b`, `\n`, `\u`, `\x`, `\`, "0", "d", "D", "8", "c", "e", "F",
		"\xc3\xa9", "\xc3", "\xff", " ", `\ud83d`, `\ude00`, `\u00e9`}
	for range 200000 {
		var b []byte
		for range rng.IntN(8) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		checkAgainstJSON(t, b)
	}
}

// checkAgainstJSON fails t when Unescape accepts s and json.Unmarshal reads the quoted s otherwise.
func checkAgainstJSON(t *testing.T, s []byte) {
	t.Helper()
	for i := 0; i < len(s); i++ { // a raw quote ends the string before its end: not contents a caller passes
		if s[i] == '\\' {
			i++
		} else if s[i] == '"' {
			return
		}
	}
	got, ok := Unescape(s)
	if !ok {
		return
	}
	var want string
	if err := json.Unmarshal(append(append([]byte{'"'}, s...), '"'), &want); err != nil || got != want {
		t.Fatalf("Unescape(%q) = %q; json.Unmarshal reads %q, %v", s, got, want, err)
	}
}

// TestQuiet8 checks Quiet8 against a byte-by-byte reading of every word with one byte of each value at each
// position, in quiet and in noisy surroundings.
func TestQuiet8(t *testing.T) {
	quiet := func(c byte) bool { return c != '"' && c != '\\' && c >= 0x20 }
	for _, bg := range []byte{'a', 0xff, 0x80, ' ', '"', 0x1f} {
		for pos := range 8 {
			for v := range 256 {
				w := [8]byte{bg, bg, bg, bg, bg, bg, bg, bg}
				w[pos] = byte(v)
				want := true
				for _, c := range w {
					want = want && quiet(c)
				}
				if got := Quiet8(binary.LittleEndian.Uint64(w[:])); got != want {
					t.Fatalf("Quiet8(%s) = %v, want %v", strconv.Quote(string(w[:])), got, want)
				}
			}
		}
	}
}

// TestOwnString checks that Unescape's string shares its buffer only when escapes left little of it unused.
func TestOwnString(t *testing.T) {
	for _, c := range []struct {
		len, cap int
		shared   bool
	}{{100, 100, true}, {100, 125, true}, {100, 126, false}, {10, 60, false}, {0, 8, false}} {
		out := make([]byte, c.len, c.cap)
		s := ownString(out)
		if len(s) != c.len {
			t.Fatalf("len %d cap %d: string of %d bytes", c.len, c.cap, len(s))
		}
		if shared := c.len > 0 && unsafe.StringData(s) == unsafe.SliceData(out); shared != c.shared {
			t.Errorf("len %d cap %d: shares the buffer %v, want %v", c.len, c.cap, shared, c.shared)
		}
	}
}
