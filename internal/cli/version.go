package cli

import (
	"context"
	"fmt"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X sitrep/internal/cli.version=...".
var version = "dev"

func runVersion(_ context.Context, e *env, _ []string) error {
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok && v == "dev" {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v = "dev-" + s.Value[:12]
			}
		}
	}
	fmt.Fprintf(e.stdout, "sitrep %s\n", v)
	return nil
}
