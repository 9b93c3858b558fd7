package extract

import (
	"fmt"
	"sync"

	"sitrep/internal/actors"
	"sitrep/internal/gazetteer"
	"sitrep/internal/geoparse"
	"sitrep/internal/lexicon"
)

// Wire builds the full engine over a lexicon and a gazetteer: the place parser, told the lexicon's given names,
// and the actor finder. Commands and tests that need the engine as users run it build it here.
func Wire(lex *lexicon.Lexicon, gaz *gazetteer.Gazetteer, opts Options) *Engine {
	geo := geoparse.NewWithOptions(gaz, geoparse.Options{FirstName: lex.IsFirstName})
	return New(lex, geo, actors.New(lex, gaz), opts)
}

// defaults holds, per Options value, the function that builds Default's engine once.
var defaults sync.Map // Options -> func() (*Engine, error)

// Default returns the engine wired over the embedded lexicon and gazetteer, built once per process for each
// Options value and shared (an Engine is safe for concurrent use).
func Default(opts Options) (*Engine, error) {
	build, _ := defaults.LoadOrStore(opts, sync.OnceValues(func() (*Engine, error) {
		lex, err := lexicon.Default()
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		gaz, err := gazetteer.Default()
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		return Wire(lex, gaz, opts), nil
	}))
	return build.(func() (*Engine, error))()
}

// Lexicon is the lexicon the engine reads cues and actors from (the embedded one, or the one --lexicon loaded),
// so that other parts of a command (the API's actor filter) resolve names as the engine does.
func (e *Engine) Lexicon() *lexicon.Lexicon { return e.lex }
