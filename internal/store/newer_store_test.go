package store

import (
	"context"
	"errors"
	"path"
	"strings"
	"testing"
)

// TestRefuseNewerStore checks that a store a newer sitrep migrated (a migration this binary does not have) is
// refused with ErrNewerStore, naming the migration, and that a store of this version opens again.
func TestRefuseNewerStore(t *testing.T) {
	ctx := context.Background()
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.fresh(t)
			st, err := Open(ctx, dsn, Options{})
			if err != nil {
				t.Fatal(err)
			}
			st.Close()
			st, err = Open(ctx, dsn, Options{})
			if err != nil {
				t.Fatalf("reopening a store of this version: %v", err)
			}
			s := base(t, st)
			future := path.Dir(s.d.migrations()) + "/9999_from_the_future.sql"
			if _, err := s.db.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`),
				future, "2030-01-01T00:00:00Z"); err != nil {
				t.Fatal(err)
			}
			st.Close()
			st, err = Open(ctx, dsn, Options{})
			if err == nil {
				st.Close()
				t.Fatal("a store with a migration from a newer version opened")
			}
			if !errors.Is(err, ErrNewerStore) || !strings.Contains(err.Error(), future) {
				t.Errorf("error %v; want ErrNewerStore naming %s", err, future)
			}
		})
	}
}

// TestRefuseForeignMigrations checks that a database whose schema_migrations table records versions that are no
// sitrep migration (another application's table of that name) is refused with ErrForeignStore, not taken for a
// store of a newer sitrep, and is left as it was.
func TestRefuseForeignMigrations(t *testing.T) {
	ctx := context.Background()
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.fresh(t)
			st, err := Open(ctx, dsn, Options{})
			if err != nil {
				t.Fatal(err)
			}
			s := base(t, st)
			// Another tool's versions, and a migration of the other dialect (not this backend's).
			other := map[bool]string{true: "migrations/0001_init.sql", false: "migrations/postgres/0001_init.sql"}[s.d.migrations() != "migrations/*.sql"]
			for _, v := range []string{"20240101120000", other} {
				if _, err := s.db.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`),
					v, "2024-01-01T12:00:00Z"); err != nil {
					t.Fatal(err)
				}
			}
			st.Close()
			st, err = Open(ctx, dsn, Options{})
			if err == nil {
				st.Close()
				t.Fatal("a database with another application's migrations opened")
			}
			if !errors.Is(err, ErrForeignStore) || errors.Is(err, ErrNewerStore) || !strings.Contains(err.Error(), "20240101120000") {
				t.Errorf("error %v; want ErrForeignStore naming 20240101120000", err)
			}
		})
	}
}
