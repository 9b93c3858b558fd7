package gazetteer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// OverlayFile is the name of the imported index inside a gazetteer data directory.
const OverlayFile = "overlay.idx"

// Open returns the embedded gazetteer together with the places imported into dir (see Import). An empty dir,
// or a dir without an import, gives the embedded data alone.
func Open(ctx context.Context, dir string) (*Gazetteer, error) {
	g, err := Default()
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return g, nil
	}
	ix, err := readOverlay(ctx, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return g, nil
	}
	if err != nil {
		return nil, err
	}
	return g.withOverlay(ix), nil
}

// readOverlay reads and checks the overlay index of dir.
func readOverlay(ctx context.Context, dir string) (*index, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, OverlayFile)
	data, err := mapFile(path)
	if err != nil {
		return nil, fmt.Errorf("open gazetteer overlay: %w", err)
	}
	ix, err := openIndex(data)
	if err != nil {
		return nil, fmt.Errorf("open gazetteer overlay %s: %w", path, err)
	}
	return ix, nil
}

// DefaultDir returns the default data directory for imports: $SITREP_GAZETTEER_DIR, else
// $XDG_DATA_HOME/sitrep/gazetteer, else ~/.local/share/sitrep/gazetteer.
func DefaultDir() string {
	if d := os.Getenv("SITREP_GAZETTEER_DIR"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "sitrep", "gazetteer")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".local", "share", "sitrep", "gazetteer")
}
