package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestWorkerFlagsEnv: $SITREP_DB and $SITREP_NATS replace the built-in defaults, a flag beats both, and -h shows
// each default once, never the environment's value (a DSN may hold a password).
func TestWorkerFlagsEnv(t *testing.T) {
	tests := []struct {
		name             string
		envDB, envNATS   string
		args             []string
		wantDB, wantNATS string
	}{
		{"defaults", "", "", nil, "sitrep.db", "nats://127.0.0.1:4222"},
		{"environment", "postgres://u:pw@db/sitrep", "nats://q:4222", nil, "postgres://u:pw@db/sitrep", "nats://q:4222"},
		{"flags beat the environment", "postgres://u:pw@db/sitrep", "nats://q:4222", []string{"--db", "x.db", "--nats", "nats://r:4222"}, "x.db", "nats://r:4222"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("SITREP_DB", tc.envDB)
			t.Setenv("SITREP_NATS", tc.envNATS)
			var errb bytes.Buffer
			f, err := parseWorkerFlags(&env{stderr: &errb}, tc.args)
			if err != nil {
				t.Fatal(err)
			}
			if f.db != tc.wantDB || f.nats != tc.wantNATS {
				t.Errorf("db %q nats %q, want %q %q", f.db, f.nats, tc.wantDB, tc.wantNATS)
			}
		})
	}
	t.Run("help", func(t *testing.T) {
		t.Setenv("SITREP_DB", "postgres://u:secret@db/sitrep")
		code, _, errOut := run(t, "", "worker", "-h")
		if code != ExitOK || strings.Contains(errOut, "secret") || strings.Count(errOut, `(default "sitrep.db")`) != 1 ||
			strings.Contains(errOut, "(default $SITREP") {
			t.Errorf("exit %d\n%s", code, errOut)
		}
	})
}
