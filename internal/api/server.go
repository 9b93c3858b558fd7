package api

import (
	"log/slog"
	"net/http"

	"sitrep/internal/export"
	"sitrep/internal/extract"
	"sitrep/internal/fetch"
	"sitrep/internal/lexicon"
	"sitrep/internal/pipeline"
	"sitrep/internal/queue"
	"sitrep/internal/store"
)

// DefaultMaxBody limits a request body when Options.MaxBody is 0.
const DefaultMaxBody = 10 << 20

// Options configure a Server. The zero value is usable: no token, 10 MB bodies, a JSON index at /.
type Options struct {
	// Token, when set, is required as "Authorization: Bearer TOKEN" on every write endpoint (POST, DELETE).
	Token string
	// MaxBody limits request bodies; DefaultMaxBody when 0.
	MaxBody int64
	// Web is served at / (the embedded page); nil serves a short JSON index.
	Web http.Handler
	// Logger receives request errors; nil discards.
	Logger *slog.Logger
	// Explain is an engine built with extract.Options{Explain: true}, used by POST /api/extract when the request
	// asks for explanations; nil falls back to the main engine (events then carry no reasons).
	Explain *extract.Engine
	// Fetch fetches the URLs of POST /api/extract and /api/documents; nil: a client refusing private addresses.
	Fetch *fetch.Client
	// Export tunes the rows of GET /api/export; the zero value writes what sitrep export writes (country names
	// from the embedded gazetteer).
	Export export.Options
	// MaxMarkers caps the markers of GET /api/map; DefaultMaxMarkers when 0.
	MaxMarkers int
	// SourceAdded, when set, is called after POST /api/sources adds a source (serve wakes the feed poller).
	SourceAdded func()
	// Queue, when set (serve --nats), receives the documents of POST /api/documents for the workers instead of
	// the local pipeline, and backs GET /api/dead-letters and the sitrep_queue_* gauges of /metrics.
	Queue *queue.Client
	// Forwarder, with Queue, is what POST /api/documents publishes through; its running totals (documents
	// published, duplicates, failures by reason) are the sitrep_forwarder_* counters of /metrics and "forwarder" in
	// GET /api/stats. serve --nats passes the one its feed poller publishes through, so both are counted; nil: one
	// of the server's own (Queue.Forwarder()).
	Forwarder *queue.Forwarder
	// Lexicon resolves the actor filter's aliases to canonical names (ActorQuery); nil: the embedded lexicon,
	// loaded on the first actor query.
	Lexicon *lexicon.Lexicon
}

// Server answers the API. It is safe for concurrent use.
type Server struct {
	st       store.Store
	pipe     *pipeline.Pipeline
	eng      *extract.Engine
	opts     Options
	log      *slog.Logger
	metrics  *metrics
	mux      *http.ServeMux
	patterns []string // every documented route, in registration order
	lexicon  func() *lexicon.Lexicon
}

// New returns a Server over st. pipe (POST /api/documents) and eng (POST /api/extract) may be nil: those routes
// then answer 503 (POST /api/documents publishes instead when Options.Queue is set).
func New(st store.Store, pipe *pipeline.Pipeline, eng *extract.Engine, opts Options) *Server {
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.MaxMarkers <= 0 {
		opts.MaxMarkers = DefaultMaxMarkers
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Fetch == nil {
		opts.Fetch = fetch.New(fetch.Options{Logger: opts.Logger})
	}
	if opts.Queue != nil && opts.Forwarder == nil {
		opts.Forwarder = opts.Queue.Forwarder()
	}
	s := &Server{st: st, pipe: pipe, eng: eng, opts: opts, log: opts.Logger, metrics: newMetrics(),
		mux: http.NewServeMux(), lexicon: actorLexicon(opts.Lexicon, opts.Logger)}
	s.routes()
	return s
}

// Handler returns the HTTP handler of every route.
func (s *Server) Handler() http.Handler { return s.mux }

// Routes returns the method-and-path patterns of the documented routes ("GET /api/incidents/{id}").
func (s *Server) Routes() []string { return append([]string(nil), s.patterns...) }
