package cli

import (
	"context"
	"flag"
	"fmt"

	"sitrep/internal/event"
	"sitrep/internal/extract"
	"sitrep/internal/gazetteer"
	"sitrep/internal/lexicon"
)

// engineFlags are the flags every command that extracts events shares.
type engineFlags struct {
	lexicon   string
	gazetteer string
	explain   bool
}

// register adds --lexicon, --gazetteer and --explain to fs.
func (f *engineFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.lexicon, "lexicon", "", "`dir` of extra lexicon *.tsv files that add to or override the embedded ones (see docs/lexicon.md)")
	fs.StringVar(&f.gazetteer, "gazetteer", gazetteer.DefaultDir(), "`dir` of imported GeoNames dumps (see 'sitrep gazetteer import')")
	fs.BoolVar(&f.explain, "explain", false, "add, for each value, the lexicon entry and rule that produced it")
}

// publishedFlag reads a command's --published YYYY-MM-DD; nil when the flag is empty.
func publishedFlag(cmd, value string) (*event.Date, error) {
	if value == "" {
		return nil, nil
	}
	d, err := event.ParseDate(value)
	if err != nil {
		return nil, usagef("%s: --published: %v", cmd, err)
	}
	return &d, nil
}

// build wires the engine the flags describe.
func (f *engineFlags) build(ctx context.Context, e *env) (*extract.Engine, error) {
	e.log.Debug("loading engine", "lexicon", f.lexicon, "gazetteer", f.gazetteer)
	return buildEngine(ctx, f.lexicon, f.gazetteer, f.explain)
}

// buildEngine loads the lexicon (embedded, plus lexiconDir when set) and the gazetteer (embedded, plus the
// imports in gazetteerDir) and wires the extraction engine: the one place where its parts meet.
func buildEngine(ctx context.Context, lexiconDir, gazetteerDir string, explain bool) (*extract.Engine, error) {
	lex, err := lexicon.Default()
	if lexiconDir != "" {
		lex, err = lexicon.Load(ctx, lexiconDir)
	}
	if err != nil {
		return nil, inputError{fmt.Errorf("lexicon: %w", err)}
	}
	gaz, err := gazetteer.Open(ctx, gazetteerDir)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return extract.Wire(lex, gaz, extract.Options{Explain: explain}), nil
}
