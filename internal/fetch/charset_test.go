package fetch

import (
	"testing"
	"unicode/utf8"
)

func TestToUTF8(t *testing.T) {
	tests := []struct {
		body, ctype, media, want, charset string
	}{
		{"plain ascii", "text/plain", "text/plain", "plain ascii", "utf-8"},
		{"\xEF\xBB\xBFbom", "text/plain", "text/plain", "bom", "utf-8"},
		{"caf\xe9", "text/plain", "text/plain", "café", "windows-1252"},
		{"caf\xc3\xa9", "text/plain", "text/plain", "café", "utf-8"},
		{"bad \xff\xfe utf8 \xc3\xa9", "text/plain; charset=utf-8", "text/plain", "bad \uFFFD utf8 é", "utf-8"},
		{"\xc4\xe5\xed\xfc", "text/html; charset=windows-1251", "text/html", "День", "windows-1251"},
		{"\x00\x01binary", "image/png", "image/png", "\x00\x01binary", ""},
	}
	for _, tt := range tests {
		got, cs := toUTF8([]byte(tt.body), tt.ctype, tt.media)
		if string(got) != tt.want || cs != tt.charset {
			t.Errorf("toUTF8(%q, %q) = %q, %q; want %q, %q", tt.body, tt.ctype, got, cs, tt.want, tt.charset)
		}
	}
}

func FuzzToUTF8(f *testing.F) {
	f.Add([]byte("<meta charset=shift_jis>\x82\xa0"), "text/html")
	f.Add([]byte("<?xml version='1.0' encoding='koi8-r'?>\xf0"), "application/xml")
	f.Fuzz(func(t *testing.T, body []byte, ctype string) {
		out, _ := toUTF8(body, ctype, "text/html")
		if !utf8.Valid(out) {
			t.Fatalf("output is not UTF-8: %q", out)
		}
	})
}
