package queue

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"nats://127.0.0.1:4222", "nats://127.0.0.1:4222"},
		{"nats://user:secret@host:4222", "nats://user:xxxxx@host:4222"},
		{"nats://tok3n@host:4222,nats://other:4222", "nats://xxxxx@host:4222,nats://other:4222"},
	} {
		if got := redact(tc.in); got != tc.want || strings.Contains(got, "secret") || strings.Contains(got, "tok3n") {
			t.Errorf("redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHeaderValue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"plain reason", 100, "plain reason"},
		{"line one\r\nline two\n", 100, "line one line two"},
		{"abcdef", 3, "abc..."},
		{"ééé", 3, "é..."},
	} {
		got := headerValue(tc.in, tc.n)
		if got != tc.want || !utf8.ValidString(got) {
			t.Errorf("headerValue(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"id":"a","text":"x"}`, `{"id":""}`, `[]`, `{"published":"2026-13-40"}`, "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := decode(data)
		if err == nil && doc.ID == "" {
			t.Fatal("decoded a document without an id")
		}
		if err != nil && !IsPermanent(err) {
			t.Fatalf("decode error %v is not permanent", err)
		}
	})
}
