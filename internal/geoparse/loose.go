package geoparse

import (
	"slices"
	"strings"

	"sitrep/internal/gazetteer"
)

// closeVariants keeps the places found by a transliteration key whose main name is spelled close to key
// (an edit distance of at most a quarter of its length): "Tartous" for Tartus, not "Saransk" for "Syrian".
// A key of several capitalised words, whose skeleton matched word for word, may be farther from a main name written as
// one word (a third of its length, spaces left out): "Bulo Burte" for Buulobarde. Of the places so found,
// those spelled closest to key are kept: "Bakol region" is Bakool region, not Bicol Region.
func closeVariants(key string, ps []gazetteer.Place) []gazetteer.Place {
	var out []gazetteer.Place
	joined := ""
	if len(ps) > 0 && strings.IndexByte(key, ' ') >= 0 {
		if words := strings.Fields(key); !slices.ContainsFunc(words, func(w string) bool {
			return nameParticles[w] || connectors[w]
		}) {
			joined = strings.Join(words, "")
		}
	}
	best := -1
	for _, p := range ps {
		n := gazetteer.Fold(p.Name)
		dist := editDistance(key, n)
		ok := dist <= max(1, len(key)/4)
		if !ok && joined != "" && len(joined) >= 8 && !strings.Contains(n, " ") {
			dist = editDistance(joined, n)
			ok = dist <= len(joined)/3
		}
		switch {
		case !ok || best >= 0 && dist > best:
		case best < 0 || dist < best:
			best, out = dist, append(out[:0], p)
		default:
			out = append(out, p)
		}
	}
	return out
}

// editDistance is the Levenshtein distance between two byte strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
