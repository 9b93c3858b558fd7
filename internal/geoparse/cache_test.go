package geoparse

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/gazetteer"
	"sitrep/internal/text"
)

// cacheTexts name the same places in different contexts, with and without the words that change how a
// name is read ("Kyiv region", "the city of Aleppo", a span a fallback reads), so that what a parser caches
// from one text must not leak into another.
var cacheTexts = []string{
	benchText,
	"Shelling hit the Kyiv region overnight. Kyiv said air defences downed ten drones over Kyiv.",
	"The city of Aleppo was shelled. Aleppo Governorate officials said Aleppo had no power.",
	"Flooding in Georgia forced evacuations near Atlanta, Georgia, and in Savannah.",
	"Georgia's government in Tbilisi protested; Georgia said Russian troops remain in South Ossetia.",
	"Paris, Texas, had nothing to do with Paris. Congo and the Democratic Republic of Congo met in Brazzaville.",
	"PLEASANTON, Calif. — Officials in Pleasanton, Calif., and Austin, TX, said Washington state agreed.",
	"Clashes near Urem al-Kubra and in northern Syria; the Syrian port of Tartus was hit.",
	"Residents of Homs city fled to Hama. Homs city council said the Syrian army shelled Homs.",
	"Homs and Hama lie north of Damascus; in Homs city the market reopened.",
	"Shelling hit the Aleppo countryside, and the Idlib countryside too.",
	"Rebels in the Aleppo countryside said the city of Aleppo was calm.",
}

// givenSpans are spans given to Resolve wherever a text has them: a demonym, names a fallback reads by a
// part ("Aleppo countryside": the governorate, by its noun; "northern Syria").
var givenSpans = []string{"Syrian", "Homs city", "northern Syria", "Aleppo Governorate officials", "Aleppo countryside"}

// TestWarmCachesSameAsFresh parses texts with a fresh parser and with one whose caches were filled by the
// others (in both orders), for Parse and Resolve: the caches must not change a result.
func TestWarmCachesSameAsFresh(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	type result struct{ parsed, resolved []Toponym }
	read := func(p *Parser, s string) result {
		ts := p.Parse(s)
		spans := make([]event.Span, 0, len(ts)+1)
		for _, tp := range ts {
			spans = append(spans, event.Span{Start: tp.Start, End: tp.End, Text: tp.Text})
		}
		for _, g := range givenSpans {
			if i := strings.Index(s, g); i >= 0 {
				spans = append(spans, event.Span{Start: i, End: i + len(g), Text: g})
			}
		}
		return result{ts, p.Resolve(s, spans)}
	}
	for _, opts := range []Options{{}, {Demonyms: true}} {
		fresh := make([]result, len(cacheTexts))
		for i, s := range cacheTexts {
			fresh[i] = read(NewWithOptions(g, opts), s)
		}
		for _, reverse := range []bool{false, true} {
			warm := NewWithOptions(g, opts)
			for round := range 2 {
				for k := range cacheTexts {
					i := k
					if reverse {
						i = len(cacheTexts) - 1 - k
					}
					if got := read(warm, cacheTexts[i]); !reflect.DeepEqual(got, fresh[i]) {
						t.Errorf("opts %+v, round %d, text %d: warm parser\n%+v\nfresh parser\n%+v", opts, round, i, got,
							fresh[i])
					}
				}
			}
		}
	}
}

// TestParseSentences checks that a caller's sentence bounds (text.SentenceBounds) give what Parse finds.
func TestParseSentences(t *testing.T) {
	p := testParser(t)
	for i, s := range cacheTexts {
		if got, want := p.ParseSentences(s, text.SentenceBounds(s)), p.Parse(s); !reflect.DeepEqual(got, want) {
			t.Errorf("text %d: ParseSentences\n%+v\nParse\n%+v", i, got, want)
		}
	}
}

