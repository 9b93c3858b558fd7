package gazetteer

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// admin1File holds the imported names of first-order divisions inside a data directory: lines of
// "CC.code<TAB>name<TAB>geonameid".
const admin1File = "admin1.tsv"

// admin1Name is an imported first-order division name and the GeoNames id of the division.
type admin1Name struct {
	Name string
	ID   int64
}

// parseAdmin1Code parses a line of GeoNames' admin1CodesASCII.txt: "SY.09<TAB>Aleppo<TAB>Aleppo<TAB>170062".
func parseAdmin1Code(line []byte) (string, admin1Name, error) {
	if !utf8.Valid(line) {
		return "", admin1Name{}, fmt.Errorf("%w: invalid UTF-8", ErrRow)
	}
	cols := strings.Split(strings.TrimRight(string(line), "\r"), "\t")
	if len(cols) != 4 {
		return "", admin1Name{}, fmt.Errorf("%w: %d columns, want 4", ErrRow, len(cols))
	}
	cc, code, ok := strings.Cut(cols[0], ".")
	id, err := strconv.ParseInt(cols[3], 10, 64)
	if !ok || len(cc) != 2 || code == "" || cols[1] == "" || err != nil || id <= 0 {
		return "", admin1Name{}, fmt.Errorf("%w: code %q, name %q or id %q", ErrRow, cols[0], cols[1], cols[3])
	}
	return cols[0], admin1Name{Name: cols[1], ID: id}, nil
}

// admin1Row is the handler of admin1CodesASCII rows.
func (s *staging) admin1Row(line []byte) error {
	code, a, err := parseAdmin1Code(line)
	if err == nil {
		s.admin1[code] = a
	}
	return err
}

// writeAdmin1 merges the division names read by this import into the admin1 file of dir.
func (s *staging) writeAdmin1(dir string) error {
	if len(s.admin1) == 0 {
		return nil
	}
	all, err := readAdmin1(dir)
	if err != nil {
		return err
	}
	for k, v := range s.admin1 {
		all[k] = v
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return writeAtomic(filepath.Join(dir, admin1File), func(f *os.File) error {
		w := bufio.NewWriter(f)
		for _, k := range keys {
			fmt.Fprintf(w, "%s\t%s\t%d\n", k, all[k].Name, all[k].ID)
		}
		return w.Flush()
	})
}

// readAdmin1 reads the admin1 file of dir; a missing file is an empty map.
func readAdmin1(dir string) (map[string]admin1Name, error) {
	out := map[string]admin1Name{}
	data, err := os.ReadFile(filepath.Join(dir, admin1File))
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read division names: %w", err)
	}
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		if line == "" {
			continue
		}
		id, err := strconv.ParseInt(f[len(f)-1], 10, 64)
		if len(f) != 3 || err != nil {
			return nil, fmt.Errorf("%s:%d: %w: want code, name, id", admin1File, i+1, ErrFormat)
		}
		out[f[0]] = admin1Name{Name: f[1], ID: id}
	}
	return out, nil
}

// withAdmin1 adds imported division names to those of the facts (which keep precedence), placing each at
// its GeoNames feature when the gazetteer has it.
func (g *Gazetteer) withAdmin1(names map[string]admin1Name) {
	if len(names) == 0 {
		return
	}
	merged := make(map[string]admin1Fact, len(g.admin1)+len(names))
	for k, v := range names {
		f := admin1Fact{Name: v.Name}
		if p, ok := g.ByID(v.ID); ok {
			f.Lat, f.Lon, f.Population, f.located = p.Lat, p.Lon, p.Population, true
		}
		merged[k] = f
	}
	for k, v := range g.admin1 {
		merged[k] = v
	}
	g.admin1 = merged
}
