package cli

import (
	"strings"
	"testing"
)

func TestDispatch(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{nil, ExitUsage, "Commands:", ""},
		{[]string{"help"}, ExitOK, "Commands:", ""},
		{[]string{"version"}, ExitOK, "sitrep ", ""},
		{[]string{"--version"}, ExitOK, "sitrep ", ""},
		{[]string{"frobnicate"}, ExitUsage, "", `unknown command "frobnicate"`},
		{[]string{"extract", "--no-such-flag"}, ExitUsage, "", "no-such-flag"},
	}
	for _, tt := range tests {
		code, out, errs := run(t, "", tt.args...)
		if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errs, tt.stderr) {
			t.Errorf("sitrep %v: exit %d, stdout %q, stderr %q; want exit %d with %q / %q",
				tt.args, code, out, errs, tt.code, tt.stdout, tt.stderr)
		}
	}
}
