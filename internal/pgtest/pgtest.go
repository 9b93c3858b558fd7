// Package pgtest starts a real, throwaway PostgreSQL server for tests: initdb into a temporary directory (as the
// postgres user when the test runs as root, since initdb refuses root), pg_ctl start on a free local port with
// fsync off, one fresh database per Start call, and the whole cluster removed at the end.
//
// When the server has PostGIS, template1 has the extension, so every database starts with it.
//
// Use Run from TestMain to share one server across a package's tests; without it, each Start runs its own
// server for the one test. Start skips the test when the PostgreSQL binaries are missing, unless CI=true, where
// it fails instead.
package pgtest

import (
	"fmt"
	"os"
	"sync"
	"testing"
)

// shared is the package-wide server Run enables.
var shared struct {
	sync.Mutex
	enabled bool
	srv     *Server
	err     error
	n       int
}

// Run runs m's tests with one shared server (started by the first Start) and stops it afterwards. Call it from
// TestMain: os.Exit(pgtest.Run(m)).
func Run(m *testing.M) int {
	shared.Lock()
	shared.enabled = true
	shared.Unlock()
	code := m.Run()
	shared.Lock()
	defer shared.Unlock()
	if shared.srv != nil {
		if err := shared.srv.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
		}
	}
	return code
}

// Start returns the DSN of a fresh, empty database on a running test server, skipping (or, under CI=true,
// failing) the test when PostgreSQL is not installed.
func Start(t testing.TB) string {
	t.Helper()
	srv, name := server(t, binDir(t))
	dsn, err := srv.CreateDB(name)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	return dsn
}

// Shared returns the package's shared server (starting it if needed; a server of t's own without Run), for
// tests that crash and restart it: tests of a package run one after another unless they call t.Parallel, so
// nothing else uses it meanwhile.
func Shared(t testing.TB) *Server {
	t.Helper()
	srv, _ := server(t, binDir(t))
	return srv
}

// Own starts a server for t alone (for tests that crash or restart it) and stops it when t ends; it skips or
// fails like Start when PostgreSQL is missing.
func Own(t testing.TB) *Server {
	t.Helper()
	srv, err := StartServer(binDir(t))
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Stop(); err != nil {
			t.Errorf("pgtest: %v", err)
		}
	})
	return srv
}

// binDir finds the server binaries, skipping t when they are missing (failing it when CI=true).
func binDir(t testing.TB) string {
	t.Helper()
	bin, err := BinDir()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("pgtest: %v (CI=true: install postgresql-15)", err)
		}
		t.Skipf("pgtest: %v; install postgresql-15 (or set PGTEST_BIN) to run the PostgreSQL tests", err)
	}
	return bin
}

// server returns the shared server (starting it once) or, without Run, a server of the test's own, with a
// database name unique to the server.
func server(t testing.TB, bin string) (*Server, string) {
	shared.Lock()
	defer shared.Unlock()
	if !shared.enabled {
		return Own(t), "test"
	}
	if shared.srv == nil && shared.err == nil {
		shared.srv, shared.err = StartServer(bin)
	}
	if shared.err != nil {
		t.Fatalf("pgtest: %v", shared.err)
	}
	shared.n++
	return shared.srv, fmt.Sprintf("test%d", shared.n)
}
