package gazetteer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// OverlayFile is the name of the imported index inside a gazetteer data directory.
const OverlayFile = "overlay.idx"

// Open returns the embedded gazetteer together with the places imported into dir (see Import). An empty dir,
// or a dir without an import, gives the embedded data alone. Opening the same unchanged overlay again returns
// the same Gazetteer: call it as often as convenient.
func Open(ctx context.Context, dir string) (*Gazetteer, error) {
	g, err := Default()
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return g, nil
	}
	st, err := os.Stat(filepath.Join(dir, OverlayFile))
	if errors.Is(err, fs.ErrNotExist) {
		return g, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open gazetteer overlay: %w", err)
	}
	key := overlayKey{dir: filepath.Clean(dir), size: st.Size(), mtime: st.ModTime().UnixNano()}
	openedMu.Lock()
	defer openedMu.Unlock()
	if o, ok := opened[key]; ok {
		return o, nil
	}
	ix, err := readOverlay(ctx, dir)
	if err != nil {
		return nil, err
	}
	names, err := readAdmin1(dir)
	if err != nil {
		return nil, err
	}
	o := g.withOverlay(ix)
	o.withAdmin1(names)
	opened[key] = o
	return o, nil
}

// overlayKey identifies one version of an overlay file.
type overlayKey struct {
	dir         string
	size, mtime int64
}

// opened caches the gazetteers of the overlays opened so far (their data is mapped for the process's life).
var (
	openedMu sync.Mutex
	opened   = map[overlayKey]*Gazetteer{}
)

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
