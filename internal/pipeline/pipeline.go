package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/extract"
	"sitrep/internal/store"
)

// Errors callers branch on (with errors.Is); the underlying error is wrapped too.
var (
	// ErrStore wraps a failure of the store: the document was not stored and may be tried again.
	ErrStore = errors.New("store failed")
	// ErrExtract wraps a failure of the extraction engine other than an unsupported language.
	ErrExtract = errors.New("extraction failed")
	// ErrIDConflict means a different document (another URL and another text) is stored under the same id, as
	// when two JSON Lines files number their records alike: the document is refused rather than dropped as a
	// duplicate without a word.
	ErrIDConflict = errors.New("another document is stored under this id")
)

// DefaultWindow is how many recent fingerprints the near-duplicate check keeps when Options.Window is 0.
const DefaultWindow = 10000

// Options configure a Pipeline. The zero value is usable.
type Options struct {
	Logger *slog.Logger     // nil: discard
	Now    func() time.Time // nil: time.Now; stamps FetchedAt of documents that have none
	Window int              // recent fingerprints kept for the near-duplicate check; DefaultWindow when 0
}

// Pipeline turns documents into stored incidents. It is safe for concurrent use.
type Pipeline struct {
	eng    *extract.Engine
	st     store.Store
	log    *slog.Logger
	now    func() time.Time
	recent *window
	stats  counters
}

// Outcome of one document.
type Outcome struct {
	DocumentID  string        `json:"document_id"`
	Duplicate   bool          `json:"duplicate"`              // exact duplicate (canonical URL or content hash): nothing new stored
	DuplicateOf string        `json:"duplicate_of,omitempty"` // near-duplicate (syndicated copy) linked to this document
	Events      int           `json:"events"`
	Created     int           `json:"created"` // new incidents
	Merged      int           `json:"merged"`  // events merged into existing incidents
	Result      *event.Result `json:"result,omitempty"`
}

// New returns a pipeline that extracts with eng and stores into st.
func New(eng *extract.Engine, st store.Store, opts Options) *Pipeline {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	size := opts.Window
	if size <= 0 {
		size = DefaultWindow
	}
	return &Pipeline{eng: eng, st: st, log: log.With("component", "pipeline"), now: now, recent: newWindow(size),
		stats: counters{reasons: map[string]int64{}}}
}

// Process takes doc through the pipeline. An exact duplicate of a stored document returns an Outcome with
// Duplicate set and no error. Errors (empty text, unsupported language, extraction, store) are wrapped; Reason
// names them for summaries.
func (p *Pipeline) Process(ctx context.Context, doc event.Document) (Outcome, error) {
	out, err := p.process(ctx, doc)
	p.finish(doc, out, err)
	return out, err
}

// finish counts and logs the outcome of one document.
func (p *Pipeline) finish(doc event.Document, out Outcome, err error) {
	p.stats.add(out, err)
	if err != nil {
		p.log.Debug("document failed", "id", out.DocumentID, "url", doc.URL, "reason", Reason(err), "err", err)
	} else {
		p.log.Debug("document stored", "id", out.DocumentID, "duplicate", out.Duplicate,
			"duplicate_of", out.DuplicateOf, "events", out.Events, "created", out.Created, "merged", out.Merged)
	}
}

// process is Process without the bookkeeping.
func (p *Pipeline) process(ctx context.Context, doc event.Document) (Outcome, error) {
	out, c, final, err := p.admit(ctx, &doc, nil)
	if final {
		return out, err
	}
	sd, res, err := p.extract(ctx, doc, c.of, true)
	if err == nil {
		var ing store.Ingest
		if ing, err = p.st.PutResult(ctx, sd, res.Events); err != nil {
			err = storeError(ctx, doc, err)
		} else {
			out = stored(ing, c.of, res)
		}
	}
	p.recent.settle(c, out, err)
	return out, err
}

