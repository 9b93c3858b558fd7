package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

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
		if err := checkDir("--lexicon", lexiconDir); err != nil {
			return nil, err
		}
		lex, err = lexicon.Load(ctx, lexiconDir)
	}
	if err != nil {
		return nil, inputError{fmt.Errorf("lexicon: %w", err)}
	}
	gaz, err := openGazetteer(ctx, "--gazetteer", gazetteerDir)
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			return nil, err
		}
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return extract.Wire(lex, gaz, extract.Options{Explain: explain}), nil
}

// openGazetteer opens the gazetteer with the imports in dir. The default data directory may be missing (nothing
// imported yet: the embedded data alone); any other dir was named by the user with opt and must be a directory.
func openGazetteer(ctx context.Context, opt, dir string) (*gazetteer.Gazetteer, error) {
	if dir != "" && filepath.Clean(dir) != filepath.Clean(gazetteer.DefaultDir()) {
		if err := checkDir(opt, dir); err != nil {
			return nil, err
		}
	}
	return gazetteer.Open(ctx, dir)
}

// checkDir is a usage error naming opt and dir when dir does not exist or is not a directory.
func checkDir(opt, dir string) error {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usagef("%s %s: no such directory", opt, dir)
	case err != nil:
		return fmt.Errorf("%s %s: %w", opt, dir, err)
	case !st.IsDir():
		return usagef("%s %s: not a directory", opt, dir)
	}
	return nil
}
