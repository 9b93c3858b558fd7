package store

import "strings"

// clean makes s storable as text in both backends: invalid UTF-8 becomes U+FFFD and NUL bytes (which
// PostgreSQL's text type refuses) are dropped. Strings already clean come back unchanged.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return s
}

// cleanDocument cleans the text fields of d (after its content hash and id are computed from the text as given).
func cleanDocument(d *Document) {
	for _, f := range []*string{&d.ID, &d.CanonicalURL, &d.URL, &d.Title, &d.Publisher, &d.Language, &d.Text, &d.DuplicateOf} {
		*f = clean(*f)
	}
}
