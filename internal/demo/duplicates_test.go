package demo

import (
	"testing"

	"sitrep/internal/document"
)

// syndicated are the corpus's wire stories republished by another outlet: copy URL -> original URL.
var syndicated = map[string]string{
	"https://harbor-daily.example/world/2026/06/15/nine-dead-dnipro-missile":               "https://meridian-wire.example/europe/2026/06/15/dnipro-missile-strike",
	"https://harbor-daily.example/world/2026/07/06/sudan-el-fasher-shells":                 "https://meridian-wire.example/africa/2026/07/06/el-fasher-market-shelling",
	"https://pinewood-gazette.example/international/2026/07/13/mogadishu-bombing-recruits": "https://meridian-wire.example/africa/2026/07/13/mogadishu-recruitment-bombing",
}

// TestSyndicatedCopiesAreNearDuplicates checks that each syndicated copy is a near-duplicate of its original by
// document.Fingerprint, and that no other pair of reports is, not even reports of the same incident.
func TestSyndicatedCopiesAreNearDuplicates(t *testing.T) {
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	fp := make([]uint64, len(docs))
	byURL := map[string]int{}
	for i, d := range docs {
		fp[i] = document.Fingerprint(d.Text)
		byURL[d.URL] = i
	}
	for cp, orig := range syndicated {
		i, ok1 := byURL[cp]
		j, ok2 := byURL[orig]
		if !ok1 || !ok2 {
			t.Errorf("syndicated pair %s <- %s not in the corpus", cp, orig)
			continue
		}
		if docs[i].Text == docs[j].Text {
			t.Errorf("%s is an exact copy of %s: want outlet boilerplate", cp, orig)
		}
	}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			a, b := docs[i].URL, docs[j].URL
			want := syndicated[a] == b || syndicated[b] == a
			if got := document.NearDuplicate(fp[i], fp[j]); got != want {
				t.Errorf("NearDuplicate(%s, %s) = %v (distance %d), want %v", a, b, got,
					document.Distance(fp[i], fp[j]), want)
			}
		}
	}
}
