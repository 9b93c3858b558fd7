package document

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/fetch"
)

// readAllDocs drains a source, collecting documents and per-line errors.
func readAllDocs(t *testing.T, src *Source) ([]event.Document, []error) {
	t.Helper()
	var docs []event.Document
	var errs []error
	for {
		doc, err := src.Next(context.Background())
		if err == io.EOF {
			return docs, errs
		}
		var le *LineError
		if err != nil && !errors.As(err, &le) {
			t.Fatalf("Next: %v", err)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, doc)
	}
}

func TestLoadTextFiles(t *testing.T) {
	tests := []struct {
		file, format string
		want         string // a substring of the text
		wantErr      error
	}{
		{"article.txt", "auto", "At least seven civilians were killed", nil},
		{"article.txt", "text", "monitoring group said.\n\nThe group", nil},
		{"crlf-latin1.txt", "auto", "Line one of a report.\nLine two of the report, with caf\uFFFD in Latin-1.\nLine three\nends here.\n", nil},
		{"empty.txt", "auto", "", ErrEmpty},
		{"blank.txt", "text", "", ErrEmpty},
		{"random.bin", "auto", "", ErrBinary},
		{"image.png", "text", "", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, err := Load(context.Background(), filepath.Join("testdata", tt.file), nil, Options{Format: tt.format})
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			doc, err := src.Next(context.Background())
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if !strings.Contains(doc.Text, tt.want) {
				t.Errorf("text %q does not contain %q", doc.Text, tt.want)
			}
			if !strings.HasPrefix(doc.ID, "c") || len(doc.ID) != 1+idDigits {
				t.Errorf("id %q: want c + %d hex digits", doc.ID, idDigits)
			}
			if _, err := src.Next(context.Background()); err != io.EOF {
				t.Errorf("second Next: %v, want io.EOF", err)
			}
		})
	}
}

func TestLoadJSONL(t *testing.T) {
	src, err := Load(context.Background(), "testdata/docs.jsonl", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	docs, errs := readAllDocs(t, src)
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	wantIDs := []string{"a1", ID("https://news.example.org/b2", ""), "c3", "h8"}
	if strings.Join(ids, ",") != strings.Join(wantIDs, ",") {
		t.Fatalf("ids %v, want %v", ids, wantIDs)
	}
	if got := docs[0].Published.String(); got != "2024-03-05" || docs[0].Title != "Ambush" ||
		docs[0].URL != "https://news.example.org/a1" {
		t.Errorf("first document metadata: %+v", docs[0])
	}
	if got := docs[2].Published.String(); got != "2024-03-10" {
		t.Errorf("RFC 3339 published: %q", got)
	}
	wantLines := []int{5, 6, 7, 8}
	wantErrs := []error{ErrInvalidLine, ErrInvalidLine, ErrInvalidLine, ErrBinary}
	if len(errs) != len(wantLines) {
		t.Fatalf("line errors %v, want %d", errs, len(wantLines))
	}
	for i, err := range errs {
		var le *LineError
		if !errors.As(err, &le) || le.Line != wantLines[i] || !errors.Is(err, wantErrs[i]) {
			t.Errorf("error %d: %v, want line %d %v", i, err, wantLines[i], wantErrs[i])
		}
	}
}

func TestLoadPublishedOverride(t *testing.T) {
	d := event.NewDate(2016, 10, 5)
	src, err := Load(context.Background(), "testdata/docs.jsonl", nil, Options{Published: &d})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := readAllDocs(t, src)
	for _, doc := range docs {
		if doc.Published.String() != "2016-10-05" {
			t.Errorf("%s: published %v, want the override", doc.ID, doc.Published)
		}
	}
}

func TestLoadStdinSniffs(t *testing.T) {
	tests := []struct {
		in     string
		nDocs  int
		want   string
		format string
	}{
		{"  plain words about an attack on a village\n", 1, "plain words", "auto"},
		{`{"text":"one"}` + "\n" + `{"text":"two"}`, 2, "two", "auto"},
		{`{"text":"as text"}`, 1, `{"text":"as text"}`, "text"},
		{"\xEF\xBB\xBF" + `{"text":"after a byte order mark"}`, 1, "after a byte order mark", "auto"},
	}
	for _, tt := range tests {
		src, err := Load(context.Background(), "-", strings.NewReader(tt.in), Options{Format: tt.format})
		if err != nil {
			t.Fatal(err)
		}
		docs, errs := readAllDocs(t, src)
		if len(docs) != tt.nDocs || len(errs) != 0 || !strings.Contains(docs[len(docs)-1].Text, tt.want) {
			t.Errorf("%q: docs %+v errs %v", tt.in, docs, errs)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("word ", 300)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		arg     string
		opts    Options
		wantErr error
		msg     string
	}{
		{big, Options{MaxBytes: 1 << 10}, ErrTooLarge, "limit of 1 KB (raise it with --max-bytes)"},
		{"testdata/article.txt", Options{Format: "pdf"}, ErrFormat, "pdf"},
		{filepath.Join(dir, "missing.txt"), Options{}, os.ErrNotExist, "missing.txt"},
		{dir, Options{}, nil, "is a directory"},
		{"ftp://example.org/report.txt", Options{}, fetch.ErrScheme, `"ftp"`},
		{"", Options{}, nil, "no input"},
	}
	for _, tt := range tests {
		_, err := Load(context.Background(), tt.arg, nil, tt.opts)
		if err == nil || (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("Load(%s): %v, want %v mentioning %q", tt.arg, err, tt.wantErr, tt.msg)
		}
	}
	if _, err := Load(context.Background(), "-", nil, Options{}); err == nil {
		t.Error("Load(-) without stdin: no error")
	}
	_, err := Load(context.Background(), "-", strings.NewReader(strings.Repeat("x", 2048)), Options{MaxBytes: 1 << 10})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("stdin over the limit: %v", err)
	}
}

// TestLoadRefusesHugeFile uses a sparse 200 MB file: the refusal comes from its size, before any reading.
func TestLoadRefusesHugeFile(t *testing.T) {
	huge := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = Load(context.Background(), huge, nil, Options{})
	want := "the file (200 MB) is larger than the limit of 50 MB (raise it with --max-bytes)"
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want ErrTooLarge with %q", err, want)
	}
}

