package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/fetch"
	"sitrep/internal/sources"
)

// taskKind says what a worker does with a task.
type taskKind int

const (
	taskDoc  taskKind = iota // a document read by the producer (a JSON Lines record, standard input)
	taskFile                 // a text or HTML file to load
	taskURL                  // an article or feed URL to fetch
	taskErr                  // an input that failed before it became a document
)

// task is one unit of work for the ingest workers.
type task struct {
	kind taskKind
	name string // file, URL, or file:line
	doc  event.Document
	err  error
}

// produce turns the inputs, then the --urls file, into tasks, until ctx ends.
func (in *ingester) produce(ctx context.Context, inputs []string, tasks chan<- task) {
	send := func(t task) bool {
		select {
		case tasks <- t:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, arg := range inputs {
		if !in.input(ctx, arg, send) {
			return
		}
	}
	if in.f.urls != "" {
		in.urlList(ctx, in.f.urls, send)
	}
}

// input turns one command-line argument into tasks; false when the run is over.
func (in *ingester) input(ctx context.Context, arg string, send func(task) bool) bool {
	if arg == "-" {
		return in.stream(ctx, arg, send)
	}
	if sources.IsURL(arg) {
		return send(task{kind: taskURL, name: arg})
	}
	st, err := os.Stat(arg)
	switch {
	case err != nil:
		return send(task{kind: taskErr, name: arg, err: fmt.Errorf("open input: %w", err)})
	case st.IsDir():
		return in.walk(ctx, arg, send)
	}
	return in.file(ctx, arg, send)
}

// file streams a JSON Lines file record by record; any other file is one task.
func (in *ingester) file(ctx context.Context, path string, send func(task) bool) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return in.stream(ctx, path, send)
	}
	return send(task{kind: taskFile, name: path})
}

// stream reads the documents of a JSON Lines file or of standard input; a bad record is a failed task and the
// stream goes on.
func (in *ingester) stream(ctx context.Context, name string, send func(task) bool) bool {
	src, err := document.Load(ctx, name, in.e.stdin, in.docOpt)
	if err != nil {
		return send(task{kind: taskErr, name: name, err: err})
	}
	defer src.Close()
	for {
		doc, err := src.Next(ctx)
		var le *document.LineError
		switch {
		case errors.Is(err, io.EOF):
			return true
		case errors.As(err, &le):
			if !send(task{kind: taskErr, name: fmt.Sprintf("%s:%d", name, le.Line), err: le.Err}) {
				return false
			}
		case err != nil:
			return send(task{kind: taskErr, name: name, err: err})
		default:
			if !send(task{kind: taskDoc, name: name, doc: doc}) {
				return false
			}
		}
	}
}

// walk ingests the article files under dir, skipping hidden entries and files of other types.
func (in *ingester) walk(ctx context.Context, dir string, send func(task) bool) bool {
	ok := true
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			ok = send(task{kind: taskErr, name: path, err: err})
			return nil
		}
		switch {
		case d.IsDir() && path != dir && sources.IsHidden(path):
			return filepath.SkipDir
		case d.IsDir():
			return nil
		case !regular(path, d):
			in.skip(path, "not a regular file")
			return nil
		}
		if reason := sources.SkipReason(path); reason != "" {
			in.skip(path, reason)
			return nil
		}
		if ok = in.file(ctx, path, send); !ok {
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil && ok {
		return send(task{kind: taskErr, name: dir, err: err})
	}
	return ok
}

// skip counts a file a directory walk does not ingest and logs it (at debug level: SITREP_DEBUG=1).
func (in *ingester) skip(path, reason string) {
	in.prog.skip(reason)
	in.e.log.Debug("skipped", "file", path, "reason", reason)
}

// regular reports whether a walked entry is a regular file, following a symbolic link.
func regular(path string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// urlList sends the URLs of a file, one a line; blank lines and # comments are skipped.
func (in *ingester) urlList(ctx context.Context, path string, send func(task) bool) {
	f, err := os.Open(path)
	if err != nil {
		send(task{kind: taskErr, name: path, err: fmt.Errorf("--urls: %w", err)})
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan() && ctx.Err() == nil; n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		t := task{kind: taskURL, name: line}
		if !sources.IsURL(line) {
			t = task{kind: taskErr, name: fmt.Sprintf("%s:%d", path, n),
				err: fmt.Errorf("%w: %q is not an http(s) URL", fetch.ErrScheme, line)}
		}
		if !send(t) {
			return
		}
	}
	if err := sc.Err(); err != nil {
		send(task{kind: taskErr, name: path, err: fmt.Errorf("--urls: %w", err)})
	}
}
