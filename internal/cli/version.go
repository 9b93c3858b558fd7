package cli

import (
	"context"
	"fmt"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X sitrep/internal/cli.version=...".
var version = "dev"

func runVersion(_ context.Context, e *env, _ []string) error {
	bi, _ := debug.ReadBuildInfo()
	fmt.Fprintf(e.stdout, "sitrep %s\n", versionString(version, bi))
	return nil
}

// versionString is the version set by -ldflags when there is one; otherwise what the Go toolchain stamped into
// the binary: the module version of a `go install sitrep@vX`, or the commit, its time and "+dirty" for
// uncommitted changes of a build in a git checkout. A build without VCS stamping (-buildvcs=false) says so.
func versionString(v string, bi *debug.BuildInfo) string {
	if v != "dev" || bi == nil {
		return v
	}
	var rev, at string
	var dirty bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		if mv := bi.Main.Version; mv != "" && mv != "(devel)" {
			return mv
		}
		return "dev (built without VCS information: -buildvcs=false or not in a git checkout)"
	}
	out := "dev-" + rev[:min(12, len(rev))]
	if dirty {
		out += "+dirty"
	}
	if at != "" {
		out += " (" + at + ")"
	}
	return out
}
