package sources

import (
	"path/filepath"
	"strings"
)

// articleExts are the extensions of files that hold articles: text, HTML and JSON Lines.
var articleExts = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true,
	".shtml": true, ".jsonl": true, ".ndjson": true}

// IsArticleFile reports whether a file name has an article extension (.txt, .html, .jsonl and the like).
func IsArticleFile(name string) bool { return articleExts[strings.ToLower(filepath.Ext(name))] }

// IsHidden reports whether a file or directory name is hidden (starts with a dot).
func IsHidden(name string) bool {
	return strings.HasPrefix(filepath.Base(name), ".") && filepath.Base(name) != "."
}

// SkipReason says why a directory walk does not ingest a file name: "" for an article file.
func SkipReason(name string) string {
	switch {
	case IsHidden(name):
		return "hidden file"
	case IsArticleFile(name):
		return ""
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" {
		ext = "no extension"
	}
	return "not an article file (" + ext + ")"
}
