package cli

import (
	"strings"
	"testing"
)

func TestEvalHelpAndUnknownSet(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"-h", []string{"eval", "-h"}, ExitOK, "Usage: sitrep eval events|geo|entities"},
		{"--help", []string{"eval", "--help"}, ExitOK, "Usage: sitrep eval events|geo|entities"},
		{"help", []string{"eval", "help"}, ExitOK, "Run 'sitrep eval SET -h'"},
		{"set -h", []string{"eval", "geo", "-h"}, ExitOK, "Usage: sitrep eval geo"},
		{"unknown set", []string{"eval", "nope"}, ExitUsage, `unknown gold set "nope"`},
		{"no set", []string{"eval"}, ExitUsage, "want a gold set"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runEvalCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errOut)
			}
		})
	}
}
