package pgtest

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Run(m)) }

// TestStart gets two databases from the shared server and checks that they are distinct and empty (but for
// PostGIS's own table when the server has PostGIS).
func TestStart(t *testing.T) {
	ctx := context.Background()
	a, b := Start(t), Start(t)
	if a == b {
		t.Fatalf("two Start calls returned the same database %s", a)
	}
	for _, dsn := range []string{a, b} {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'
			AND tablename <> 'spatial_ref_sys'`).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d tables, %v; want a fresh database", dsn, n, err)
		}
		conn.Close(ctx)
	}
}

// TestCrashRestart crashes a server of its own and checks that committed data survives the restart.
func TestCrashRestart(t *testing.T) {
	srv := Own(t)
	ctx := context.Background()
	dsn, err := srv.CreateDB("crash")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `CREATE TABLE t (n int); INSERT INTO t VALUES (42)`); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	if err := srv.Crash(); err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	conn, err = pgx.Connect(ctx, srv.DSN("crash"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT n FROM t`).Scan(&n); err != nil || n != 42 {
		t.Errorf("after crash: %d %v", n, err)
	}
}
