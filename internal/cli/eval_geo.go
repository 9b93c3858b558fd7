package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"

	"sitrep/internal/eval"
	"sitrep/internal/event"
	"sitrep/internal/geoparse"
	"sitrep/internal/lexicon"
)

// runEvalGeo scores the geoparser on a geo gold file (GeoWebNews, GeoVirus).
func runEvalGeo(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval geo", "--gold FILE [--oracle] [--demonyms] [--limit N] [--json] [--gazetteer DIR] [--errors N]")
	gold := fs.String("gold", "", "geo gold file, JSON Lines (e.g. ../shared/eval/geo/geowebnews.jsonl)")
	oracle := fs.Bool("oracle", false, "resolve the gold spans instead of recognising toponyms (scores resolution only)")
	limit := fs.Int("limit", 0, "score only the first N documents (0 = all)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	gazDir := fs.String("gazetteer", "", "data directory of imported GeoNames dumps (default: embedded data only)")
	largest := fs.Int("errors", 10, "list this many of the largest resolution errors")
	demonyms := fs.Bool("demonyms", false, "also recognise adjectives of nationality as toponyms of their country (as GeoWebNews annotates them)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" || fs.NArg() > 0 || *limit < 0 || *largest < 0 {
		return usagef("eval geo: want --gold FILE (and no arguments); --limit and --errors are >= 0")
	}
	f, err := openGold(*gold)
	if err != nil {
		return err
	}
	defer f.Close()
	g, err := openGazetteer(ctx, "--gazetteer", *gazDir)
	if err != nil {
		return fmt.Errorf("eval geo: %w", err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		return fmt.Errorf("eval geo: lexicon: %w", err)
	}
	p := geoparse.NewWithOptions(g, geoparse.Options{FirstName: lex.IsFirstName, Demonyms: *demonyms})
	s := eval.NewGeoScorer()
	if err := scoreGeo(ctx, e, eval.NewGeoReader(f, *gold), s, p, *oracle, *limit); err != nil {
		return err
	}
	r := s.Report(*largest)
	r.Oracle = *oracle
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	return r.WriteText(e.stdout)
}

// scoreGeo runs the parser over the gold documents on every core, feeding the scorer in file order.
func scoreGeo(ctx context.Context, e *env, r *eval.GeoReader, s *eval.GeoScorer, p *geoparse.Parser, oracle bool, limit int) error {
	docs := 0
	next := func() (eval.GeoDoc, bool, error) {
		if limit > 0 && docs >= limit {
			return eval.GeoDoc{}, false, nil
		}
		d, err := r.Next()
		if errors.Is(err, io.EOF) {
			return d, false, nil
		}
		if err != nil {
			return d, false, goldError(err)
		}
		docs++
		return d, true, nil
	}
	predict := func(_ context.Context, d eval.GeoDoc) ([]eval.GeoPred, error) {
		return geoPredict(p, d, oracle), nil
	}
	pr := newProgress(e, "eval geo")
	emit := func(d eval.GeoDoc, pred []eval.GeoPred, _ error) error {
		s.Add(d, pred)
		pr.tick(len(d.Gold()))
		return ctx.Err()
	}
	return orderedMap(ctx, runtime.GOMAXPROCS(0), next, predict, emit)
}

// geoPredict runs the parser end to end, or, for the oracle, resolves the gold toponyms' spans.
func geoPredict(p *geoparse.Parser, d eval.GeoDoc, oracle bool) []eval.GeoPred {
	var ts []geoparse.Toponym
	if oracle {
		gold := d.Gold()
		spans := make([]event.Span, len(gold))
		for i, g := range gold {
			spans[i] = event.SpanOf(d.Text, g.Start, g.End)
		}
		ts = p.Resolve(d.Text, spans)
	} else {
		ts = p.Parse(d.Text)
	}
	out := make([]eval.GeoPred, len(ts))
	for i, t := range ts {
		out[i] = eval.GeoPred{Start: t.Start, End: t.End, Text: t.Text, Lat: t.Lat, Lon: t.Lon, Resolved: t.Resolved}
	}
	return out
}

// openGold opens a gold file; a missing or unreadable file is an input error.
func openGold(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, inputError{fmt.Errorf("eval: open gold: %w", err)}
	}
	return f, nil
}

// goldError maps a malformed gold record (file:line) to an input error and passes other errors on.
func goldError(err error) error {
	if errors.Is(err, eval.ErrMalformed) {
		return inputError{fmt.Errorf("eval: %w", err)}
	}
	return fmt.Errorf("eval: %w", err)
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
