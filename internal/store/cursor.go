package store

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// cursor is the position after the last row of a page: its sort key and row id.
type cursor struct {
	key string
	rid int64
}

// encodeCursor makes an opaque cursor.
func encodeCursor(c cursor) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(c.rid, 10) + "|" + c.key))
}

// decodeCursor reads a cursor made by encodeCursor.
func decodeCursor(s string) (cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, fmt.Errorf("cursor: %w", ErrBadCursor)
	}
	id, key, ok := strings.Cut(string(b), "|")
	rid, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil {
		return cursor{}, fmt.Errorf("cursor: %w", ErrBadCursor)
	}
	return cursor{key: key, rid: rid}, nil
}

// pageSize clamps a requested page size.
func pageSize(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}
