package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"

	"sitrep/internal/eval"
	"sitrep/internal/event"
)

// runEvalEntities scores the entities of extraction results against the re3d gold.
func runEvalEntities(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval entities", "--gold FILE [--limit N] [--json]")
	gold := fs.String("gold", "", "re3d gold file, JSON Lines (e.g. ../shared/eval/re3d/re3d.jsonl)")
	limit := fs.Int("limit", 0, "score only the first N documents (0 = all)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" || fs.NArg() > 0 || *limit < 0 {
		return usagef("eval entities: want --gold FILE (and no arguments); --limit is >= 0")
	}
	f, err := openGold(*gold)
	if err != nil {
		return err
	}
	defer f.Close()
	s := eval.NewEntityScorer()
	if err := scoreEntities(ctx, e, eval.NewRe3dReader(f, *gold), s, *limit); err != nil {
		return err
	}
	r := s.Report()
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	return r.WriteText(e.stdout)
}

func scoreEntities(ctx context.Context, e *env, r *eval.Re3dReader, s *eval.EntityScorer, limit int) error {
	read := 0
	next := func() (eval.Re3dDoc, bool, error) {
		if limit > 0 && read >= limit {
			return eval.Re3dDoc{}, false, nil
		}
		d, err := r.Next()
		if errors.Is(err, io.EOF) {
			return d, false, nil
		}
		if err != nil {
			return d, false, goldError(err)
		}
		read++
		return d, true, nil
	}
	extract := func(ctx context.Context, d eval.Re3dDoc) ([]event.Entity, error) {
		res, err := extractDoc(ctx, event.Document{ID: d.ID, Language: "en", Text: d.Text})
		return res.Entities, err
	}
	p := newProgress(e, "eval entities")
	emit := func(d eval.Re3dDoc, ents []event.Entity, err error) error {
		if err != nil {
			return fmt.Errorf("eval entities: %s: %w", d.ID, err)
		}
		s.Add(d, ents)
		p.tick(len(d.Entities))
		return ctx.Err()
	}
	return orderedMap(ctx, runtime.GOMAXPROCS(0), next, extract, emit)
}

// progress logs how far a long evaluation has got, at most every few seconds.
type progress struct {
	e     *env
	what  string
	docs  int
	spans int
	last  time.Time
}

func newProgress(e *env, what string) *progress { return &progress{e: e, what: what, last: time.Now()} }

// tick counts one document with n gold spans.
func (p *progress) tick(n int) {
	p.docs++
	p.spans += n
	if time.Since(p.last) >= 2*time.Second {
		p.last = time.Now()
		p.e.log.Info(p.what, "documents", p.docs, "gold_spans", p.spans)
	}
}
