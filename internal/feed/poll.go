package feed

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// feedAccept is the Accept header of a feed poll.
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, " +
	"text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"

// Poll fetches one source with a conditional GET, parses it and takes each item the store does not hold through
// the pipeline. It returns the number of documents stored, and the error that made the poll fail (fetch or
// parse): the source then backs off. Failed items do not fail the poll; they are counted in the pipeline's
// Stats and summed up in the source's LastError. The source's new state (validators, LastError, NextPoll) is
// saved in the store.
func (p *Poller) Poll(ctx context.Context, src store.Source) (int, error) {
	stored, itemErrs, err := p.poll(ctx, &src)
	if err != nil && ctx.Err() != nil {
		return stored, err // shutting down: not the source's fault, poll again next time
	}
	if err != nil {
		p.pipe.RecordError(err)
		p.log.Warn("poll failed", "source", src.URL, "reason", pipeline.Reason(err), "err", err)
	} else {
		p.log.Info("polled", "source", src.URL, "stored", stored, "failed_items", len(itemErrs))
	}
	p.schedule(&src, err, itemErrs)
	save, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if !src.Added.IsZero() && !p.stillListed(save, src.URL) {
		return stored, err // removed while it was being polled: do not add it back
	}
	if perr := p.st.PutSource(save, src); perr != nil {
		return stored, errors.Join(err, perr)
	}
	return stored, err
}

// stillListed reports whether the store still lists the source url (true when it cannot tell).
func (p *Poller) stillListed(ctx context.Context, url string) bool {
	srcs, err := p.st.ListSources(ctx)
	if err != nil {
		return true
	}
	for _, s := range srcs {
		if s.URL == url {
			return true
		}
	}
	return false
}

// poll is Poll without the bookkeeping; it updates src's validators when every item was handled for good.
func (p *Poller) poll(ctx context.Context, src *store.Source) (int, []error, error) {
	resp, err := p.client.Do(ctx, fetch.Request{URL: src.URL, ETag: src.ETag, LastModified: src.LastModified,
		Accept: feedAccept})
	if err != nil {
		return 0, nil, err
	}
	if resp.NotModified {
		return 0, nil, nil
	}
	f, err := Parse(resp.Body)
	if err != nil {
		return 0, nil, fmt.Errorf("feed %s: %w", src.URL, err)
	}
	res := p.Ingest(ctx, f, resp.URL, src.URL)
	if err := ctx.Err(); err != nil {
		return res.Stored, res.Errors, err
	}
	if !res.Retry {
		src.ETag, src.LastModified = resp.ETag, resp.LastModified
	}
	return res.Stored, res.Errors, nil
}

// IngestResult is what Ingest did with the items of a feed.
type IngestResult struct {
	Stored int     // documents stored (copies included, exact duplicates not)
	Known  int     // items whose page the store held already: not fetched again
	Errors []error // failed items, each wrapping the reason
	Retry  bool    // some item failed for a passing reason (the store): read the feed again next time
}

// Ingest takes the first MaxItems items of a fetched feed through the pipeline, one after the other, without
// keeping any source state (sitrep ingest of a feed URL uses it directly). base is the URL the feed was fetched
// from, against which relative links resolve; label names the feed in logs.
func (p *Poller) Ingest(ctx context.Context, f Feed, base, label string) IngestResult {
	var res IngestResult
	for _, it := range f.Items[:min(len(f.Items), p.opts.MaxItems)] {
		if ctx.Err() != nil {
			return res
		}
		out, err := p.item(ctx, base, f.Title, it)
		switch {
		case err != nil:
			res.Errors = append(res.Errors, err)
			res.Retry = res.Retry || errors.Is(err, pipeline.ErrStore)
			p.log.Warn("item failed", "source", label, "item", it.URL, "reason", pipeline.Reason(err), "err", err)
		case out.DocumentID == "":
			res.Known++
		case !out.Duplicate:
			res.Stored++
		}
	}
	return res
}

// schedule sets the source's LastError and NextPoll: Interval after a good poll, doubling up to MaxBackoff after
// each failed one.
func (p *Poller) schedule(src *store.Source, err error, itemErrs []error) {
	now := p.opts.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil {
		n := p.failures[src.URL]
		p.failures[src.URL] = n + 1
		src.LastError = pipeline.Reason(err) + ": " + err.Error()
		src.NextPoll = now.Add(backoff(p.opts.Interval, p.opts.MaxBackoff, n))
		return
	}
	delete(p.failures, src.URL)
	src.LastError = itemSummary(itemErrs)
	src.NextPoll = now.Add(p.opts.Interval)
}

// backoff is interval doubled failures times, at most limit.
func backoff(interval, limit time.Duration, failures int) time.Duration {
	d := interval
	for range failures + 1 {
		if d >= limit/2 {
			return limit
		}
		d *= 2
	}
	return d
}

// itemSummary sums item failures up by reason: "2 items failed: http 404 (1), too large (1)".
func itemSummary(errs []error) string {
	if len(errs) == 0 {
		return ""
	}
	counts := map[string]int{}
	for _, err := range errs {
		counts[pipeline.Reason(err)]++
	}
	var parts []string
	for _, r := range slices.Sorted(maps.Keys(counts)) {
		parts = append(parts, fmt.Sprintf("%s (%d)", r, counts[r]))
	}
	noun := "items"
	if len(errs) == 1 {
		noun = "item"
	}
	return fmt.Sprintf("%d %s failed: %s", len(errs), noun, strings.Join(parts, ", "))
}
