package document

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// TestJSONLStreamBoundedMemory feeds 100k generated lines through a pipe and checks that the heap after reading
// them all is not larger than a small multiple of the heap after the first thousand: nothing accumulates.
func TestJSONLStreamBoundedMemory(t *testing.T) {
	const n = 100_000
	pr, pw := io.Pipe()
	go func() {
		for i := range n {
			fmt.Fprintf(pw, `{"id":"d%d","text":"Report %d: shelling was reported near the town on Monday, killing %d people and wounding others, a monitor said."}`+"\n", i, i, i%50)
		}
		pw.Close()
	}()
	src, err := Load(context.Background(), "-", pr, Options{Format: "jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	var early, late runtime.MemStats
	count := 0
	for {
		doc, err := src.Next(context.Background())
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("d%d", count); doc.ID != want {
			t.Fatalf("document %d has id %q, want %q", count, doc.ID, want)
		}
		count++
		if count == 1000 {
			runtime.GC()
			runtime.ReadMemStats(&early)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&late)
	if count != n {
		t.Fatalf("read %d documents, want %d", count, n)
	}
	// 100k documents of ~120 bytes would hold over 12 MB if kept; allow 4 MB of noise.
	if late.HeapAlloc > early.HeapAlloc+4<<20 {
		t.Fatalf("heap grew from %d to %d bytes over the stream", early.HeapAlloc, late.HeapAlloc)
	}
}

func TestJSONLLongLineSkipped(t *testing.T) {
	in := `{"id":"a","text":"short"}` + "\n" + `{"id":"b","text":"` + strings.Repeat("x", 5000) + `"}` + "\n" +
		`{"id":"c","text":"after"}` + "\n"
	src, err := Load(context.Background(), "-", strings.NewReader(in), Options{Format: "jsonl", MaxBytes: 1 << 10})
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := readAllDocs(t, src)
	if len(docs) != 2 || docs[0].ID != "a" || docs[1].ID != "c" {
		t.Fatalf("docs %+v", docs)
	}
	var le *LineError
	if len(errs) != 1 || !errors.As(errs[0], &le) || le.Line != 2 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("errors %v, want one ErrTooLarge on line 2", errs)
	}
}

func TestJSONLNoFinalNewlineAndCRLF(t *testing.T) {
	in := "{\"id\":\"a\",\"text\":\"one\"}\r\n{\"id\":\"b\",\"text\":\"two\"}"
	src, err := Load(context.Background(), "-", strings.NewReader(in), Options{Format: "jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := readAllDocs(t, src)
	if len(docs) != 2 || len(errs) != 0 || docs[1].Text != "two" {
		t.Fatalf("docs %+v errs %v", docs, errs)
	}
}

func TestNextHonoursContext(t *testing.T) {
	src, err := Load(context.Background(), "-", strings.NewReader(`{"text":"x"}`), Options{Format: "jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := src.Next(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Two killed.","published":"2024-01-02","url":"https://x.org/a"}`))
	f.Add([]byte(`{"html":"<html><body><p>x</p></body></html>","url":"http://[::1]:80/"}`))
	f.Add([]byte(`{"text":"\u0000","published":"2024-01-02T03:04:05Z"}`))
	f.Add([]byte("{\"text\":\"\xff\xfe bad utf8\"}\n\n{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := Load(context.Background(), "-", strings.NewReader(string(data)), Options{Format: "jsonl", MaxBytes: 1 << 16})
		if err != nil {
			t.Fatal(err)
		}
		for range 100 {
			doc, err := src.Next(context.Background())
			if err == io.EOF {
				return
			}
			var le *LineError
			if err != nil && !errors.As(err, &le) && !errors.Is(err, ErrEmpty) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			if err == nil && (doc.ID == "" || strings.TrimSpace(doc.Text) == "") {
				t.Fatalf("document without id or text: %+v", doc)
			}
		}
	})
}

func BenchmarkJSONL(b *testing.B) {
	var in strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&in, `{"id":"d%d","url":"https://news.example.org/%d","published":"2024-05-0%d","text":"Report %d: shelling was reported near the town on Monday, killing %d people and wounding others, a monitor said. Residents fled towards the hills overnight."}`+"\n", i, i, 1+i%9, i, i%50)
	}
	data := in.String()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		src, err := Load(context.Background(), "-", strings.NewReader(data), Options{Format: "jsonl"})
		if err != nil {
			b.Fatal(err)
		}
		for {
			if _, err := src.Next(context.Background()); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestParseLineOutlet(t *testing.T) {
	tests := []struct{ line, want string }{
		{`{"text":"Shelling hit the town.","publisher":"Harbor Daily"}`, "Harbor Daily"},
		{`{"text":"Shelling hit the town.","source":"Meridian Wire"}`, "Meridian Wire"},
		{`{"text":"Shelling hit the town.","publisher":"Harbor Daily","source":"Meridian Wire"}`, "Harbor Daily"},
		{`{"text":"Shelling hit the town."}`, ""},
	}
	for _, tt := range tests {
		doc, err := ParseLine(context.Background(), []byte(tt.line))
		if err != nil || doc.Publisher != tt.want {
			t.Errorf("ParseLine(%s) publisher %q, %v; want %q", tt.line, doc.Publisher, err, tt.want)
		}
	}
}
