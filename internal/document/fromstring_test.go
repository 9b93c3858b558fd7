package document

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unsafe"
)

// TestFromStringMatchesFromText checks that a text already in a string is read as its bytes are, and is held
// as it is (not copied) when nothing in it needs repair.
func TestFromStringMatchesFromText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		shared  bool // the document's text is the input's memory
		wantErr error
	}{
		{"plain", "Two people were killed in an air strike.\n", "Two people were killed in an air strike.\n", true, nil},
		{"utf-8 bom", "\xEF\xBB\xBFShelling hit Kharkiv.", "Shelling hit Kharkiv.", true, nil},
		{"crlf", "Line one.\r\nLine two.\rLine three.", "Line one.\nLine two.\nLine three.", false, nil},
		{"invalid utf-8", "caf\xe9 bombed.", "caf\uFFFD bombed.", false, nil},
		{"utf-16 le", "\xff\xfeH\x00i\x00.\x00", "Hi.", false, nil},
		{"utf-16 be", "\xfe\xff\x00H\x00i\x00.", "Hi.", false, nil},
		{"binary", "PNG\x00\x00\x01\x02", "", false, ErrBinary},
		{"blank", " \n\t\n", "", false, ErrEmpty},
		{"empty", "", "", false, ErrEmpty},
		// only the first 8 KiB decide whether the input is binary
		{"nul after the sniffed head", strings.Repeat("a", sniffLen) + "\x00", strings.Repeat("a", sniffLen) + "\x00", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := FromString(tt.in, "in.txt")
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err %v, want %v", err, tt.wantErr)
			}
			old, oldErr := FromText([]byte(tt.in), "in.txt")
			if (err == nil) != (oldErr == nil) || err != nil && err.Error() != oldErr.Error() {
				t.Errorf("FromString err %v, FromText err %v", err, oldErr)
			}
			if err != nil {
				if !strings.HasPrefix(err.Error(), "in.txt: ") {
					t.Errorf("err %q does not name the input", err)
				}
				return
			}
			if doc.Text != tt.want {
				t.Errorf("text %q, want %q", doc.Text, tt.want)
			}
			if doc != old {
				t.Errorf("FromString %+v, FromText %+v", doc, old)
			}
			shared := len(doc.Text) <= len(tt.in) &&
				unsafe.StringData(doc.Text) == unsafe.StringData(tt.in[len(tt.in)-len(doc.Text):])
			if shared != tt.shared {
				t.Errorf("text shares the input's memory: %v, want %v", shared, tt.shared)
			}
		})
	}
}

func TestReadString(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		limit    int64
		sizeHint int64
		wantErr  error
	}{
		{"under the limit", "abc", 10, 3, nil},
		{"at the limit", "abcdefghij", 10, 10, nil},
		{"over the limit", "abcdefghijk", 10, 0, ErrTooLarge},
		{"hint over the limit", "abcdefghijk", 10, 1 << 40, ErrTooLarge},
		{"no hint", strings.Repeat("x", 100<<10), 1 << 20, 0, nil},
		{"no hint, many chunks", strings.Repeat("y", 9<<20+5), 10 << 20, 0, nil},
		{"no hint, chunks over the limit", strings.Repeat("z", 300<<10), 200 << 10, 0, ErrTooLarge},
		{"hint under the size", strings.Repeat("w", 300<<10), 1 << 20, 10, nil},
		{"empty", "", 10, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readString(strings.NewReader(tt.in), tt.limit, "in", tt.sizeHint)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err %v, want %v", err, tt.wantErr)
			}
			if err == nil && got != tt.in {
				t.Errorf("read %d bytes, want %d", len(got), len(tt.in))
			}
		})
	}
}

// TestLoadTextFromStdin reads a text from standard input (no size known) as a file is read.
func TestLoadTextFromStdin(t *testing.T) {
	text := strings.Repeat("Shelling hit the town on Monday.\n\n", 4000)
	src, err := Load(context.Background(), "-", strings.NewReader(text), Options{Format: FormatText})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	doc, err := src.Next(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want, _ := FromText([]byte(text), "-")
	if doc.Text != text || doc.ID != want.ID || doc.Language != want.Language {
		t.Errorf("document %q (%d bytes) language %q, want %q language %q", doc.ID, len(doc.Text), doc.Language,
			want.ID, want.Language)
	}
}
