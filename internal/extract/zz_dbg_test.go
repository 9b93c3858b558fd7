package extract

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestScratchScore(t *testing.T) {
	f := os.Getenv("SCRATCH")
	if f == "" {
		t.Skip()
	}
	e := testEngine(t, false)
	doc := fixture(t, f)
	r := &run{e: e, ctx: context.Background(), doc: doc, pub: doc.Published}
	if err := r.scan(); err != nil {
		t.Fatal(err)
	}
	cands := r.detect()
	for i, k := range cands {
		kp := r.placeIn(k.s, &k.h, k.lo, k.hi)
		name := ""
		if kp != nil {
			name = kp.t.Name + "/" + kp.t.Country + "/" + kp.t.Kind
		}
		fmt.Printf("cand %d s%d %q sub=%s anaph=%v fresh=%v place=%s date=%v\n", i, k.s.idx, k.h.Text, k.sub, k.anaphoric, k.fresh, name, nearestDate(k.s, k.h, k.lo, k.hi) != nil)
		for j := 0; j < i; j++ {
			c := &cluster{}
			c.addCand(cands[j])
			c.place = r.placeIn(cands[j].s, &cands[j].h, cands[j].lo, cands[j].hi)
			fmt.Printf("   vs cand %d: score %d samePlace=%v sameTime=%v\n", j, r.score(c, k, kp), samePlace(c.place, kp), sameTime(c, k))
		}
	}
}
