package feed

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"sitrep/internal/event"
	"sitrep/internal/fetch"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// Defaults used when a PollerOptions field is zero.
const (
	DefaultInterval   = 15 * time.Minute
	DefaultMaxBackoff = 6 * time.Hour
	DefaultWorkers    = 4
	DefaultMaxItems   = 100
	// maxIdle is the longest Run sleeps between two looks at the source list, so that sources added by another
	// process are picked up.
	maxIdle = 30 * time.Second
)

// PollerOptions configure a Poller. The zero value takes the defaults above.
type PollerOptions struct {
	Interval   time.Duration // time between two polls of a healthy source
	MaxBackoff time.Duration // longest wait after repeated errors (the wait doubles from Interval)
	Logger     *slog.Logger  // nil: discard
	Workers    int           // sources polled at the same time
	MaxItems   int           // items read from one poll of a feed, first ones first
	Now        func() time.Time
	Published  *event.Date // when set, the publication date of every document (sitrep ingest --published)
}

// Processor takes documents in: a *pipeline.Pipeline, or in distributed mode a stand-in that publishes them to
// the workers (queue.Forwarder).
type Processor interface {
	Process(ctx context.Context, doc event.Document) (pipeline.Outcome, error)
	// RecordError counts a failure that happened before a document reached Process and returns its reason.
	RecordError(err error) string
}

// Poller polls the feed sources in a store and feeds new items to a pipeline. It is safe for concurrent use.
type Poller struct {
	st     store.Store
	client *fetch.Client
	pipe   Processor
	opts   PollerOptions
	log    *slog.Logger
	wake   chan struct{}

	mu       sync.Mutex
	failures map[string]int  // source URL -> consecutive failed polls
	inflight map[string]bool // sources being polled by Run
}

// NewPoller returns a poller that fetches with client (use one with a HostInterval for per-host rate limits) and
// hands documents to pipe. st holds the sources and tells which item pages are stored already.
func NewPoller(st store.Store, client *fetch.Client, pipe Processor, opts PollerOptions) *Poller {
	if opts.Interval <= 0 {
		opts.Interval = DefaultInterval
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = DefaultMaxBackoff
	}
	if opts.Workers <= 0 {
		opts.Workers = DefaultWorkers
	}
	if opts.MaxItems <= 0 {
		opts.MaxItems = DefaultMaxItems
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Poller{st: st, client: client, pipe: pipe, opts: opts, log: log.With("component", "feed"),
		wake: make(chan struct{}, 1), failures: map[string]int{}, inflight: map[string]bool{}}
}

// Wake makes Run look at the source list now (after a source was added) instead of at its next scheduled time.
func (p *Poller) Wake() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// Run polls every due source, Workers at a time, until ctx ends; then it waits for the polls under way and
// returns nil. Errors of single sources are recorded in the store, not returned.
func (p *Poller) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	sem := make(chan struct{}, p.opts.Workers)
	for {
		wait := p.round(ctx, &wg, sem)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-p.wake:
		case <-t.C:
		}
		t.Stop()
	}
}

// round starts a poll of each due source that is not being polled and returns how long to sleep.
func (p *Poller) round(ctx context.Context, wg *sync.WaitGroup, sem chan struct{}) time.Duration {
	srcs, err := p.st.ListSources(ctx)
	if err != nil {
		if ctx.Err() == nil {
			p.log.Warn("list sources", "err", err)
		}
		return maxIdle
	}
	now := p.opts.Now()
	wait := maxIdle
	for _, src := range srcs {
		if src.NextPoll.After(now) {
			wait = min(wait, src.NextPoll.Sub(now))
			continue
		}
		if !p.start(src.URL) {
			continue
		}
		wg.Go(func() {
			defer p.finish(src.URL)
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-sem }()
			p.Poll(ctx, src)
		})
	}
	return max(wait, 10*time.Millisecond)
}

// start marks url as being polled; false when it already is.
func (p *Poller) start(url string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.inflight[url] {
		return false
	}
	p.inflight[url] = true
	return true
}

func (p *Poller) finish(url string) {
	p.mu.Lock()
	delete(p.inflight, url)
	p.mu.Unlock()
}
