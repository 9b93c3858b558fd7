package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/feed"
	"sitrep/internal/fetch"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// testHookSubmitted, when set by a test, is called after each document has been submitted to the batch.
var testHookSubmitted func()

// work does one task.
func (in *ingester) work(ctx context.Context, t task, cancel context.CancelFunc) {
	switch t.kind {
	case taskErr:
		in.fail(t.name, t.err)
	case taskDoc:
		in.process(ctx, t.name, t.doc, cancel)
	case taskFile:
		in.loadFile(ctx, t.name, cancel)
	case taskURL:
		in.fetchURL(ctx, t.name, cancel)
	}
}

// process takes one document through the pipeline (which counts it) and reports a failure. With a batch, the
// document is extracted now and stored with its batch, and a failure is reported then.
func (in *ingester) process(ctx context.Context, name string, doc event.Document, cancel context.CancelFunc) {
	if in.published != nil {
		d := *in.published
		doc.Published = &d
	}
	failed := func(err error) {
		if err != nil {
			in.prog.report(name, err)
			in.stopOnStore(err, cancel)
		}
	}
	if in.batch != nil {
		in.batch.Submit(ctx, doc, func(_ pipeline.Outcome, err error) { failed(err) })
		if testHookSubmitted != nil {
			testHookSubmitted()
		}
		return
	}
	_, err := in.pipe.Process(ctx, doc)
	failed(err)
}

// fail counts and reports an input that failed before it reached the pipeline.
func (in *ingester) fail(name string, err error) {
	in.pipe.RecordError(err)
	in.prog.report(name, err)
}

// loadFile reads a text or HTML file.
func (in *ingester) loadFile(ctx context.Context, path string, cancel context.CancelFunc) {
	src, err := document.Load(ctx, path, nil, in.docOpt)
	if err != nil {
		in.fail(path, err)
		return
	}
	defer src.Close()
	for {
		doc, err := src.Next(ctx)
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			in.fail(path, err)
			return
		}
		in.process(ctx, path, doc, cancel)
	}
}

// fetchURL fetches an article or a feed. An article stored already is not fetched again; a feed's items go
// through the pipeline one by one; a page without an article that announces a feed (a home page) has its feed
// read instead.
func (in *ingester) fetchURL(ctx context.Context, u string, cancel context.CancelFunc) {
	in.fetchURLDiscover(ctx, u, cancel, true)
}

func (in *ingester) fetchURLDiscover(ctx context.Context, u string, cancel context.CancelFunc, discover bool) {
	if in.st != nil {
		if _, err := in.st.GetDocument(ctx, document.ID(u, "")); err == nil {
			in.prog.alreadyStored(1)
			return
		} else if !errors.Is(err, store.ErrNotFound) {
			in.fail(u, err)
			return
		}
	}
	resp, err := in.client.Get(ctx, u)
	if err != nil {
		in.fail(u, err)
		return
	}
	if feed.Detect(resp.ContentType, resp.Body) {
		in.ingestFeed(ctx, u, resp, cancel)
		return
	}
	doc, err := pageDocument(ctx, u, resp)
	if errors.Is(err, document.ErrNoArticle) && discover {
		if feeds := feed.Discover(resp.Body, resp.URL); len(feeds) > 0 {
			in.e.log.Info("no article on the page; reading the feed it announces", "url", u, "feed", feeds[0])
			in.fetchURLDiscover(ctx, feeds[0], cancel, false)
			return
		}
	}
	if err != nil {
		in.fail(u, err)
		return
	}
	in.process(ctx, u, doc, cancel)
}

// ingestFeed takes a fetched feed's items through the pipeline; failed items are reported (the pipeline has
// counted them).
func (in *ingester) ingestFeed(ctx context.Context, u string, resp *fetch.Response, cancel context.CancelFunc) {
	f, err := feed.Parse(resp.Body)
	if err != nil {
		in.fail(u, err)
		return
	}
	res := in.feeds.Ingest(ctx, f, resp.URL, u)
	in.prog.alreadyStored(int64(res.Known))
	for _, err := range res.Errors {
		in.prog.report(u, err)
		in.stopOnStore(err, cancel)
	}
}

// pageDocument reads a fetched article: plain text or HTML; the requested URL is its identity.
func pageDocument(ctx context.Context, u string, resp *fetch.Response) (event.Document, error) {
	if resp.ContentType == "text/plain" {
		doc, err := document.FromText(resp.Body, u)
		doc.URL, doc.ID = u, document.ID(u, doc.Text)
		return doc, err
	}
	doc, err := document.FromHTML(ctx, resp.Body, u)
	if err != nil {
		return doc, fmt.Errorf("%s: %w", u, err)
	}
	return doc, nil
}
