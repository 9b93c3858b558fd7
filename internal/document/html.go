package document

import (
	"context"
	"errors"

	"sitrep/internal/event"
)

// FromHTML extracts the main content of an HTML page. Placeholder until the extractor lands.
func FromHTML(ctx context.Context, html []byte, pageURL string) (event.Document, error) {
	if err := ctx.Err(); err != nil {
		return event.Document{}, err
	}
	return event.Document{}, errors.New("html input is not supported yet")
}
