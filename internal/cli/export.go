package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"sitrep/internal/export"
	"sitrep/internal/store"
)

const exportUsage = `--format acled-csv|geojson|jsonl [filters] [-o FILE]

Writes the stored incidents that match the filters, streamed (any number of incidents in bounded memory):
ACLED-style CSV (columns in docs/export.md), GeoJSON for QGIS, or JSON Lines of sitrep/v1 incidents.
With -o the file appears only once it is complete.`

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "export", exportUsage)
	db := fs.String("db", "sitrep.db", "the store: a SQLite `file`, or a postgres:// DSN")
	format := fs.String("format", export.FormatCSV, "output `format`: "+strings.Join(export.Formats, ", "))
	out := fs.String("o", "", "write to `file` instead of standard output")
	filter := filterFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("export: unexpected arguments %q", fs.Args())
	}
	f, err := filter()
	if err != nil {
		return err
	}
	var known bool
	for _, x := range export.Formats {
		known = known || x == *format
	}
	if !known {
		return usagef("export: unknown --format %q (want one of %s)", *format, strings.Join(export.Formats, ", "))
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer st.Close()
	// The zero options are what GET /api/export uses too: the same bytes for the same store and filters.
	write := func(w io.Writer) error { return export.Write(w, *format, store.All(ctx, st, f), export.Options{}) }
	if *out == "" {
		if err := write(e.stdout); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return nil
	}
	return writeFileAtomic(*out, write)
}

// writeFileAtomic writes path through a temporary file in the same directory, renamed into place only when
// write succeeds, so a failed export never leaves a truncated file behind. A file-system error names path, the
// file the user asked for, never the temporary file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("export: -o %s: is a directory", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return outputError(path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) && pe.Path == tmp.Name() {
			return outputError(path, err)
		}
		return fmt.Errorf("export: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return outputError(path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return outputError(path, err)
	}
	return nil
}

// outputError reports the failure to write the -o file path: "export: -o out/x.csv: no such directory". The
// operating system's reason is kept without the file name it carries (that of the temporary file).
func outputError(path string, err error) error {
	reason := err
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("export: -o %s: no such directory", path)
	case errors.As(err, &pe):
		reason = pe.Err
	case errors.As(err, &le):
		reason = le.Err
	}
	return fmt.Errorf("export: -o %s: %w", path, reason)
}

// openExistingStore opens the store at dsn for reading commands, refusing to create a SQLite file that is not
// there (a mistyped --db would otherwise give an empty result instead of an error).
func openExistingStore(ctx context.Context, dsn string) (store.Store, error) {
	if !strings.Contains(dsn, "://") {
		path := strings.TrimPrefix(dsn, "file:")
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, inputError{fmt.Errorf("no database at %s (run 'sitrep ingest --db %s ...' first)", path, path)}
		}
	}
	return store.Open(ctx, dsn, store.Options{})
}
