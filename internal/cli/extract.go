package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"

	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/extract"
	"sitrep/internal/fetch"
)

const extractUsage = `[flags] FILE|URL|-

Reads one article (text or HTML) or a JSON Lines stream of documents ({"id","text"|"html","published","url","title"}
per line) and prints the events found, in the sitrep/v1 form (../shared/schema/extract.schema.json).
With jsonl input the output is one result per line, in input order, streamed; a bad line is reported on stderr
with its line number and the stream goes on (exit 3 at the end).`

// extractFlags are the flags of `sitrep extract`.
type extractFlags struct {
	published   string
	format      string
	inputFormat string
	maxBytes    int64
	workers     int
	noText      bool
	engine      engineFlags
	fetch       fetch.Options
}

func parseExtractFlags(e *env, args []string) (*extractFlags, string, error) {
	f := &extractFlags{}
	fs := newFlagSet(e, "extract", extractUsage)
	fs.StringVar(&f.published, "published", "", "publication date `YYYY-MM-DD` to resolve relative dates (default: from metadata)")
	fs.StringVar(&f.format, "format", "", "output `format`: json, jsonl or text (default json; jsonl for jsonl input)")
	fs.StringVar(&f.inputFormat, "input-format", "auto", "input `format`: auto, text, html or jsonl")
	fs.BoolVar(&f.noText, "no-text", false, "omit document.text from the output")
	fs.Int64Var(&f.maxBytes, "max-bytes", 50<<20, "refuse a single document larger than `n` bytes")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "documents extracted in parallel (jsonl input)")
	fs.BoolVar(&f.fetch.AllowPrivate, "allow-private", false, "allow fetching URLs on private, loopback or link-local addresses")
	fs.BoolVar(&f.fetch.IgnoreRobots, "ignore-robots", false, "fetch a URL even when the site's robots.txt disallows it")
	fs.DurationVar(&f.fetch.Timeout, "timeout", 30*time.Second, "time limit for fetching a URL")
	f.engine.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return nil, "", err
	}
	if fs.NArg() != 1 {
		return nil, "", usagef("extract: want one FILE, URL or - (got %d arguments)", fs.NArg())
	}
	switch f.format {
	case "", "json", "jsonl", "text":
	default:
		return nil, "", usagef("extract: unknown --format %q (want json, jsonl or text)", f.format)
	}
	switch f.inputFormat {
	case "auto", "text", "html", "jsonl":
	default:
		return nil, "", usagef("extract: unknown --input-format %q (want auto, text, html or jsonl)", f.inputFormat)
	}
	if f.format == "" {
		f.format = "json"
		if f.inputFormat == "jsonl" {
			f.format = "jsonl"
		}
	}
	if f.workers < 1 {
		return nil, "", usagef("extract: --workers must be at least 1")
	}
	return f, fs.Arg(0), nil
}

func runExtract(ctx context.Context, e *env, args []string) error {
	f, arg, err := parseExtractFlags(e, args)
	if err != nil {
		return err
	}
	published, err := publishedFlag("extract", f.published)
	if err != nil {
		return err
	}
	eng, err := f.engine.build(ctx, e)
	if err != nil {
		return err
	}
	f.fetch.MaxBytes = f.maxBytes
	src, err := document.Load(ctx, arg, e.stdin, document.Options{
		Format: f.inputFormat, MaxBytes: f.maxBytes, Published: published, Fetch: fetch.New(f.fetch),
	})
	if err != nil {
		return documentError(err)
	}
	defer src.Close()
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	x := &extraction{e: e, f: f, eng: eng, out: out, stream: src.Stream()}
	if err := x.run(ctx, src); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("extract: write: %w", err)
	}
	return x.verdict()
}

// extraction streams documents through the engine and writes results in input order.
type extraction struct {
	e         *env
	f         *extractFlags
	eng       *extract.Engine
	out       *bufio.Writer
	stream    bool // jsonl input: report each failure on stderr as it happens
	documents int
	failed    int
	lastErr   error
}

// item is one document read from the source, or the error that replaced it.
type item struct {
	doc     event.Document
	readErr error
}

func (x *extraction) run(ctx context.Context, src *document.Source) error {
	next := func() (item, bool, error) {
		doc, err := src.Next(ctx)
		if errors.Is(err, io.EOF) {
			return item{}, false, nil
		}
		var le *document.LineError
		if err != nil && !errors.As(err, &le) {
			return item{}, false, documentError(err)
		}
		return item{doc: doc, readErr: err}, true, nil
	}
	work := func(ctx context.Context, it item) (event.Result, error) {
		if it.readErr != nil {
			return event.Result{}, it.readErr
		}
		return x.eng.Extract(ctx, it.doc)
	}
	return orderedMap(ctx, x.f.workers, next, work, x.emit)
}

func (x *extraction) emit(it item, r event.Result, err error) error {
	x.documents++
	if err != nil {
		x.failed++
		x.lastErr = err
		if x.stream {
			fmt.Fprintf(x.e.stderr, "sitrep: extract: %s\n", describeFailure(it, err))
		}
		if !errors.Is(err, extract.ErrUnsupportedLanguage) {
			return nil
		}
		// An unsupported language still gets its (empty) result, so a stream keeps one line per document.
		r = event.Result{Schema: event.Schema, Document: it.doc, Events: []event.Event{}}
	}
	if x.f.noText {
		r.Document.Text = ""
	}
	return x.write(r)
}

func (x *extraction) write(r event.Result) error {
	var err error
	switch x.f.format {
	case "text":
		err = writeTextResult(x.out, r)
	case "json":
		enc := json.NewEncoder(x.out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(r)
	default:
		enc := json.NewEncoder(x.out)
		enc.SetEscapeHTML(false)
		err = enc.Encode(r)
	}
	if err != nil {
		return fmt.Errorf("extract: write: %w", err)
	}
	return nil
}

// verdict turns per-document failures into the exit status: any failed document makes the run exit with
// ExitInput after every other document has been written.
func (x *extraction) verdict() error {
	switch {
	case x.failed == 0:
		return nil
	case !x.stream:
		return inputError{x.lastErr}
	default:
		return inputError{fmt.Errorf("extract: %d of %d documents failed (reasons above)", x.failed, x.documents)}
	}
}

func describeFailure(it item, err error) string {
	var le *document.LineError
	if errors.As(err, &le) {
		return fmt.Sprintf("line %d: %v", le.Line, le.Err)
	}
	if it.doc.ID != "" {
		return fmt.Sprintf("document %s: %v", it.doc.ID, err)
	}
	return err.Error()
}

// documentError classifies an error from reading input: unusable input exits with ExitInput, the rest
// (I/O, network) with ExitError.
func documentError(err error) error {
	if errors.Is(err, fetch.ErrPrivateAddress) {
		return inputError{fmt.Errorf("extract: %w (pass --allow-private to fetch from your own network)", err)}
	}
	for _, target := range []error{document.ErrTooLarge, document.ErrBinary, document.ErrNoArticle, document.ErrEmpty,
		fetch.ErrPrivateAddress, fetch.ErrTooLarge, fetch.ErrScheme, fetch.ErrStatus, fetch.ErrRobots,
		fetch.ErrTooManyRedirects, fetch.ErrEncoding} {
		if errors.Is(err, target) {
			return inputError{fmt.Errorf("extract: %w", err)}
		}
	}
	return fmt.Errorf("extract: %w", err)
}
