package cli

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"sitrep/internal/eval"
	"sitrep/internal/event"
	"sitrep/internal/extract"
	"sitrep/internal/gazetteer"
)

// seedsDir is where the seed articles live when sitrep runs from its repository next to ../shared.
var seedsDir = filepath.Join("..", "shared", "seeds")

// runEvalEvents scores the extraction of one article against hand-coded gold events.
func runEvalEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval events", "--gold FILE [--article FILE] [--published YYYY-MM-DD] [--json]")
	gold := fs.String("gold", "", "gold events file (e.g. ../shared/eval/seed/gold.json)")
	article := fs.String("article", "", "the article's text (default: the gold's doc.file next to the gold file, else ../shared/seeds)")
	published := fs.String("published", "", "publication date YYYY-MM-DD (default: the gold's doc.published)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" || fs.NArg() > 0 {
		return usagef("eval events: want --gold FILE (and no arguments)")
	}
	g, err := readEventGold(*gold)
	if err != nil {
		return err
	}
	doc, err := goldDocument(g, *gold, *article, *published)
	if err != nil {
		return err
	}
	res, err := extractDoc(ctx, doc)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	r := eval.ScoreEvents(g, doc.Text, res.Events)
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	return r.WriteText(e.stdout)
}

func readEventGold(path string) (*eval.EventGold, error) {
	f, err := openGold(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g, err := eval.ReadEventGold(f, path)
	if err != nil {
		return nil, goldError(err)
	}
	return g, nil
}

// goldDocument loads the article the gold codes, with its publication date (the flag wins over the gold).
func goldDocument(g *eval.EventGold, goldPath, article, published string) (event.Document, error) {
	path, err := articlePath(g, goldPath, article)
	if err != nil {
		return event.Document{}, err
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return event.Document{}, inputError{fmt.Errorf("eval events: read article: %w", err)}
	}
	doc := event.Document{ID: g.Doc.ID, Language: g.Doc.Language, Text: string(text)}
	if published == "" {
		published = g.Doc.Published
	}
	if published != "" {
		d, err := event.ParseDate(published)
		if err != nil {
			return event.Document{}, usagef("eval events: --published: %v", err)
		}
		doc.Published = &d
	}
	return doc, nil
}

// articlePath is --article, else the gold's doc.file next to the gold file, else the one article in
// ../shared/seeds.
func articlePath(g *eval.EventGold, goldPath, article string) (string, error) {
	if article != "" {
		return article, nil
	}
	if g.Doc.File != "" {
		p := filepath.Join(filepath.Dir(goldPath), g.Doc.File)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	seeds, err := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if err == nil && len(seeds) == 1 {
		return seeds[0], nil
	}
	return "", inputError{fmt.Errorf("eval events: no article next to the gold file or in %s: give --article FILE: %w",
		seedsDir, fs.ErrNotExist)}
}

// defaultEngine is the engine on the embedded lexicon and the default gazetteer, built once per process.
var defaultEngine = sync.OnceValues(func() (*extract.Engine, error) {
	return buildEngine(context.Background(), "", gazetteer.DefaultDir(), false)
})

// extractDoc runs the default extraction engine on one document.
func extractDoc(ctx context.Context, doc event.Document) (event.Result, error) {
	eng, err := defaultEngine()
	if err != nil {
		return event.Result{}, err
	}
	return eng.Extract(ctx, doc)
}
