// Package store keeps documents, events, incidents and feed sources in a database behind the small Store
// interface. SQLite (modernc.org/sqlite, pure Go) is the first backend; SQL that differs between dialects lives
// in dialect.go so a PostgreSQL backend can follow.
package store
