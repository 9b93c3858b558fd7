package geoparse

import (
	"sitrep/internal/gazetteer"
)

// closeVariants keeps the places found by a transliteration key whose main name is spelled close to key
// (an edit distance of at most a quarter of its length): "Tartous" for Tartus, not "Saransk" for "Syrian".
func closeVariants(key string, ps []gazetteer.Place) []gazetteer.Place {
	var out []gazetteer.Place
	for _, p := range ps {
		n := gazetteer.Fold(p.Name)
		if editDistance(key, n) <= max(1, len(key)/4) {
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
