package store

import (
	"context"
	"fmt"
)

// PutSource adds s or updates its polling state.
func (s *sqlStore) PutSource(ctx context.Context, src Source) error {
	if src.URL == "" {
		return fmt.Errorf("put source: empty url")
	}
	if src.Added.IsZero() {
		src.Added = s.now()
	}
	next := ""
	if !src.NextPoll.IsZero() {
		next = stamp(src.NextPoll)
	}
	_, err := s.db.ExecContext(ctx, s.d.rebind(`INSERT INTO sources (url, etag, last_modified, last_error,
		next_poll, added) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag=excluded.etag,
		last_modified=excluded.last_modified, last_error=excluded.last_error, next_poll=excluded.next_poll`),
		clean(src.URL), clean(src.ETag), clean(src.LastModified), clean(src.LastError), next, stamp(src.Added))
	if err != nil {
		return fmt.Errorf("put source %s: %w", src.URL, err)
	}
	return nil
}

// ListSources returns every source ordered by URL.
func (s *sqlStore) ListSources(ctx context.Context) ([]Source, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, etag, last_modified, last_error, next_poll, added
		FROM sources ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	defer rows.Close()
	var out []Source
	for rows.Next() {
		var src Source
		var next, added string
		if err := rows.Scan(&src.URL, &src.ETag, &src.LastModified, &src.LastError, &next, &added); err != nil {
			return nil, fmt.Errorf("list sources: %w", err)
		}
		src.NextPoll, src.Added = unstamp(next), unstamp(added)
		out = append(out, src)
	}
	return out, rows.Err()
}

// DeleteSource removes the source with url; ErrNotFound when there is none.
func (s *sqlStore) DeleteSource(ctx context.Context, url string) error {
	res, err := s.db.ExecContext(ctx, s.d.rebind(`DELETE FROM sources WHERE url = ?`), clean(url))
	if err != nil {
		return fmt.Errorf("delete source %s: %w", url, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("delete source %s: %w", url, ErrNotFound)
	}
	return nil
}
