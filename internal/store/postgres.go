package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// Postgres is the Store over a PostgreSQL database, for many workers and servers sharing one record. It runs
// the same SQL as SQLite through database/sql (pgx's stdlib driver), with the dialect's differences.
type Postgres struct{ sqlStore }

var _ Store = (*Postgres)(nil)

// maxPostgresConns bounds the connection pool of one process.
const maxPostgresConns = 16

// OpenPostgres connects to the PostgreSQL database of dsn (postgres://user:pass@host:port/db?sslmode=...; the
// PG* environment variables fill what it leaves out) and applies pending migrations.
//
// Its sessions run with jit=off unless dsn sets jit: the store's queries read at most tens of thousands of rows,
// where compiling a plan (100 ms to 2 s, seen on full-text listings whose estimated cost passes jit_above_cost)
// costs far more than it saves.
func OpenPostgres(ctx context.Context, dsn string, opts Options) (*Postgres, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if _, ok := cfg.RuntimeParams["jit"]; !ok {
		cfg.RuntimeParams["jit"] = "off"
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(maxPostgresConns)
	db.SetMaxIdleConns(maxPostgresConns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	d := postgresDialect{}
	if err := migrate(ctx, db, d); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_indexes
		WHERE tablename = 'incidents' AND indexname = 'incidents_geom'), EXISTS (SELECT 1 FROM pg_indexes
		WHERE tablename = 'incidents' AND indexname = 'incidents_actors_trgm')`).Scan(&d.postgis, &d.actorTrgm); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	p := &Postgres{newSQLStore(db, d, opts)}
	if err := p.prepareAll(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return p, nil
}

// PostGIS reports whether bounding-box queries use the PostGIS index.
func (p *Postgres) PostGIS() bool { return p.d.(postgresDialect).postgis }

// Open opens the store a DSN names: postgres:// or postgresql:// URLs open PostgreSQL, anything else is the
// path of a SQLite file (an optional sqlite:// or file: prefix is dropped).
func Open(ctx context.Context, dsn string, opts Options) (Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return OpenPostgres(ctx, dsn, opts)
	}
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite://"), "file:")
	if path == "" {
		return nil, fmt.Errorf("open store: empty database path")
	}
	return OpenSQLite(ctx, path, opts)
}
