package store

import (
	"context"
	"errors"
	"path"
	"strings"
	"testing"
)

// TestRefuseUnknownMigrations checks that a store reopens, and that one whose schema_migrations records a
// migration this binary does not have is refused: with ErrNewerStore, naming it, when it is named like this
// backend's migrations (a newer sitrep's), with ErrForeignStore when it is not (another application's table
// of that name, or the other backend's migration).
func TestRefuseUnknownMigrations(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name     string
		versions func(d dialect) []string
		want     error
		mention  string
	}{
		{"newer", func(d dialect) []string { return []string{path.Dir(d.migrations()) + "/9999_from_the_future.sql"} },
			ErrNewerStore, "9999_from_the_future.sql"},
		{"foreign", func(d dialect) []string {
			other := map[bool]string{true: "migrations/0001_init.sql", false: "migrations/postgres/0001_init.sql"}[d.migrations() != "migrations/*.sql"]
			return []string{"20240101120000", other}
		}, ErrForeignStore, "20240101120000"},
	} {
		for _, b := range backends {
			t.Run(tc.name+"/"+b.name, func(t *testing.T) {
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
				for _, v := range tc.versions(s.d) {
					if _, err := s.db.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`),
						v, "2030-01-01T00:00:00Z"); err != nil {
						t.Fatal(err)
					}
				}
				st.Close()
				st, err = Open(ctx, dsn, Options{})
				if err == nil {
					st.Close()
					t.Fatal("a store with an unknown migration opened")
				}
				other := map[error]error{ErrNewerStore: ErrForeignStore, ErrForeignStore: ErrNewerStore}[tc.want]
				if !errors.Is(err, tc.want) || errors.Is(err, other) || !strings.Contains(err.Error(), tc.mention) {
					t.Errorf("error %v; want %v naming %s", err, tc.want, tc.mention)
				}
			})
		}
	}
}
