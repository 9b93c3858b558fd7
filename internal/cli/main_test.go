package cli

import (
	"os"
	"testing"

	"sitrep/internal/pgtest"
)

// TestMain shares one throwaway PostgreSQL server across the package's tests (started by the first test that
// asks for one), instead of an initdb per test.
func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }
