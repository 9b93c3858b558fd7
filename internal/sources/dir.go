package sources

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"sitrep/internal/document"
	"sitrep/internal/event"
	"sitrep/internal/pipeline"
)

// Defaults used when a DirOptions field is zero.
const (
	DefaultDirInterval = 10 * time.Second
	DefaultSettle      = 2 * time.Second
)

// DirOptions configure a watched directory.
type DirOptions struct {
	Interval  time.Duration    // time between two scans
	Settle    time.Duration    // a file is read once it has not been modified for this long (it may still be written)
	MaxBytes  int64            // limit of one document; document.DefaultMaxBytes when 0
	Published *event.Date      // when set, the publication date of every document
	Logger    *slog.Logger     // nil: discard
	Now       func() time.Time // nil: time.Now
}

// Processor takes documents in: a *pipeline.Pipeline (or a stand-in that publishes them to workers).
type Processor interface {
	Process(ctx context.Context, doc event.Document) (pipeline.Outcome, error)
	// RecordError counts a failure that happened before a document reached Process.
	RecordError(err error) string
}

// Dir watches a directory tree by scanning it: every new or changed article file (see IsArticleFile; hidden
// entries are skipped) goes through the pipeline once it has settled. What was read is remembered in memory; after
// a restart files are read again and the pipeline finds their documents stored (no second extraction).
type Dir struct {
	root string
	pipe Processor
	opts DirOptions
	log  *slog.Logger

	mu   sync.Mutex
	seen map[string]fileState
}

// fileState is what a scan remembers of a file to notice a change.
type fileState struct {
	size int64
	mod  time.Time
}

// ScanResult counts what one scan did.
type ScanResult struct {
	Files  int `json:"files"`  // files read
	Stored int `json:"stored"` // documents stored
	Failed int `json:"failed"` // documents or files that failed (logged, counted in the pipeline's Stats)
}

// NewDir returns a watcher of the directory root that stores through pipe.
func NewDir(root string, pipe Processor, opts DirOptions) *Dir {
	if opts.Interval <= 0 {
		opts.Interval = DefaultDirInterval
	}
	if opts.Settle <= 0 {
		opts.Settle = DefaultSettle
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Dir{root: root, pipe: pipe, opts: opts, log: log.With("component", "watch", "dir", root),
		seen: map[string]fileState{}}
}

// Run scans the directory every Interval until ctx ends, then returns nil. A scan that cannot read the
// directory is logged and tried again.
func (d *Dir) Run(ctx context.Context) error {
	t := time.NewTicker(d.opts.Interval)
	defer t.Stop()
	for {
		if res, err := d.Scan(ctx); err != nil && ctx.Err() == nil {
			d.log.Warn("scan failed", "err", err)
		} else if res.Files > 0 {
			d.log.Info("scanned", "files", res.Files, "stored", res.Stored, "failed", res.Failed)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Scan reads every article file that is new or changed since the last scan and has settled.
func (d *Dir) Scan(ctx context.Context) (ScanResult, error) {
	var res ScanResult
	settled := d.opts.Now().Add(-d.opts.Settle)
	err := filepath.WalkDir(d.root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			if path == d.root {
				return err
			}
			d.log.Warn("unreadable entry", "path", path, "err", err)
			return nil
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if e.IsDir() {
			if path != d.root && IsHidden(path) {
				return filepath.SkipDir
			}
			return nil
		}
		if !e.Type().IsRegular() || SkipReason(path) != "" {
			return nil
		}
		info, err := e.Info()
		if err != nil || info.ModTime().After(settled) {
			return nil
		}
		st := fileState{size: info.Size(), mod: info.ModTime()}
		if !d.changed(path, st) {
			return nil
		}
		res.Files++
		stored, failed := d.read(ctx, path)
		res.Stored, res.Failed = res.Stored+stored, res.Failed+failed
		if ctx.Err() == nil {
			d.remember(path, st)
		}
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("scan %s: %w", d.root, err)
	}
	return res, nil
}

// changed reports whether path is new or differs from what the last scan saw.
func (d *Dir) changed(path string, st fileState) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	old, ok := d.seen[path]
	return !ok || old.size != st.size || !old.mod.Equal(st.mod)
}

func (d *Dir) remember(path string, st fileState) {
	d.mu.Lock()
	d.seen[path] = st
	d.mu.Unlock()
}

// read takes the documents of one file through the pipeline and counts the stored and the failed ones.
func (d *Dir) read(ctx context.Context, path string) (stored, failed int) {
	src, err := document.Load(ctx, path, nil, document.Options{MaxBytes: d.opts.MaxBytes, Published: d.opts.Published})
	if err != nil {
		d.fail(path, err, true)
		return 0, 1
	}
	defer src.Close()
	for {
		doc, err := src.Next(ctx)
		var le *document.LineError
		switch {
		case errors.Is(err, io.EOF):
			return stored, failed
		case errors.As(err, &le):
			failed++
			d.fail(fmt.Sprintf("%s:%d", path, le.Line), err, true)
			continue
		case err != nil:
			d.fail(path, err, true)
			return stored, failed + 1
		}
		out, err := d.pipe.Process(ctx, doc)
		switch {
		case err != nil:
			failed++
			d.fail(path, err, false)
		case !out.Duplicate:
			stored++
		}
	}
}

// fail logs a failure; count adds it to the pipeline's Stats when the pipeline has not seen it.
func (d *Dir) fail(name string, err error, count bool) {
	reason := pipeline.Reason(err)
	if count {
		d.pipe.RecordError(err)
	}
	d.log.Warn("file failed", "file", name, "reason", reason, "err", err)
}
