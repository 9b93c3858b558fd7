package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionString(t *testing.T) {
	vcs := func(kv ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "sitrep", Version: "(devel)"}}
		for i := 0; i+1 < len(kv); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return bi
	}
	tests := []struct {
		name, v string
		bi      *debug.BuildInfo
		want    string
	}{
		{"ldflags wins", "v1.4.0", vcs("vcs.revision", "0123456789abcdef0123"), "v1.4.0"},
		{"no build info", "dev", nil, "dev"},
		{"clean commit", "dev", vcs("vcs.revision", "0123456789abcdef0123", "vcs.time", "2026-12-05T22:40:00Z", "vcs.modified", "false"),
			"dev-0123456789ab (2026-12-05T22:40:00Z)"},
		{"dirty tree", "dev", vcs("vcs.revision", "0123456789abcdef0123", "vcs.time", "2026-12-05T22:40:00Z", "vcs.modified", "true"),
			"dev-0123456789ab+dirty (2026-12-05T22:40:00Z)"},
		{"short revision, no time", "dev", vcs("vcs.revision", "abc"), "dev-abc"},
		{"go install @version", "dev", &debug.BuildInfo{Main: debug.Module{Path: "sitrep", Version: "v1.2.3"}}, "v1.2.3"},
		{"no vcs stamp", "dev", vcs(), "dev (built without VCS information: -buildvcs=false or not in a git checkout)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := versionString(tc.v, tc.bi); got != tc.want {
				t.Errorf("versionString = %q, want %q", got, tc.want)
			}
		})
	}
}
