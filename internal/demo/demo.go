// Package demo holds sitrep's sample corpus: short news reports written for the project as synthetic examples
// (invented outlets and incidents, real places), embedded so that `sitrep demo` and tests run without network.
package demo

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"sitrep/internal/document"
	"sitrep/internal/event"
)

//go:embed corpus/*.jsonl
var corpus embed.FS

// ErrCorpus is wrapped by every error about the embedded corpus's content.
var ErrCorpus = errors.New("demo corpus")

// record is one line of a corpus file.
type record struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Text      string `json:"text"`
}

// Documents returns the embedded corpus in publication order (within a day, in file order: a wire story before
// its syndicated copies). Each document's ID is
// document.ID(URL, Text), its Publisher the outlet, its Language "en".
func Documents() ([]event.Document, error) {
	names, err := fs.Glob(corpus, "corpus/*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("list corpus: %w", err)
	}
	var docs []event.Document
	for _, name := range names {
		data, err := corpus.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		got, err := parse(name, data)
		if err != nil {
			return nil, err
		}
		docs = append(docs, got...)
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Published.Before(docs[j].Published.Time) })
	return docs, nil
}

// parse reads the lines of one corpus file.
func parse(name string, data []byte) ([]event.Document, error) {
	var docs []event.Document
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		doc, err := parseLine(sc.Bytes())
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		docs = append(docs, doc)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("scan %s: %w", name, err)
	}
	return docs, nil
}

// parseLine makes a document of one record; every field is required.
func parseLine(line []byte) (event.Document, error) {
	var rec record
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rec); err != nil {
		return event.Document{}, fmt.Errorf("%w: %w", ErrCorpus, err)
	}
	for field, v := range map[string]string{"id": rec.ID, "title": rec.Title, "url": rec.URL, "source": rec.Source, "text": rec.Text} {
		if strings.TrimSpace(v) == "" {
			return event.Document{}, fmt.Errorf("%w: %q is empty", ErrCorpus, field)
		}
	}
	published, err := event.ParseDate(rec.Published)
	if err != nil {
		return event.Document{}, fmt.Errorf("%w: %w", ErrCorpus, err)
	}
	return event.Document{
		ID:        document.ID(rec.URL, rec.Text),
		URL:       rec.URL,
		Title:     rec.Title,
		Publisher: rec.Source,
		Published: &published,
		Language:  "en",
		Text:      rec.Text,
	}, nil
}
