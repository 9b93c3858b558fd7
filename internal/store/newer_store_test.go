package store

import (
	"context"
	"errors"
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
			future := "migrations/9999_from_the_future.sql"
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
