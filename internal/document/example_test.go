package document_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"sitrep/internal/document"
)

// Load a JSON Lines stream, skipping bad records with a log line.
func ExampleLoad() {
	in := strings.NewReader(`{"id":"r1","text":"Gunmen attacked a village, killing five people, officials said.","published":"2024-02-01"}
not json
{"id":"r2","text":"A roadside bomb wounded three soldiers on Sunday."}
`)
	src, err := document.Load(context.Background(), "-", in, document.Options{Format: document.FormatJSONL})
	if err != nil {
		slog.Error("load", "err", err)
		os.Exit(1)
	}
	defer src.Close()
	for {
		doc, err := src.Next(context.Background())
		var lineErr *document.LineError
		switch {
		case err == io.EOF:
			return
		case errors.As(err, &lineErr):
			fmt.Println("skipped line", lineErr.Line)
			continue
		case err != nil:
			slog.Error("read", "err", err)
			return
		}
		fmt.Println(doc.ID, doc.Published)
	}
	// Output:
	// r1 2024-02-01
	// skipped line 2
	// r2 <nil>
}
