package geoparse

import (
	"slices"
	"strings"

	"sitrep/internal/gazetteer"
)

// closeVariants keeps the places found by a transliteration key whose main name is spelled close to key
// (an edit distance of at most a quarter of its length): "Tartous" for Tartus, not "Saransk" for "Syrian".
// A key of several capitalised words, whose skeleton matched word for word, may be farther from a main name
// written as one word (a third of its length, spaces left out): "Bulo Burte" for Buulobarde.
func (r *run) closeVariants(key string, ps []gazetteer.Place) []gazetteer.Place {
	out, _ := r.variantDistances(key, ps)
	return out
}

// closestVariants is closeVariants keeping only the places spelled closest to key: "Bakol region" is Bakool
// region, not Bicol Region.
func (r *run) closestVariants(key string, ps []gazetteer.Place) []gazetteer.Place {
	out, dists := r.variantDistances(key, ps)
	best := slices.Min(append(dists, 1<<30))
	kept := out[:0]
	for i, p := range out {
		if dists[i] == best {
			kept = append(kept, p)
		}
	}
	return kept
}

// variantDistances returns the places of ps close to key (closeVariants) with their edit distances. Names
// are folded through the parser's cache: the same few hundred names come back in every document.
func (r *run) variantDistances(key string, ps []gazetteer.Place) ([]gazetteer.Place, []int) {
	var out []gazetteer.Place
	var dists []int
	joined := ""
	if len(ps) > 0 && strings.IndexByte(key, ' ') >= 0 {
		if words := strings.Fields(key); !slices.ContainsFunc(words, func(w string) bool {
			return nameParticles[w] || connectors[w]
		}) {
			joined = strings.Join(words, "")
		}
	}
	for _, p := range ps {
		n := r.p.fold(p.Name)
		dist := editDistance(key, n)
		ok := dist <= max(1, len(key)/4)
		if !ok && joined != "" && len(joined) >= 8 && !strings.Contains(n, " ") {
			dist = editDistance(joined, n)
			ok = dist <= len(joined)/3
		}
		if ok {
			out, dists = append(out, p), append(dists, dist)
		}
	}
	return out, dists
}

// editDistance is the Levenshtein distance between two byte strings. Its rows live on the stack for names of
// up to 63 bytes.
func editDistance(a, b string) int {
	var bufs [2][64]int
	var prev, cur []int
	if len(b) < len(bufs[0]) {
		prev, cur = bufs[0][:len(b)+1], bufs[1][:len(b)+1]
	} else {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
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
