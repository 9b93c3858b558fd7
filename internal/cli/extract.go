package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"time"
	"unicode/utf8"

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
	fs.StringVar(&f.format, "format", "", "output `format`: json, jsonl or text (default json; jsonl for JSON Lines input, by flag, .jsonl/.ndjson name or content)")
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
	if f.format == "" && f.inputFormat == "jsonl" {
		f.format = "jsonl"
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
	if f.format == "" { // a JSON Lines stream (by flag, suffix or content) answers in JSON Lines, anything else in JSON
		f.format = "json"
		if src.Stream() {
			f.format = "jsonl"
		}
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	x := &extraction{e: e, f: f, eng: eng, out: out, stream: src.Stream(), input: arg}
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
	stream    bool   // jsonl input: report each failure on stderr as it happens
	input     string // the FILE, URL or - argument, for messages
	language  string // the language of a single document (text or HTML input)
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
	if !x.stream {
		return x.runOne(ctx, src)
	}
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

// runOne extracts the one document of a text or HTML input and writes each event as soon as the engine finds
// it, so that the events of a long document are never all held in memory.
func (x *extraction) runOne(ctx context.Context, src *document.Source) error {
	doc, err := src.Next(ctx)
	if err != nil {
		return documentError(err)
	}
	defer paceForText(len(doc.Text))()
	x.language = doc.Language
	rw := x.writer(doc)
	ents, err := x.eng.ExtractEach(ctx, doc, rw.event)
	if rw.err != nil {
		return fmt.Errorf("extract: write: %w", rw.err)
	}
	x.documents++
	if err != nil {
		x.failed++
		x.lastErr = err
		if rw.n == 0 && !errors.Is(err, extract.ErrUnsupportedLanguage) {
			return nil // nothing written, as for a failed document of a stream
		}
		// An unsupported language gets its (empty) result; a reading stopped after some events were written
		// (cancelled) still ends its JSON, and the exit status tells it failed.
	}
	if err := rw.end(ents.All()); err != nil {
		return fmt.Errorf("extract: write: %w", err)
	}
	return nil
}

// paceForText keeps the heap near what the reading of a long document needs. Its text is live from the first
// window to the last and never garbage, yet the collector's default pacing (GOGC=100) lets the heap grow by as
// much as is live, text included, before it collects: a 50 MB text would let 50 MB more garbage pile up. The
// soft memory limit set here paces the collector as if the text were not on the heap, with room for the
// entities the windows add (at most a quarter of the text's size). It does nothing for a text under 1 MiB or
// when a limit is set already (GOMEMLIMIT); the func it returns restores the previous limit.
func paceForText(textBytes int) func() {
	prev := debug.SetMemoryLimit(-1)
	if textBytes < 1<<20 || prev != math.MaxInt64 {
		return func() {}
	}
	runtime.GC() // what is live now: the engine, its tables and the text
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/free:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	inUse := int64(s[0].Value.Uint64() - s[1].Value.Uint64() - s[2].Value.Uint64())
	live := int64(s[3].Value.Uint64())
	text := int64(textBytes)
	debug.SetMemoryLimit(inUse + max(live-text, 0) + text/4)
	return func() { debug.SetMemoryLimit(prev) }
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
	return x.write(r)
}

// write writes a whole result.
func (x *extraction) write(r event.Result) error {
	rw := x.writer(r.Document)
	for _, ev := range r.Events {
		if rw.event(ev) != nil {
			break
		}
	}
	err := rw.err
	if err == nil {
		err = rw.end(slices.Values(r.Entities))
	}
	if err != nil {
		return fmt.Errorf("extract: write: %w", err)
	}
	return nil
}

// writer starts the result of doc in the chosen format.
func (x *extraction) writer(doc event.Document) *resultWriter {
	if x.f.noText {
		doc.Text = ""
	}
	return &resultWriter{w: x.out, format: x.f.format, doc: doc}
}

// verdict turns per-document failures into the exit status: any failed document makes the run exit with
// ExitInput after every other document has been written.
func (x *extraction) verdict() error {
	switch {
	case x.failed == 0:
		return nil
	case !x.stream && errors.Is(x.lastErr, extract.ErrUnsupportedLanguage):
		return inputError{fmt.Errorf("extract: %s: %w", inputName(x.input), extract.UnsupportedLanguage(x.language))}
	case !x.stream:
		return inputError{x.lastErr}
	default:
		return inputError{fmt.Errorf("extract: %d of %d documents failed (reasons above)", x.failed, x.documents)}
	}
}

// inputName is how messages name the input argument.
func inputName(arg string) string {
	if arg == "-" {
		return "standard input"
	}
	return arg
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

// documentError classifies an error from reading input: unusable input (including a file that does not exist or
// is a directory, as for geoparse and ingest) exits with ExitInput, the rest (I/O, network) with ExitError.
func documentError(err error) error {
	if errors.Is(err, fetch.ErrPrivateAddress) {
		return inputError{fmt.Errorf("extract: %w (pass --allow-private to fetch from your own network)", err)}
	}
	for _, target := range []error{document.ErrTooLarge, document.ErrBinary, document.ErrNoArticle, document.ErrEmpty,
		fetch.ErrPrivateAddress, fetch.ErrTooLarge, fetch.ErrScheme, fetch.ErrStatus, fetch.ErrRobots,
		fetch.ErrTooManyRedirects, fetch.ErrEncoding, fs.ErrNotExist, document.ErrDirectory} {
		if errors.Is(err, target) {
			return inputError{fmt.Errorf("extract: %w", err)}
		}
	}
	return fmt.Errorf("extract: %w", err)
}

// resultWriter writes one result piece by piece: the document, each event as it comes, then the entities. The
// bytes are those encoding/json gives for the whole event.Result (indented for json, one line for jsonl), and the
// text report for text, but no piece larger than one event, one entity or 32 KiB of the document's text is ever
// encoded in memory.
type resultWriter struct {
	w      *bufio.Writer
	format string // json, jsonl or text
	doc    event.Document
	n      int   // events written
	err    error // the first error, after which nothing more is written
	buf    bytes.Buffer
}

// Write writes p unless an earlier write failed.
func (rw *resultWriter) Write(p []byte) (int, error) {
	if rw.err != nil {
		return 0, rw.err
	}
	n, err := rw.w.Write(p)
	rw.err = err
	return n, err
}

func (rw *resultWriter) str(s string) { rw.Write([]byte(s)) }

// event writes the next event, after the document when it is the first.
func (rw *resultWriter) event(ev event.Event) error {
	if rw.n == 0 {
		rw.begin()
	}
	rw.n++
	switch {
	case rw.format == "text":
		writeTextEvent(rw, rw.n, ev)
		return rw.err
	case rw.n > 1:
		rw.str(",")
	}
	if rw.format == "json" {
		rw.str("\n    ")
	}
	rw.piece(ev, "    ")
	return rw.err
}

// end writes the entities, made one at a time, and closes the result.
func (rw *resultWriter) end(ents iter.Seq[event.Entity]) error {
	if rw.n == 0 {
		rw.begin()
	}
	if rw.format == "text" {
		writeTextFooter(rw, rw.n)
		return rw.err
	}
	indent := rw.format == "json"
	if indent && rw.n > 0 {
		rw.str("\n  ")
	}
	rw.str("]")
	n := 0
	for e := range ents {
		if n == 0 {
			rw.str(rw.pick(`,"entities":[`, ",\n  \"entities\": ["))
		} else {
			rw.str(",")
		}
		n++
		rw.str(rw.pick("", "\n    "))
		rw.piece(e, "    ")
		if rw.err != nil {
			return rw.err
		}
	}
	if n > 0 {
		rw.str(rw.pick("]", "\n  ]"))
	}
	rw.str(rw.pick("}\n", "\n}\n"))
	return rw.err
}

// begin writes what comes before the events: the schema and the document.
func (rw *resultWriter) begin() {
	if rw.format == "text" {
		writeTextHeader(rw, rw.doc)
		return
	}
	rw.str(rw.pick(`{"schema":`, "{\n  \"schema\": "))
	rw.piece(event.Schema, "  ")
	rw.str(rw.pick(`,"document":`, ",\n  \"document\": "))
	doc := rw.doc
	text := doc.Text
	doc.Text = "" // the last field of a document, written below in pieces
	head, tail := rw.encode(doc, "  "), rw.pick("}", "\n  }")
	if text == "" || !bytes.HasSuffix(head, []byte(tail)) {
		rw.Write(head)
	} else {
		rw.Write(head[:len(head)-len(tail)])
		rw.str(rw.pick(`,"text":"`, ",\n    \"text\": \""))
		rw.text(text)
		rw.str(`"` + tail)
	}
	rw.str(rw.pick(`,"events":[`, ",\n  \"events\": ["))
}

// text writes s as the inside of a JSON string, encoded in pieces cut at rune starts.
func (rw *resultWriter) text(s string) {
	for len(s) > 0 && rw.err == nil {
		n := min(len(s), 32<<10)
		for n < len(s) && !utf8.RuneStart(s[n]) {
			n++
		}
		b := rw.encode(s[:n], "")
		rw.Write(b[1 : len(b)-1])
		s = s[n:]
	}
}

// piece writes v encoded, its lines after the first indented by prefix in the json format.
func (rw *resultWriter) piece(v any, prefix string) { rw.Write(rw.encode(v, prefix)) }

// encode returns v as encoding/json writes it in the chosen format (HTML left unescaped), without the final
// newline; the bytes are valid until the next call. An error is kept in rw.err.
func (rw *resultWriter) encode(v any, prefix string) []byte {
	rw.buf.Reset()
	enc := json.NewEncoder(&rw.buf)
	enc.SetEscapeHTML(false)
	if rw.format == "json" {
		enc.SetIndent(prefix, "  ")
	}
	if err := enc.Encode(v); err != nil && rw.err == nil {
		rw.err = err
	}
	return bytes.TrimSuffix(rw.buf.Bytes(), []byte("\n"))
}

// pick returns compact for the jsonl format and indented for json.
func (rw *resultWriter) pick(compact, indented string) string {
	if rw.format == "json" {
		return indented
	}
	return compact
}
