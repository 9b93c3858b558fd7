package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"sitrep/internal/pgtest"
)

// TestPostgresRoleWithoutExtensions opens a store as a role that may create tables in its schema but not
// extensions in its database (not the database's owner): the migrations that use an extension when they may
// (0003 PostGIS, 0009 pg_trgm) leave it out, the store opens, and the actor filter, without its index, walks.
func TestPostgresRoleWithoutExtensions(t *testing.T) {
	dsn := pgtest.Start(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	role := fmt.Sprintf("sitrep_app_%d", time.Now().UnixNano())
	for _, q := range []string{`CREATE ROLE ` + role + ` LOGIN`, `GRANT CREATE, USAGE ON SCHEMA public TO ` + role} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close(ctx)
	if !strings.HasPrefix(dsn, "postgres://postgres@") {
		t.Fatalf("unexpected test DSN %q", dsn)
	}
	st, err := Open(ctx, strings.Replace(dsn, "postgres://postgres@", "postgres://"+role+"@", 1), Options{})
	if err != nil {
		t.Fatalf("open as a role that may not create extensions: %v", err)
	}
	defer st.Close()
	s := base(t, st)
	if _, ok := s.d.actorMatches("group"); ok {
		t.Error("actor index in use although the migration could not build it")
	}
	seed(t, s)
	p, err := s.ListIncidents(ctx, Filter{Actor: "rapid support"})
	if err != nil {
		t.Fatal(err)
	}
	if got := places(p.Incidents); fmt.Sprint(got) != "[El Fasher]" {
		t.Errorf("actor filter: got %v, want [El Fasher]", got)
	}
}
