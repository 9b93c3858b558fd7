package document

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/fetch"
)

// Load opens arg for reading documents: "-" reads stdin, an http(s) URL is fetched with opts.Fetch (or a default
// guarded client), anything else is a file. Call Next until io.EOF, then Close.
func Load(ctx context.Context, arg string, stdin io.Reader, opts Options) (*Source, error) {
	format, err := checkFormat(opts.Format)
	if err != nil {
		return nil, err
	}
	opts.Format = format
	switch {
	case arg == "-" && stdin == nil:
		return nil, errors.New("no standard input to read")
	case arg == "-":
		return loadReader(ctx, "-", stdin, nil, opts, 0)
	case isURL(arg):
		return loadURL(ctx, arg, opts)
	case arg == "":
		return nil, errors.New("no input: give a file, a URL or - for standard input")
	case strings.Contains(arg, "://"):
		scheme, _, _ := strings.Cut(arg, "://")
		return nil, fmt.Errorf("%w %q: give an http(s) URL, a file or -", fetch.ErrScheme, scheme)
	}
	return loadFile(ctx, arg, opts)
}

// isURL reports whether arg is an http(s) URL rather than a file name.
func isURL(arg string) bool {
	l := strings.ToLower(arg)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// loadFile opens a file; JSON Lines are streamed, other formats are read whole under the limit.
func loadFile(ctx context.Context, name string, opts Options) (*Source, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open input: %w", err)
	}
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		f.Close()
		if err == nil {
			err = ErrDirectory
		}
		return nil, fmt.Errorf("open input %s: %w", name, err)
	}
	if f := formatByExt(name); opts.Format == FormatAuto && f != "" {
		opts.Format = f
	}
	if opts.Format != FormatJSONL && st.Mode().IsRegular() && st.Size() > opts.maxBytes() {
		f.Close()
		return nil, fmt.Errorf("%s: %w", name, tooLarge(fmt.Sprintf("the file (%s)", humanBytes(st.Size())), opts.maxBytes()))
	}
	return loadReader(ctx, name, f, f, opts, st.Size())
}

// sniffReader is sniffFormat of br's head. JSON Lines shows in the first byte that is not white space, so that
// byte is all it waits for: a pipe that brings one small document at a time ("tail -f log.jsonl | sitrep ingest
// -") must not be held until sniffLen bytes have come. Text and HTML are read whole anyway.
func sniffReader(br *bufio.Reader) string {
	for br.Buffered() < sniffLen {
		if _, err := br.Peek(br.Buffered() + 1); err != nil {
			break // the input ended: sniff what there is
		}
		head, _ := br.Peek(br.Buffered())
		if len(head) < len(utf8BOM) && strings.HasPrefix(utf8BOM, string(head)) {
			continue // maybe a byte order mark, which sniffFormat skips
		}
		if len(sniffStart(head)) > 0 {
			if f := sniffFormat(head); f == FormatJSONL {
				return f
			}
			break
		}
	}
	head, _ := br.Peek(sniffLen)
	return sniffFormat(head)
}

// loadReader sniffs the format when still unknown, then streams JSON Lines or reads one document. sizeHint is
// the expected size (0 when unknown), to read without growing the buffer.
func loadReader(_ context.Context, name string, r io.Reader, closer io.Closer, opts Options, sizeHint int64) (*Source, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if opts.Format == FormatAuto {
		opts.Format = sniffReader(br)
	}
	if opts.Format == FormatJSONL {
		return newLineSource(name, br, closer, opts), nil
	}
	if opts.Format == FormatText {
		text, err := readString(br, opts.maxBytes(), name, sizeHint)
		if closer != nil {
			closer.Close()
		}
		if err != nil {
			return nil, err
		}
		return textDocument(name, text, opts), nil
	}
	body, err := readAll(br, opts.maxBytes(), name, sizeHint)
	if closer != nil {
		closer.Close()
	}
	if err != nil {
		return nil, err
	}
	return oneDocument(name, body, "", opts), nil
}

