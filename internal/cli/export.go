package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
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
// file the user asked for, never the temporary file. A symbolic link is followed (its target is replaced, the
// link stays), and a path that is not a regular file (a device such as /dev/null or /dev/stdout, a named pipe)
// is written directly: renaming over it would replace the device or pipe with a file. A name of one of the
// process's open files (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N) is written through that file as
// it is open, at its offset and in its mode (appending to a log, say): resolving the name would rename a new
// file over the one the shell opened. The new file has the mode of the file it replaces, or 0666 less the umask
// for a new one, as a shell redirection would (owner, group, hard links and extended attributes are not kept).
func writeFileAtomic(path string, write func(io.Writer) error) error {
	target, fd := resolveOutput(path)
	if fd >= 0 {
		return writeOpenFile(path, fd, write)
	}
	perm := fs.FileMode(0o666)
	keepMode := false
	if fi, err := os.Stat(target); err == nil {
		switch {
		case fi.IsDir():
			return fmt.Errorf("export: -o %s: is a directory", path)
		case !fi.Mode().IsRegular():
			return writeDirect(path, target, write)
		}
		perm, keepMode = fi.Mode().Perm(), true
	}
	tmp, err := createTemp(filepath.Dir(target), "."+filepath.Base(target)+".", perm)
	if err != nil {
		return outputError(path, err)
	}
	defer os.Remove(tmp.Name())
	if keepMode {
		// The umask applied at creation; the replaced file's mode is what the user chose for it.
		if err := tmp.Chmod(perm); err != nil {
			tmp.Close()
			return outputError(path, err)
		}
	}
	if err := writeThrough(path, tmp, write); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return outputError(path, err)
	}
	return nil
}

// resolveOutput follows path's symbolic links one by one, as opening it would, to the file to write (which may
// not exist yet: a dangling link's target is created, the link kept). When the name or a link on the way names
// one of the process's open files, fd is its descriptor (else -1).
func resolveOutput(path string) (target string, fd int) {
	for range 40 { // as the kernel's limit on links followed
		if n, ok := openFileName(path); ok {
			return path, n
		}
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, -1
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return path, -1
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return path, -1
}

// openFileName reports whether path names one of the process's open files, and its descriptor.
func openFileName(path string) (int, bool) {
	switch p := filepath.Clean(path); p {
	case "/dev/stdout":
		return 1, true
	case "/dev/stderr":
		return 2, true
	default:
		for _, dir := range []string{"/dev/fd/", "/proc/self/fd/"} {
			if rest, ok := strings.CutPrefix(p, dir); ok {
				if n, err := strconv.Atoi(rest); err == nil && n >= 0 {
					return n, true
				}
			}
		}
	}
	return -1, false
}

// writeOpenFile writes through the process's open file fd, leaving it open: through a duplicate of it, which
// shares its offset and mode and is closed after (an *os.File made of fd itself would close fd when collected).
func writeOpenFile(path string, fd int, write func(io.Writer) error) error {
	dup, err := dupFile(fd)
	if err != nil {
		return outputError(path, err)
	}
	return writeThrough(path, os.NewFile(uintptr(dup), path), write)
}

// writeDirect writes to target, an existing file that is not a regular one (a device, a named pipe), as it is.
func writeDirect(path, target string, write func(io.Writer) error) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return outputError(path, err)
	}
	return writeThrough(path, f, write)
}

// writeThrough writes to f, opened for the -o file path, and closes it; an error writing f names path.
func writeThrough(path string, f *os.File, write func(io.Writer) error) error {
	if err := write(f); err != nil {
		f.Close()
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) && pe.Path == f.Name() {
			return outputError(path, err)
		}
		return fmt.Errorf("export: %w", err)
	}
	if err := f.Close(); err != nil {
		return outputError(path, err)
	}
	return nil
}

// createTemp creates a new file in dir named prefix and a random suffix, with mode perm less the umask
// (os.CreateTemp always uses 0600).
func createTemp(dir, prefix string, perm fs.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "createtemp", Path: filepath.Join(dir, prefix+"*"), Err: fs.ErrExist}
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