// admit runs the checks before extraction on doc, filling its id and language: text, language, a stored
// duplicate, a recent near-duplicate (claimed in the window; b, when not nil, is the batch doc goes to). final
// is true when out and err are the document's outcome already; otherwise c is its claim, which must be settled.
func (p *Pipeline) admit(ctx context.Context, doc *event.Document, b *Batch) (out Outcome, c claim, final bool, err error) {
	if strings.TrimSpace(doc.Text) == "" {
		return Outcome{DocumentID: doc.ID}, c, true, fmt.Errorf("document %s: %w", label(*doc), document.ErrEmpty)
	}
	if doc.ID == "" {
		doc.ID = document.ID(doc.URL, doc.Text)
	}
	out = Outcome{DocumentID: doc.ID}
	if doc.Language == "" {
		doc.Language = document.DetectLanguage(doc.Text)
	}
	if l := strings.ToLower(doc.Language); l != "" && l != "en" {
		return out, c, true, fmt.Errorf("document %s: %w: %s", label(*doc), extract.ErrUnsupportedLanguage, doc.Language)
	}
	var kick func(*entry)
	if b != nil {
		b.awaitID(doc.ID) // a document with this id waiting in the batch is stored first, so known sees it
		kick = b.kick
	}
	known, err := p.known(ctx, *doc)
	if err != nil || known {
		out.Duplicate = known
		return out, c, true, err
	}
	c, err = p.recent.claim(ctx, document.Fingerprint(doc.Text), kick)
	if err != nil {
		return out, c, true, fmt.Errorf("document %s: %w", label(*doc), err)
	}
	return out, c, false, nil
}

// extract runs the engine on doc and returns the document to store, linked to duplicateOf, with the result;
// its entities are listed only when entities is set (the store keeps events, not entities).
func (p *Pipeline) extract(ctx context.Context, doc event.Document, duplicateOf string, entities bool) (store.Document, event.Result, error) {
	run := p.eng.ExtractEvents
	if entities {
		run = p.eng.Extract
	}
	res, err := run(ctx, doc)
	if err != nil {
		if errors.Is(err, extract.ErrUnsupportedLanguage) || ctx.Err() != nil {
			return store.Document{}, res, err
		}
		return store.Document{}, res, fmt.Errorf("%w: %w", ErrExtract, err)
	}
	sd := store.Document{Document: res.Document, CanonicalURL: document.CanonicalURL(doc.URL), FetchedAt: p.now(),
		DuplicateOf: duplicateOf}
	return sd, res, nil
}

// storeError wraps the store's failure to store doc: ErrStore, unless ctx ended (the document may be stored
// again once the run is resumed).
func storeError(ctx context.Context, doc event.Document, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("document %s: %w", label(doc), ctx.Err())
	}
	return fmt.Errorf("%w: %w", ErrStore, err)
}

// stored is the outcome of a document the store took: an exact duplicate, or stored with its events.
func stored(ing store.Ingest, duplicateOf string, res event.Result) Outcome {
	out := Outcome{DocumentID: ing.ID, Duplicate: ing.Duplicate}
	if ing.Duplicate {
		return out
	}
	out.DuplicateOf, out.Events, out.Created, out.Merged = duplicateOf, ing.Events, ing.Created, ing.Merged
	out.Result = &res
	return out
}

// known reports whether doc is stored already: a stored document with its id has its canonical URL or its text.
// A different document under the same id is ErrIDConflict.
func (p *Pipeline) known(ctx context.Context, doc event.Document) (bool, error) {
	stored, err := p.st.GetDocument(ctx, doc.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("%w: %w", ErrStore, err)
	}
	canon := document.CanonicalURL(doc.URL)
	if (canon != "" && stored.CanonicalURL == canon) || stored.Text == doc.Text {
		return true, nil
	}
	return false, fmt.Errorf("document %s: %w (stored: %s)", doc.ID, ErrIDConflict, label(stored.Document))
}

// label names a document in errors: its URL, else its id.
func label(doc event.Document) string {
	if doc.URL != "" {
		return doc.URL
	}
	return doc.ID
}