// readString reads r whole into a string, refusing more than limit bytes. With a size hint (a file) the text is
// read straight into the memory the document then holds. Without one (a pipe) it is read in chunks, then copied
// once into a string of its exact size: a buffer grown by doubling would pass through one and a half times the
// text and keep up to twice its size for as long as the document lives.
func readString(r io.Reader, limit int64, name string, sizeHint int64) (string, error) {
	lr := io.LimitReader(r, limit+1)
	if sizeHint > 0 {
		var b strings.Builder
		b.Grow(int(min(sizeHint, limit) + 1))
		if _, err := io.Copy(&b, lr); err != nil {
			return "", fmt.Errorf("read %s: %w", name, err)
		}
		if int64(b.Len()) > limit {
			return "", fmt.Errorf("%s: %w", name, tooLarge("the input", limit))
		}
		return b.String(), nil
	}
	var chunks [][]byte
	total := 0
	for size := 64 << 10; ; size = min(2*size, 4<<20) {
		c := make([]byte, size)
		n, err := io.ReadFull(lr, c)
		chunks = append(chunks, c[:n])
		total += n
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("read %s: %w", name, err)
		}
	}
	if int64(total) > limit {
		return "", fmt.Errorf("%s: %w", name, tooLarge("the input", limit))
	}
	var b strings.Builder
	b.Grow(total)
	for i, c := range chunks {
		b.Write(c)
		chunks[i] = nil
	}
	return b.String(), nil
}

// textDocument is a Source of the plain text document in text.
func textDocument(name, text string, opts Options) *Source {
	return newSingleSource(name, nil, opts, func(context.Context) (event.Document, error) {
		return FromString(text, name)
	})
}

// readAll reads r whole, refusing more than limit bytes.
func readAll(r io.Reader, limit int64, name string, sizeHint int64) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, min(max(sizeHint, 0), limit)+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	b := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: %w", name, tooLarge("the input", limit))
	}
	return b, nil
}

// oneDocument is a Source of the text or HTML document in body; pageURL is where it came from ("" for files).
func oneDocument(name string, body []byte, pageURL string, opts Options) *Source {
	return newSingleSource(name, nil, opts, func(ctx context.Context) (event.Document, error) {
		if opts.Format == FormatHTML {
			doc, err := FromHTML(ctx, body, pageURL)
			if err != nil {
				return doc, fmt.Errorf("%s: %w", name, err)
			}
			return doc, nil
		}
		doc, err := FromText(body, name)
		if err == nil && pageURL != "" {
			doc.URL, doc.ID = pageURL, ID(pageURL, doc.Text)
		}
		return doc, err
	})
}

// loadURL fetches a page; the format comes from its Content-Type, then its path's extension, then sniffing.
func loadURL(ctx context.Context, raw string, opts Options) (*Source, error) {
	client := opts.Fetch
	if client == nil {
		client = fetch.New(fetch.Options{MaxBytes: opts.maxBytes()})
	}
	resp, err := client.Get(ctx, raw)
	if errors.Is(err, fetch.ErrTooLarge) {
		return nil, fmt.Errorf("%w: %w (raise it with --max-bytes)", ErrTooLarge, err)
	}
	if err != nil {
		return nil, err
	}
	if opts.Format == FormatAuto {
		opts.Format = urlFormat(resp)
	}
	if opts.Format == FormatJSONL {
		return newLineSource(resp.URL, bytes.NewReader(resp.Body), nil, opts), nil
	}
	return oneDocument(resp.URL, resp.Body, resp.URL, opts), nil
}

// urlFormat picks the format of a fetched page: Content-Type, then the path's extension, then sniffing.
func urlFormat(resp *fetch.Response) string {
	if f := formatByType(resp.ContentType); f != "" {
		return f
	}
	if u, err := url.Parse(resp.URL); err == nil {
		if f := formatByExt(u.Path); f != "" {
			return f
		}
	}
	return sniffFormat(resp.Body)
}
