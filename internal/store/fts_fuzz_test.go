package store

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFTSQuery feeds arbitrary search text (the API's q=) to a SQLite store, which must answer without error,
// and to the PostgreSQL argument builder, which must hand plainto_tsquery clean words only.
func FuzzFTSQuery(f *testing.F) {
	for _, q := range []string{"", "shelling", `"unterminated`, "a AND b OR NOT c", "NEAR(a b)", "col:word", "*",
		"\x00", "\xff\xfe", "al-Shabaab's", "Донецьк", "a/b/c", "'; DROP TABLE incidents; --", `"" ""`} {
		f.Add(q)
	}
	s := open(f)
	seed(f, s)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.ListIncidents(ctx, Filter{Query: q}); err != nil {
			t.Errorf("incidents %q: %v", q, err)
		}
		if _, _, err := s.ListDocuments(ctx, DocumentFilter{Query: q}); err != nil {
			t.Errorf("documents %q: %v", q, err)
		}
		arg := postgresDialect{}.ftsArg(q)
		if !utf8.ValidString(arg) || strings.ContainsAny(arg, "\x00'\"&|!:*()<>") {
			t.Errorf("postgres argument %q from %q", arg, q)
		}
	})
}
