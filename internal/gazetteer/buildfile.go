package gazetteer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// BuildFile builds the embedded index from the geoname table at src into out, replacing out only when the
// build succeeds.
func BuildFile(ctx context.Context, src, out string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("build gazetteer: %w", err)
	}
	defer in.Close()
	return writeAtomic(out, func(f *os.File) error { return Build(ctx, in, f) })
}

// BuildCountiesFile builds the US counties file (see BuildCounties) from the US.txt at src into out.
func BuildCountiesFile(ctx context.Context, src, out string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("build counties: %w", err)
	}
	defer in.Close()
	return writeAtomic(out, func(f *os.File) error { return BuildCounties(ctx, in, f) })
}

// writeAtomic writes path through a temporary file in the same directory, renamed over path on success.
func writeAtomic(path string, write func(*os.File) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create directory: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("create temporary file: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	return nil
}

// FindCities500 returns the path of cities500.txt given the file itself or a directory holding it (directly,
// under dist/, or under package/dist/ as an unpacked npm package).
func FindCities500(from string) (string, error) {
	st, err := os.Stat(from)
	if err != nil {
		return "", fmt.Errorf("gazetteer source: %w", err)
	}
	if !st.IsDir() {
		return from, nil
	}
	for _, rel := range []string{"cities500.txt", "dist/cities500.txt", "package/dist/cities500.txt"} {
		p := filepath.Join(from, rel)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("gazetteer source: no cities500.txt in %s", from)
}
