package lexicon

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

//go:embed data/*.tsv data/first_names.txt
var embedded embed.FS

// firstNamesFile is the list of given names (one per line), embedded and read from lexicon directories.
const firstNamesFile = "first_names.txt"

// maxFileSize bounds one user lexicon file.
const maxFileSize = 64 << 20

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) { return Load(context.Background()) })

// Default returns the lexicon of the embedded data files. It is parsed on the first call and shared after;
// callers must not modify it.
func Default() (*Lexicon, error) { return defaultLexicon() }

// Load returns the embedded lexicon with the files of each dir laid on top, in order. Every *.tsv file of a
// dir adds rows to the category of its stem (a new stem is a new category); a row whose name folds like the
// name of an entry already in that category replaces it. A first_names.txt in a dir adds given names.
func Load(ctx context.Context, dirs ...string) (*Lexicon, error) {
	b := newBuilder()
	if err := loadFS(ctx, b, embedded, "data", ""); err != nil {
		return nil, fmt.Errorf("embedded lexicon: %w", err)
	}
	for _, dir := range dirs {
		// Stat first: os.DirFS reports a missing dir as "open .", which names no path.
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			if err == nil {
				err = errors.New("not a directory")
			} else if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, fmt.Errorf("lexicon dir %s: %w", dir, err)
		}
		if err := loadFS(ctx, b, os.DirFS(dir), ".", dir); err != nil {
			return nil, fmt.Errorf("lexicon dir %s: %w", dir, err)
		}
	}
	return b.build(), nil
}

// loadFS reads the *.tsv files and first_names.txt of dir in fsys in name order. prefix is joined to file
// names in error messages and Entry.Source ("" for the embedded files).
func loadFS(ctx context.Context, b *builder, fsys fs.FS, dir, prefix string) error {
	des, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return err
	}
	slices.SortFunc(des, func(a, c fs.DirEntry) int { return strings.Compare(a.Name(), c.Name()) })
	for _, de := range des {
		if err := ctx.Err(); err != nil {
			return err
		}
		name := de.Name()
		if de.IsDir() || (name != firstNamesFile && !strings.HasSuffix(name, ".tsv")) {
			continue
		}
		data, err := readFile(fsys, path.Join(dir, name))
		if err != nil {
			return err
		}
		if name == firstNamesFile {
			b.addFirstNames(string(data))
			continue
		}
		src := name
		if prefix != "" {
			src = filepath.Join(prefix, name)
		}
		cat := Category(strings.TrimSuffix(name, ".tsv"))
		rows, err := parseTSV(cat, src, data)
		if err != nil {
			return err
		}
		b.add(cat, rows)
	}
	return nil
}

// readFile reads one file, refusing anything larger than maxFileSize.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if st.Size() > maxFileSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, maxFileSize)
	}
	return fs.ReadFile(fsys, name)
}
