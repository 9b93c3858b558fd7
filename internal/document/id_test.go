package document

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://News.Example.org:443/a?utm_source=x&b=2&a=1#frag", "https://news.example.org/a?a=1&b=2"},
		{"http://example.org", "http://example.org/"},
		{"http://example.org:8080/x?fbclid=1", "http://example.org:8080/x"},
		{"http://user:pw@example.org/x", "http://example.org/x"},
		{"http://[2001:DB8::1]:80/", "http://[2001:db8::1]/"},
		{"http://[2001:db8::1]:8080/", "http://[2001:db8::1]:8080/"},
		{"ftp://example.org/x", ""},
		{"/relative/path", ""},
		{"not a url", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestID(t *testing.T) {
	a, b := ID("https://example.org/x?utm_medium=rss", "text one"), ID("https://EXAMPLE.org/x", "text two")
	if a != b || a[0] != 'u' {
		t.Errorf("same canonical URL, different ids: %q %q", a, b)
	}
	c, d := ID("", "text one"), ID("", "text two")
	if c == d || c[0] != 'c' || len(c) != 1+idDigits {
		t.Errorf("content ids %q %q", c, d)
	}
	if ID("", "text one") != c {
		t.Error("content id is not stable")
	}
}

func TestIsBinary(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"plain text\n\twith tabs\r\n", false},
		{"a\x00b", true},
		{"\x01\x02\x03\x04 mostly control", true},
		{"one \x07 bell in a long enough line of ordinary text", false},
		{"", false},
		{"\x1b[31mcoloured\x1b[0m", false},
	}
	for _, tt := range tests {
		if got := IsBinary([]byte(tt.in)); got != tt.want {
			t.Errorf("IsBinary(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSniffFormat(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\xEF\xBB\xBF  {\"text\":1}", FormatJSONL},
		{"<!DOCTYPE html><html>", FormatHTML},
		{"\n<HTML lang=en>", FormatHTML},
		{"<div>x</div>", FormatHTML},
		{"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC><html xmlns=x>", FormatHTML},
		{"Plain <b>text</b> mention", FormatText},
		{"", FormatText},
	}
	for _, tt := range tests {
		if got := sniffFormat([]byte(tt.in)); got != tt.want {
			t.Errorf("sniffFormat(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestIDRule pins the documented id rule, so stored ids stay valid across versions.
func TestIDRule(t *testing.T) {
	long := strings.Repeat("Shelling reported near the town. ", 5000) // over one hashing chunk
	for _, text := range []string{"short text", long} {
		sum := sha256.Sum256([]byte(text))
		if want := "c" + hex.EncodeToString(sum[:])[:24]; ID("", text) != want {
			t.Errorf("ID of a %d-byte text = %q, want %q", len(text), ID("", text), want)
		}
	}
	sum := sha256.Sum256([]byte("https://example.org/a?b=1"))
	if want := "u" + hex.EncodeToString(sum[:])[:24]; ID("HTTPS://example.org:443/a?b=1#x", "") != want {
		t.Errorf("URL id = %q, want %q", ID("HTTPS://example.org:443/a?b=1#x", ""), want)
	}
}

// TestIsBinaryReference checks IsBinary against a byte-by-byte count on random inputs of text, control bytes,
// DEL, NUL and high bytes at every alignment, up to past sniffLen.
func TestIsBinaryReference(t *testing.T) {
	reference := func(b []byte) bool {
		b = b[:min(len(b), sniffLen)]
		ctl := 0
		for _, c := range b {
			switch {
			case c == 0:
				return true
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b, c == 0x7f:
				ctl++
			}
		}
		return len(b) > 0 && ctl*10 > len(b)
	}
	alphabet := []byte{'a', 'Z', ' ', '\n', '\t', '\r', '\f', 0x1b, 0x01, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xff, 0xc3, 0}
	rng := rand.New(rand.NewPCG(3, 4))
	binary := 0
	for n := range 3000 {
		b := make([]byte, rng.IntN(64)+n%3*rng.IntN(sniffLen+64))
		rate := rng.IntN(40) + 1 // one byte in rate from the whole alphabet, the others text
		for i := range b {
			if rng.IntN(rate) == 0 {
				b[i] = alphabet[rng.IntN(len(alphabet)-n%2)] // NUL (the last) only in every other input
			} else {
				b[i] = 'a' + byte(rng.IntN(26))
			}
		}
		got, want := IsBinary(b), reference(b)
		if got != want {
			t.Fatalf("IsBinary(%d bytes %.40q) = %v, want %v", len(b), b, got, want)
		}
		if want {
			binary++
		}
	}
	if binary < 300 || binary > 2700 {
		t.Fatalf("%d of 3000 inputs binary: the inputs do not try both answers enough", binary)
	}
}