func TestEmptyJSONL(t *testing.T) {
	src, err := Load(context.Background(), "-", strings.NewReader("\n\n"), Options{Format: "jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.Next(context.Background()); !errors.Is(err, ErrEmpty) {
		t.Fatalf("got %v, want ErrEmpty", err)
	}
	if _, err := src.Next(context.Background()); err != io.EOF {
		t.Fatalf("then %v, want io.EOF", err)
	}
}

// pipeThenBlock gives its data, then blocks until release is closed: a pipe whose writer has more to send.
type pipeThenBlock struct {
	data    io.Reader
	release chan struct{}
}

func (p *pipeThenBlock) Read(b []byte) (int, error) {
	if n, err := p.data.Read(b); n > 0 || err != io.EOF {
		return n, err
	}
	<-p.release
	return 0, io.EOF
}

// TestLoadStdinStreamsJSONL: a JSON Lines document on standard input is read as soon as its line has come, not
// once the format sniffing's 8 KiB have: the pipe's writer may wait before it sends more. (Before, Load blocked.)
func TestLoadStdinStreamsJSONL(t *testing.T) {
	for _, first := range []string{`{"text":"Gunmen attacked a market in Gao."}` + "\n", "\xEF\xBB\xBF \n" + `{"text":"Gunmen attacked a market in Gao."}` + "\n"} {
		in := &pipeThenBlock{data: iotest.OneByteReader(strings.NewReader(first)), release: make(chan struct{})}
		got := make(chan string, 1)
		go func() {
			src, err := Load(context.Background(), "-", in, Options{})
			if err != nil {
				got <- err.Error()
				return
			}
			doc, err := src.Next(context.Background())
			if err != nil {
				got <- err.Error()
				return
			}
			got <- doc.Text
		}()
		select {
		case text := <-got:
			if !strings.Contains(text, "Gunmen attacked") {
				t.Errorf("%q: got %q", first, text)
			}
		case <-time.After(20 * time.Second): // a liveness bound: the document is ready long before
			t.Errorf("%q: the first document was not read while the pipe stayed open", first)
		}
		close(in.release)
	}
}
