package lexicon

import (
	"errors"
	"strings"
	"unicode"
)

// pattern is a name or alias compiled for the trie.
type pattern struct {
	keys   []string // folded tokens; the last is a prefix when wild
	raw    []string // the tokens as written, for case-sensitive patterns
	wild   bool     // the last word ended in *: any word starting with it matches
	cased  bool     // ALL-CAPS with 2-5 letters: matched case-sensitively
	source string   // the alias as written
	column string   // the column it came from: name, aliases, formerly
}

// compilePattern turns a name or alias into a pattern. A final * marks the last word as a prefix.
func compilePattern(alias string) (pattern, error) {
	p := pattern{source: alias}
	body := strings.TrimSpace(alias)
	if strings.HasSuffix(body, "*") {
		p.wild = true
		body = body[:len(body)-1]
		if body == "" || !isWordEnd(body) {
			return p, errors.New("* must end a word")
		}
	}
	if strings.Contains(body, "*") {
		return p, errors.New("* is allowed only at the end")
	}
	p.raw = tokens(body)
	if len(p.raw) == 0 {
		return p, errors.New("no words")
	}
	p.keys = make([]string, len(p.raw))
	for i, t := range p.raw {
		p.keys[i] = string(foldToken(nil, t))
	}
	p.cased = isShortAllCaps(body)
	if !p.cased {
		p.raw = nil
	}
	return p, nil
}

// isWordEnd reports whether s ends in a letter or digit.
func isWordEnd(s string) bool {
	r := []rune(s)
	last := r[len(r)-1]
	return unicode.IsLetter(last) || unicode.IsDigit(last)
}

// isShortAllCaps reports whether every letter of s is upper case and it has 2 to 5 letters ("IS", "IS-K",
// "AK-47"): such acronyms match case-sensitively so "IS" does not fire on "is".
func isShortAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2 && n <= 5
}

// key is the folded lookup key of a name or alias (tokens joined by spaces), as used by Get.
func key(s string) string {
	var b []byte
	for i, t := range tokens(strings.TrimSpace(s)) {
		if i > 0 {
			b = append(b, ' ')
		}
		b = foldToken(b, t)
	}
	return string(b)
}
