package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"sitrep/internal/gazetteer"
	"sitrep/internal/geoparse"
	"sitrep/internal/lexicon"
)

// geoparseUsage documents the command, including its policy for bad jsonl lines.
const geoparseUsage = `[--format jsonl|text] [--input-format text|jsonl] [--gazetteer DIR] [--explain] [--demonyms] FILE|-

Finds and resolves the place names of a text. With --input-format jsonl every input line is a document
{"id":..., "text":"..."} and every output line is {"id":...,"toponyms":[{"start","end","text","lat","lon",
"geonameid","country","locational"}]} (UTF-8 byte offsets, end exclusive; geonameid null when none), in input
order. A bad input line (invalid JSON, no "text") is reported on stderr with its line number and skipped: no
output line is written for it, the stream goes on, and the exit status is 3 when any line was skipped. Blank
lines are ignored. With --input-format text the whole input is one document, with the file name as its id.`

// geoparseMaxLine bounds one jsonl input line (and a text input).
const geoparseMaxLine = 64 << 20

// geoparseOpts are the options of one geoparse run.
type geoparseOpts struct {
	format, input string
	explain       bool
}

// runGeoparse implements `sitrep geoparse`.
func runGeoparse(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "geoparse", geoparseUsage)
	format := fs.String("format", "jsonl", "output format: jsonl or text")
	input := fs.String("input-format", "text", "input format: text (one document) or jsonl (lines {\"id\",\"text\"})")
	dir := fs.String("gazetteer", gazetteer.DefaultDir(), "data directory of imported GeoNames dumps")
	explain := fs.Bool("explain", false, "add name, kind, precision and the deciding rule of each toponym")
	demonyms := fs.Bool("demonyms", false, "also report adjectives of nationality used as modifiers (\"Syrian forces\") as non-locational toponyms of their country, as GeoWebNews annotates them")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents parsed in parallel (jsonl input)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	o := geoparseOpts{format: *format, input: *input, explain: *explain}
	if o.format != "jsonl" && o.format != "text" {
		return usagef("geoparse: --format must be jsonl or text, not %q", o.format)
	}
	if o.input != "jsonl" && o.input != "text" {
		return usagef("geoparse: --input-format must be text or jsonl, not %q", o.input)
	}
	if fs.NArg() != 1 {
		return usagef("geoparse: want one FILE or - for stdin")
	}
	g, err := openGazetteer(ctx, "--gazetteer", *dir)
	if err != nil {
		return err
	}
	in, name, err := openGeoparseInput(e, fs.Arg(0))
	if err != nil {
		return err
	}
	defer in.Close()
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	lex, err := lexicon.Default()
	if err != nil {
		return fmt.Errorf("geoparse: lexicon: %w", err)
	}
	p := geoparse.NewWithOptions(g, geoparse.Options{Demonyms: *demonyms, FirstName: lex.IsFirstName})
	if o.input == "text" {
		return geoparseText(in, name, p, w, o)
	}
	return geoparseStream(ctx, e, in, p, w, o, *workers)
}

// openGeoparseInput opens FILE, or stdin for "-".
func openGeoparseInput(e *env, arg string) (io.ReadCloser, string, error) {
	if arg == "-" {
		return io.NopCloser(e.stdin), "-", nil
	}
	f, err := os.Open(arg)
	if err != nil {
		return nil, "", inputError{fmt.Errorf("geoparse: %w", err)}
	}
	return f, filepath.Base(arg), nil
}

// geoparseText parses the whole input as one document.
func geoparseText(in io.Reader, name string, p *geoparse.Parser, w *bufio.Writer, o geoparseOpts) error {
	data, err := io.ReadAll(io.LimitReader(in, geoparseMaxLine+1))
	if err != nil {
		return fmt.Errorf("geoparse: read input: %w", err)
	}
	if len(data) > geoparseMaxLine {
		return inputError{fmt.Errorf("geoparse: input larger than %d bytes", geoparseMaxLine)}
	}
	id, _ := json.Marshal(name)
	text := string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
	return writeGeoparse(w, geoDoc{ID: id}, p.Parse(text), o)
}

// errBadLines is returned when a jsonl stream had lines that were skipped.
var errBadLines = errors.New("input lines skipped")
