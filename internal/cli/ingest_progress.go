package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"sitrep/internal/pipeline"
)

// ingestProgress shows a rate-limited progress line on stderr (rewritten in place on a terminal, a new line every
// few seconds otherwise) and reports failures as they happen.
type ingestProgress struct {
	w     io.Writer
	stats func() pipeline.Stats
	tty   bool
	start time.Time
	stop  chan struct{}
	done  chan struct{}

	mu      sync.Mutex
	shown   bool // a progress line is on screen (terminal only)
	known   int64
	skipped map[string]int64
}

// ingestSummary is what `sitrep ingest` prints at the end.
type ingestSummary struct {
	pipeline.Stats
	AlreadyStored int64            `json:"already_stored"`      // URLs and feed items skipped without a fetch
	Skipped       map[string]int64 `json:"skipped"`             // directory entries not ingested, by reason
	Published     *int64           `json:"published,omitempty"` // with --nats: documents published for the workers
	Seconds       float64          `json:"seconds"`
}

// newIngestProgress starts the progress line on w, written every interval; none when interval is 0.
func newIngestProgress(w io.Writer, every time.Duration, stats func() pipeline.Stats) *ingestProgress {
	p := &ingestProgress{w: w, stats: stats, tty: isTerminal(w), start: time.Now(), skipped: map[string]int64{},
		stop: make(chan struct{}), done: make(chan struct{})}
	if every <= 0 {
		close(p.done)
		return p
	}
	go p.loop(every)
	return p
}

// progressInterval is how often the progress line is written on w: often when it is rewritten in place on a
// terminal, every few seconds in a log; 0 when quiet.
func progressInterval(w io.Writer, quiet bool) time.Duration {
	switch {
	case quiet:
		return 0
	case isTerminal(w):
		return 500 * time.Millisecond
	}
	return 5 * time.Second
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (p *ingestProgress) loop(every time.Duration) {
	defer close(p.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.mu.Lock()
			p.clear()
			fmt.Fprint(p.w, p.line())
			if p.tty {
				p.shown = true
			} else {
				fmt.Fprintln(p.w)
			}
			p.mu.Unlock()
		}
	}
}

// line is the progress line, without a newline.
func (p *ingestProgress) line() string {
	s := p.stats()
	secs := time.Since(p.start).Seconds()
	return fmt.Sprintf("ingest: %d documents (%.1f/s), %d duplicates, %d copies, %d events, %d incidents new, "+
		"%d merged, %d errors", s.Documents, float64(s.Documents)/max(secs, 1e-3), s.Duplicates+p.known,
		s.NearDuplicates, s.Events, s.Created, s.Merged, s.Errors)
}

// clear erases an in-place progress line. Call with mu held.
func (p *ingestProgress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

// report prints one failure with its reason.
func (p *ingestProgress) report(name string, err error) {
	msg := err.Error()
	if name != "" && !strings.Contains(msg, name) {
		msg = name + ": " + msg
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	fmt.Fprintf(p.w, "sitrep: ingest: %s [%s]\n", msg, pipeline.Reason(err))
}

// skip counts a directory entry that is not ingested.
func (p *ingestProgress) skip(reason string) {
	p.mu.Lock()
	p.skipped[reason]++
	p.mu.Unlock()
}

// alreadyStored counts URLs and feed items not fetched because their document is stored.
func (p *ingestProgress) alreadyStored(n int64) {
	p.mu.Lock()
	p.known += n
	p.mu.Unlock()
}

// finish stops the progress line and returns the summary.
func (p *ingestProgress) finish() ingestSummary {
	select {
	case <-p.done:
	default:
		close(p.stop)
		<-p.done
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	return ingestSummary{Stats: p.stats(), AlreadyStored: p.known, Skipped: p.skipped,
		Seconds: time.Since(p.start).Seconds()}
}

// writeSummary prints the summary on stdout, as text or JSON.
func (in *ingester) writeSummary(s ingestSummary) error {
	var err error
	if in.f.json {
		enc := json.NewEncoder(in.e.stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(s)
	} else {
		_, err = io.WriteString(in.e.stdout, s.text())
	}
	if err != nil {
		return fmt.Errorf("ingest: write summary: %w", err)
	}
	return nil
}

// text is the summary for people.
func (s ingestSummary) text() string {
	var b strings.Builder
	noun := "documents"
	if s.Documents == 1 {
		noun = "document"
	}
	fmt.Fprintf(&b, "read %d %s in %.1fs (%.1f documents/s)\n", s.Documents, noun, s.Seconds,
		float64(s.Documents)/max(s.Seconds, 1e-3))
	row := func(label string, n int64, note string) {
		fmt.Fprintf(&b, "  %-22s %6d", label, n)
		if note != "" {
			fmt.Fprintf(&b, "  (%s)", note)
		}
		b.WriteByte('\n')
	}
	if s.Published != nil {
		row("published to NATS", *s.Published, "'sitrep worker' extracts and stores them")
	} else {
		row("stored", s.Stored, "")
	}
	row("duplicates", s.Duplicates+s.AlreadyStored, dupNote(s))
	if s.Published == nil {
		row("near-duplicates", s.NearDuplicates, "syndicated copies, stored and linked to their original")
		row("events", s.Events, "")
		row("incidents created", s.Created, "")
		row("merged into incidents", s.Merged, "events added to an incident another report started")
	}
	row("errors", s.Errors, counted(s.ReasonsByCount(), s.Reasons))
	var skipped int64
	for _, n := range s.Skipped {
		skipped += n
	}
	if skipped > 0 {
		row("skipped files", skipped, counted(byCount(s.Skipped), s.Skipped))
	}
	return b.String()
}

// dupNote explains the duplicates row.
func dupNote(s ingestSummary) string {
	if s.AlreadyStored == 0 {
		return "stored already: same URL or same text"
	}
	return fmt.Sprintf("stored already; %d of them not fetched again", s.AlreadyStored)
}

// counted writes "reason: n, reason: n" in the order of keys.
func counted(keys []string, m map[string]int64) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s: %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

// byCount returns the keys of m, largest count first.
func byCount(m map[string]int64) []string {
	return pipeline.Stats{Reasons: m}.ReasonsByCount()
}
