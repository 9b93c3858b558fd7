package gazetteer

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// readDump streams every data row of a GeoNames file (a .txt, or the tables inside a .zip) to row.
func readDump(ctx context.Context, path string, opt ImportOptions, st *ImportStats, row func([]byte) error) error {
	if strings.EqualFold(filepath.Ext(path), ".zip") {
		return readZip(ctx, path, opt, st, row)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("gazetteer import: %w", err)
	}
	defer f.Close()
	return readTable(ctx, filepath.Base(path), f, opt, st, row)
}

// readZip reads the tables of a GeoNames archive, skipping its readme and language-code list.
func readZip(ctx context.Context, path string, opt ImportOptions, st *ImportStats, row func([]byte) error) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return fmt.Errorf("gazetteer import %s: %w", filepath.Base(path), err)
	}
	defer zr.Close()
	n := 0
	for _, m := range zr.File {
		base := strings.ToLower(filepath.Base(m.Name))
		if !strings.HasSuffix(base, ".txt") || base == "readme.txt" || base == "iso-languagecodes.txt" {
			continue
		}
		if kindOf(m.Name) != kindOf(path) {
			continue
		}
		n++
		if err := readMember(ctx, path, m, opt, st, row); err != nil {
			return err
		}
	}
	if n == 0 {
		return fmt.Errorf("gazetteer import %s: no GeoNames table in the archive", filepath.Base(path))
	}
	return nil
}

func readMember(ctx context.Context, path string, m *zip.File, opt ImportOptions, st *ImportStats, row func([]byte) error) error {
	rc, err := m.Open()
	if err != nil {
		return fmt.Errorf("gazetteer import %s: %s: %w", filepath.Base(path), m.Name, err)
	}
	defer rc.Close()
	return readTable(ctx, filepath.Base(path)+":"+m.Name, rc, opt, st, row)
}

// readTable streams one table, naming the file and line of the first error.
func readTable(ctx context.Context, name string, r io.Reader, opt ImportOptions, st *ImportStats, row func([]byte) error) error {
	var rows int64
	n, err := scanLines(ctx, r, func(line []byte) error {
		rows++
		st.Rows++
		if opt.Progress != nil && rows%opt.ProgressEvery == 0 {
			opt.Progress(name, rows)
		}
		return row(line)
	})
	if err != nil {
		return fmt.Errorf("gazetteer import %s: line %d: %w", name, n, err)
	}
	if opt.Progress != nil {
		opt.Progress(name, rows)
	}
	return nil
}
