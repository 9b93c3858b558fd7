package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"

	"sitrep/internal/event"
)

// PutDocument stores d, or returns the id of the document it duplicates (same canonical URL or content hash).
func (s *sqlStore) PutDocument(ctx context.Context, d Document) (Put, error) {
	var p Put
	err := s.tx(ctx, func(tx *txn) error {
		var err error
		var idx indexQueue
		if p, err = s.putDocument(ctx, tx, &d, &idx); err != nil {
			return err
		}
		return s.flushIndex(ctx, tx, idx)
	})
	return p, err
}

// prepare fills the content hash, the stable id and the fetch time of d.
func (s *sqlStore) prepare(d *Document) {
	if d.ContentHash == "" {
		h := sha256.Sum256([]byte(d.Text))
		d.ContentHash = hex.EncodeToString(h[:])
	}
	if d.ID == "" {
		key := d.CanonicalURL
		if key == "" {
			key = "sha256:" + d.ContentHash
		}
		h := sha256.Sum256([]byte(key))
		d.ID = "doc-" + hex.EncodeToString(h[:8])
	}
	if d.FetchedAt.IsZero() {
		d.FetchedAt = s.now()
	}
}

// findDocumentQuery is d's query for the id of the document stored with an id, a content hash or a canonical
// URL (in that order of preference). Each is read through its unique index, named on SQLite: on the statistics
// of a store analysed while it held a document or two (OpenSQLite's PRAGMA optimize), SQLite's planner chose
// to scan the whole table for each document stored, rather than look up three indexes (see candidateQuery).
// Each value is read through a CAST, as in candidateQuery: on a bare parameter compared to an indexed column,
// SQLite's planner estimates the lookup from the bound value and the sqlite_stat4 samples, and so marks the
// statement to be planned again whenever the parameter takes a new value, that is for every document stored
// (parsing and planning the three arms took 2% of the CPU of an ingest into a store of a million incidents).
func findDocumentQuery(d dialect) string {
	return `SELECT id FROM documents` + d.indexedBy(`sqlite_autoindex_documents_1`) + ` WHERE id = CAST(? AS TEXT)
		UNION ALL SELECT id FROM documents` + d.indexedBy(`documents_content_hash`) + `
			WHERE content_hash = CAST(? AS TEXT)
		UNION ALL SELECT id FROM documents` + d.indexedBy(`documents_canonical_url`) + `
			WHERE canonical_url IS NOT NULL AND canonical_url = CAST(? AS TEXT) LIMIT 1`
}

// Statements of the document write path and GetDocument.
const (
	insertDocumentQuery = `INSERT INTO documents (id, canonical_url, content_hash, url, title, publisher, published,
		language, text, fetched_at, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	getDocumentQuery = `SELECT ` + documentColumns + ` FROM documents WHERE id = ?`
)

// putDocument is PutDocument inside tx; the full-text index insert goes to idx.
func (s *sqlStore) putDocument(ctx context.Context, tx *txn, d *Document, idx *indexQueue) (Put, error) {
	s.prepare(d)
	cleanDocument(d)
	var existing string
	err := s.queryRowTx(ctx, tx, s.hinted.findDocument, d.ID, d.ContentHash, d.CanonicalURL).Scan(&existing)
	switch {
	case err == nil:
		return Put{ID: existing, Duplicate: true}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return Put{}, fmt.Errorf("put document: %w", err)
	}
	res, err := s.execTx(ctx, tx, insertDocumentQuery,
		d.ID, nullString(d.CanonicalURL), d.ContentHash, d.URL, d.Title, d.Publisher, nullDate(d.Published),
		d.Language, d.Text, stamp(d.FetchedAt), nullString(d.DuplicateOf))
	if err != nil {
		return Put{}, fmt.Errorf("put document %s: %w", d.ID, err)
	}
	if err := s.indexDocument(idx, res, d); err != nil {
		return Put{}, fmt.Errorf("index document %s: %w", d.ID, err)
	}
	return Put{ID: d.ID}, nil
}

// documentColumns are the columns scanDocument reads, in order.
const documentColumns = `documents.rowid, id, coalesce(canonical_url, ''), content_hash, url, title, publisher,
	coalesce(published, ''), language, text, fetched_at, coalesce(duplicate_of, '')`

// scanDocument reads one row of documentColumns.
func scanDocument(row interface{ Scan(...any) error }) (Document, int64, error) {
	var d Document
	var rowid int64
	var published, fetched string
	err := row.Scan(&rowid, &d.ID, &d.CanonicalURL, &d.ContentHash, &d.URL, &d.Title, &d.Publisher,
		&published, &d.Language, &d.Text, &fetched, &d.DuplicateOf)
	if err != nil {
		return d, 0, err
	}
	if published != "" {
		if p, err := event.ParseDate(published); err == nil {
			d.Published = &p
		}
	}
	d.FetchedAt = unstamp(fetched)
	return d, rowid, nil
}

// GetDocument returns the document with id.
func (s *sqlStore) GetDocument(ctx context.Context, id string) (Document, error) {
	d, _, err := scanDocument(s.queryRow(ctx, getDocumentQuery, clean(id)))
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("document %s: %w", id, err)
	}
	return d, nil
}

// ListDocuments returns a page of documents, most recently stored first, and the cursor of the next page.
func (s *sqlStore) ListDocuments(ctx context.Context, f DocumentFilter) ([]Document, string, error) {
	var where []string
	var args []any
	if f.Cursor != "" {
		c, err := decodeCursor(f.Cursor)
		if err != nil {
			return nil, "", err
		}
		where, args = append(where, `documents.rowid < ?`), append(args, c.rid)
	}
	if q := s.d.ftsArg(f.Query); q != "" {
		where, args = append(where, s.d.ftsDocuments()), append(args, q)
	}
	limit := pageSize(f.Limit)
	q := selectWhere(documentColumns, `documents`, where) + fmt.Sprintf(` ORDER BY documents.rowid DESC LIMIT %d`, limit+1)
	rows, err := s.db.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return nil, "", fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	var out []Document
	var last int64
	for rows.Next() {
		d, rowid, err := scanDocument(rows)
		if err != nil {
			return nil, "", fmt.Errorf("list documents: %w", err)
		}
		if len(out) == limit {
			return out, encodeCursor(cursor{rid: last}), rows.Err()
		}
		out, last = append(out, d), rowid
	}
	return out, "", rows.Err()
}

// nullString is nil for "".
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nullDate is nil for a missing date.
func nullDate(d *event.Date) any {
	if d == nil || d.IsZero() {
		return nil
	}
	return d.String()
}
