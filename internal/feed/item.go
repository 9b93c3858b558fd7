package feed

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// ErrNoContent is returned for an item without a usable link and without text of its own.
var ErrNoContent = errors.New("feed item has neither a readable page nor text")

// item takes one feed item through the pipeline: its page when it can be fetched and read, else the text the
// feed carries. Items whose page is stored already are skipped without a fetch (an Outcome without DocumentID).
func (p *Poller) item(ctx context.Context, base, feedTitle string, it Item) (pipeline.Outcome, error) {
	link := resolve(base, it.URL)
	var pageErr error
	if link != "" {
		if known, err := p.known(ctx, link); err != nil || known {
			return pipeline.Outcome{}, err
		}
		doc, err := p.page(ctx, link)
		if err == nil {
			return p.pipe.Process(ctx, p.withItem(doc, it, feedTitle))
		}
		pageErr = err
		p.log.Debug("item page unusable, trying the feed's text", "item", link, "reason", pipeline.Reason(err))
	}
	text := itemText(it.Content)
	if text == "" {
		if pageErr == nil {
			pageErr = ErrNoContent
		}
		p.pipe.RecordError(pageErr)
		return pipeline.Outcome{}, fmt.Errorf("item %s: %w", firstOf(link, it.ID, it.Title), pageErr)
	}
	doc := event.Document{ID: document.ID(link, text), URL: link, Text: text}
	doc.Language = document.DetectLanguage(text)
	return p.pipe.Process(ctx, p.withItem(doc, it, feedTitle))
}

// page fetches an item's page and extracts its article; the item link stays the document's URL and identity.
func (p *Poller) page(ctx context.Context, link string) (event.Document, error) {
	resp, err := p.client.Get(ctx, link)
	if err != nil {
		return event.Document{}, err
	}
	switch {
	case resp.ContentType == "text/plain":
		doc, err := document.FromText(resp.Body, link)
		doc.URL, doc.ID = link, document.ID(link, doc.Text)
		return doc, err
	case resp.ContentType != "" && !strings.Contains(resp.ContentType, "html") && !strings.Contains(resp.ContentType, "xml"):
		return event.Document{}, fmt.Errorf("%s: %w: content type %s", link, document.ErrNoArticle, resp.ContentType)
	}
	return document.FromHTML(ctx, resp.Body, link)
}

// known reports whether the page at link is stored already (false without a store).
func (p *Poller) known(ctx context.Context, link string) (bool, error) {
	if p.st == nil {
		return false, nil
	}
	_, err := p.st.GetDocument(ctx, document.ID(link, ""))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, store.ErrNotFound):
		return false, nil
	}
	return false, fmt.Errorf("%w: %w", pipeline.ErrStore, err)
}

// withItem fills what the page did not say from the item: title, publication date, publisher. The Published
// option overrides the date.
func (p *Poller) withItem(doc event.Document, it Item, feedTitle string) event.Document {
	if doc.Title == "" {
		doc.Title = it.Title
	}
	if doc.Publisher == "" {
		doc.Publisher = feedTitle
	}
	if doc.Published == nil && !it.Published.IsZero() {
		d := event.DateOf(it.Published)
		doc.Published = &d
	}
	if p.opts.Published != nil {
		d := *p.opts.Published
		doc.Published = &d
	}
	return doc
}

// itemText is the plain text of an item's content (HTML or text).
func itemText(content string) string {
	if strings.ContainsRune(content, '<') {
		return htmlText(content)
	}
	return strings.TrimSpace(content)
}

// resolve makes an item link absolute against the feed's URL; "" when it is not an http(s) URL.
func resolve(base, link string) string {
	if link == "" {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	u, err := b.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}
