package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"slices"
	"sort"
	"strings"
	"time"
)

//go:embed migrations/*.sql migrations/postgres/*.sql
var migrations embed.FS

// migrate applies, in name order, each of the dialect's migrations not yet recorded in schema_migrations, each
// in its own transaction with its record. Every transaction takes the dialect's write lock first, so processes
// starting together against one PostgreSQL database migrate it once.
func migrate(ctx context.Context, db *sql.DB, d dialect) error {
	if err := inTx(ctx, db, d, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version TEXT PRIMARY KEY, applied TEXT NOT NULL)`)
		return err
	}); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := fs.Glob(migrations, d.migrations())
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	// Migrations run in name order, each once. A store may still have applied a later-numbered one before an
	// earlier one (two written at the same time and landed in the other order, as 0019 before 0018), so a
	// migration may depend only on those released before it was written, not on one written alongside it.
	// Under the write lock, so that a newer sitrep migrating at the same moment is seen.
	if err := inTx(ctx, db, d, func(tx *sql.Tx) error { return refuseNewer(ctx, tx, d.migrations(), names) }); err != nil {
		return err
	}
	for _, name := range names {
		if err := applyMigration(ctx, db, d, name); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

// ErrNewerStore is returned by Open for a store that a newer sitrep has migrated: this binary would misread
// what that version writes (incident bodies whose reports hold references to their events, since SQLite
// migration 0012) and could write incidents recomputed from it.
var ErrNewerStore = errors.New("the store was written by a newer version of sitrep; use that version or newer")

// ErrForeignStore is returned by Open for a database whose schema_migrations table records versions that are
// not sitrep's migrations: another application's table of the same name, in a database sitrep should not share.
var ErrForeignStore = errors.New("the database's schema_migrations table is another application's; give sitrep a database of its own")

// refuseNewer fails with ErrNewerStore when schema_migrations records a migration of this dialect (a name
// matching pattern, the dialect's migrations glob) that this binary does not have, and with ErrForeignStore
// when it records a version that is no sitrep migration name.
func refuseNewer(ctx context.Context, tx *sql.Tx, pattern string, known []string) error {
	rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer rows.Close()
	var unknown, foreign []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if slices.Contains(known, v) {
			continue
		}
		if ok, _ := path.Match(pattern, v); ok {
			unknown = append(unknown, v)
		} else {
			foreign = append(foreign, v)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if len(foreign) > 0 {
		sort.Strings(foreign)
		return fmt.Errorf("%w (it records %q)", ErrForeignStore, foreign[0])
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("%w (it has migration %s, unknown to this one)", ErrNewerStore, strings.Join(unknown, ", "))
	}
	return nil
}

// applyMigration runs one migration file unless it is already applied.
func applyMigration(ctx context.Context, db *sql.DB, d dialect, name string) error {
	body, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	return inTx(ctx, db, d, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, d.rebind(`SELECT count(*) FROM schema_migrations WHERE version = ?`),
			name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		defer noticeSlowMigration(path.Base(name))()
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, d.rebind(`INSERT INTO schema_migrations(version, applied) VALUES (?, `+
			d.now()+`)`), name)
		return err
	})
}

// slowMigrationNotice is how long a migration runs before the store says so: on a store of a million incidents
// some take 15 to 30 seconds (docs/deploy.md), which without a word would look like a hang at the first start
// of a new version. Migrations of a new or small store end well before it, silently.
var slowMigrationNotice = 2 * time.Second

// noticeSlowMigration logs, once the migration named name has run for slowMigrationNotice (at once when that is
// not positive), that it is being applied; the function it returns, called when the migration ends, then logs
// how long it took.
func noticeSlowMigration(name string) (done func()) {
	start := time.Now()
	notice := func() {
		slog.Info("store: applying a migration; on a large store this can take a minute", "migration", name)
	}
	end := func() {
		slog.Info("store: migration ended", "migration", name, "took", time.Since(start).Round(time.Millisecond))
	}
	if slowMigrationNotice <= 0 {
		notice()
		return end
	}
	noticed := make(chan struct{})
	t := time.AfterFunc(slowMigrationNotice, func() {
		notice()
		close(noticed)
	})
	return func() {
		if !t.Stop() {
			<-noticed // the end after the notice
			end()
		}
	}
}

// inTx runs fn in a transaction holding the dialect's write lock, committing when fn returns nil.
func inTx(ctx context.Context, db *sql.DB, d dialect, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if l := d.lockWrites(); l != "" {
		if _, err := tx.ExecContext(ctx, l); err != nil {
			return err
		}
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