// TestCacheConcurrent reads and fills one cache from several goroutines (run it with -race): every get
// returns the computed value, whether the entry was published, new or not kept for the limit.
func TestCacheConcurrent(t *testing.T) {
	for _, limit := range []int64{10, 1000, 1 << 20} {
		var size atomic.Int64
		c := newCache[string](&size, limit)
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for round := range 3 {
					for i := range 2000 {
						k := strconv.Itoa((i*7 + g*round) % 1500)
						if v := c.get(k, func(k string) string { return k + "!" }); v != k+"!" {
							t.Errorf("limit %d: get(%q) = %q", limit, k, v)
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		held := len(c.dirty)
		if m := c.read.Load(); m != nil {
			held += len(*m)
		}
		if held >= int(limit) {
			t.Errorf("limit %d: the cache holds %d entries", limit, held)
		}
	}
}

// TestFullCachePublishes fills caches to their limit and checks that nothing is left unpublished, so that a
// full cache's reads, hits and misses alike, take no lock; and that a second cache sharing the count publishes
// its entries on its next put once the first has filled the count.
func TestFullCachePublishes(t *testing.T) {
	for _, limit := range []int64{10, 100, 1000} {
		var size atomic.Int64
		a, b := newCache[int](&size, limit), newCache[int](&size, limit)
		b.get("b0", func(string) int { return 0 })
		for i := range int(limit) * 2 {
			a.get(strconv.Itoa(i), func(string) int { return i })
		}
		b.get("b1", func(string) int { return 1 })
		for name, c := range map[string]*cache[int]{"a": a, "b": b} {
			if n := c.unread.Load(); n != 0 || len(c.dirty) != 0 {
				t.Errorf("limit %d, cache %s: %d entries unpublished (dirty %d)", limit, name, n, len(c.dirty))
			}
		}
		if m := b.read.Load(); m == nil || len(*m) != 1 || (*m)["b0"] != 0 {
			t.Errorf("limit %d: the second cache published %v, want b0 alone", limit, m)
		}
		m := a.read.Load()
		if m == nil || int64(len(*m)) != limit-2 {
			t.Fatalf("limit %d: the full cache published %v entries, want %d", limit, m, limit-2)
		}
		for k, v := range *m {
			if k != strconv.Itoa(v) {
				t.Errorf("limit %d: %q holds %d", limit, k, v)
			}
		}
	}
}

// TestParseConcurrentReuse parses texts of different sizes from several goroutines at once (run it with -race):
// the runs share the parser's caches and reuse each other's memory, and must read every text as one call
// alone does.
func TestParseConcurrentReuse(t *testing.T) {
	p := testParser(t)
	texts := append(slices.Clone(cacheTexts), strings.Repeat(benchText, 3), "")
	want := make([][]Toponym, len(texts))
	for i, s := range texts {
		want[i] = p.Parse(s)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 5 {
				i := (g + round*3) % len(texts)
				if got := p.Parse(texts[i]); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("goroutine %d, text %d: got\n%+v\nwant\n%+v", g, i, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}

// FuzzWarmCaches compares, on any text, a parser whose caches and pooled memory earlier texts filled with a
// fresh one, for Parse and Resolve.
func FuzzWarmCaches(f *testing.F) {
	for _, s := range cacheTexts {
		f.Add(s)
	}
	g, err := gazetteer.Default()
	if err != nil {
		f.Fatal(err)
	}
	warm := New(g)
	for _, s := range cacheTexts {
		warm.Parse(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fresh := New(g)
		want := fresh.Parse(s)
		if got := warm.Parse(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("warm parser\n%+v\nfresh parser\n%+v", got, want)
		}
		spans := make([]event.Span, 0, len(want))
		for _, tp := range want {
			spans = append(spans, event.Span{Start: tp.Start, End: tp.End, Text: tp.Text})
		}
		if got, want := warm.Resolve(s, spans), New(g).Resolve(s, spans); !reflect.DeepEqual(got, want) {
			t.Fatalf("Resolve: warm parser\n%+v\nfresh parser\n%+v", got, want)
		}
	})
}
