// Package store keeps documents, events, incidents and feed sources in a database behind the small Store
// interface, with two backends: SQLite (modernc.org/sqlite, pure Go, one file: the default) and PostgreSQL
// (pgx, for many workers and servers sharing one record). Open picks one from a DSN.
//
// Both backends run the same SQL through database/sql (sqlStore); what differs between the dialects
// (placeholders, write locking, full-text search, the spatial index) lives in dialect.go and
// dialect_postgres.go, and each dialect has its ordered migrations under migrations/ (SQLite) and
// migrations/postgres/. One test suite runs against both.
package store
