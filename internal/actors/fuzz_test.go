package actors

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/text"
)

func FuzzMentions(f *testing.F) {
	for _, s := range []string{"Moscow denies it.", "Syrian regime forces, which had", "pro-", "’s ’s", "Kyiv, (", "according to"} {
		f.Add(s, "SY")
	}
	fd := testFinder(f)
	f.Fuzz(func(t *testing.T, doc, focus string) {
		for _, s := range text.Sentences(doc) {
			ms := fd.Mentions(s, focus)
			for _, m := range ms {
				if m.Start < s.Start || m.End > s.End || m.Start >= m.End || doc[m.Start:m.End] != m.Text {
					t.Fatalf("bad span [%d,%d) %q in %q", m.Start, m.End, m.Text, doc)
				}
			}
			fd.Claims(s, ms)
			if len(s.Tokens) > 0 {
				fd.Roles(s, event.SpanOf(doc, s.Tokens[0].Start, s.Tokens[0].End), ms)
			}
		}
		fd.Entities(event.Document{Text: doc}, text.Sentences(doc))
	})
}

const benchText = `Syrian regime forces, backed by Russian warplanes, pushed into the rebel-held east of the city on Tuesday, ` +
	`the Syrian Observatory for Human Rights said. At least 12 civilians were killed by air strikes, according to local residents. ` +
	`Moscow denies the charge and says the convoy caught fire. Unidentified gunmen kidnapped three aid workers near the border. ` +
	`Government forces clashed with Islamic State militants in the desert, the army said in a statement.
`

func BenchmarkMentions(b *testing.B) {
	f := testFinder(b)
	doc := strings.Repeat(benchText, 200)
	sents := text.Sentences(doc)
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			f.Mentions(s, "SY")
		}
	}
}

func BenchmarkClaims(b *testing.B) {
	f := testFinder(b)
	doc := strings.Repeat(benchText, 200)
	sents := text.Sentences(doc)
	ms := make([][]Mention, len(sents))
	for i, s := range sents {
		ms[i] = f.Mentions(s, "SY")
	}
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for b.Loop() {
		for i, s := range sents {
			f.Claims(s, ms[i])
		}
	}
}

// FuzzSentenceKeys checks that the keys cut from the lower-cased sentence are the keys of the tokens, that
// the bits of each token say what the word sets, the place index and the lexicon's given names say of it, and
// that wordsOf gives them again for a sentence already read.
func FuzzSentenceKeys(f *testing.F) {
	for _, s := range []string{"İstanbul AND Kyiv’s", "Ärger in ÅLAND, Sana'a", "\xffA\xfeB",
		"President Joe Biden said in Washington that the Ministry of Defence and Syrian troops had O'Brien."} {
		f.Add(s)
	}
	fd := testFinder(f)
	f.Fuzz(func(t *testing.T, doc string) {
		for _, s := range text.Sentences(doc) {
			keys := sentenceKeys(s, "")
			for i, tok := range s.Tokens {
				if want := tokenKey(tok.Text); keys[i] != want {
					t.Fatalf("key of %q in %q: %q, want %q", tok.Text, s.Text, keys[i], want)
				}
			}
			low := []byte(s.Text) // as a caller of MentionsLower folds it
			for i, c := range low {
				if 'A' <= c && c <= 'Z' {
					low[i] = c + 'a' - 'A'
				}
			}
			if given := sentenceKeys(s, string(low)); !slices.Equal(given, keys) {
				t.Fatalf("keys of %q from its given lower-cased text: %q, want %q", s.Text, given, keys)
			}
			bits := fd.wordBitsOf(s.Tokens, keys)
			for i, tok := range s.Tokens {
				sameBits(t, fd, tok, keys, bits, i)
			}
			for range 2 { // computed, then kept
				if gk, gb := fd.wordsOf(s, ""); !slices.Equal(gk, keys) || !slices.Equal(gb, bits) {
					t.Fatalf("wordsOf(%q) = %q %v, want %q %v", s.Text, gk, gb, keys, bits)
				}
			}
		}
	})
}

// sameBits fails t when the bits of token i disagree with the maps and lookups they stand for.
func sameBits(t *testing.T, f *Finder, tok text.Token, keys []string, bits []wordBits, i int) {
	t.Helper()
	k, b := keys[i], bits[i]
	_, head := heads[k]
	_, mod := mods[k]
	_, _, place := f.places.match(keys, nil, i, pkCountry, pkCapital, pkSeat, pkDemonym)
	_, _, placeBits := f.places.match(keys, bits, i, pkCountry, pkCapital, pkSeat, pkDemonym)
	for _, c := range []struct {
		name      string
		got, want bool
	}{
		{"head", b&wHead != 0, head}, {"mod", b&wMod != 0, mod}, {"title", b&wTitle != 0, titles[k]},
		{"article", b&wArticle != 0, articles[k]}, {"locative", b&wLocative != 0, locatives[k]},
		{"org head", b&wOrgHead != 0, orgHeads[k]}, {"cap", b&wCap != 0, isCapWord(tok)},
		{"hedge", b&wHedge != 0, hedges[k]},
	} {
		if c.got != c.want {
			t.Fatalf("%s of %q (key %q): %v, want %v", c.name, tok.Text, k, c.got, c.want)
		}
	}
	if b&(wCap|wTitle) == 0 { // the rules ask for no name here
		if b&(wPlace|wFirstName) != 0 {
			t.Fatalf("name bits on %q (key %q), neither capitalised nor a title", tok.Text, k)
		}
		return
	}
	for _, c := range []struct {
		name      string
		got, want bool
	}{
		{"place", placeBits, place}, {"first name", f.isFirstName(tok, b), f.lex.IsFirstName(tok.Text)},
	} {
		if c.got != c.want {
			t.Fatalf("%s of %q (key %q): %v, want %v", c.name, tok.Text, k, c.got, c.want)
		}
	}
}

// TestWordsOfKeepsSentencesApart checks that wordsOf gives a sentence its own keys, not those of a sentence
// read before it that starts at the same offset, has as many tokens or shares its token slice.
func TestWordsOfKeepsSentencesApart(t *testing.T) {
	f := testFinder(t)
	a := text.Sentences("Russian Forces shelled Kharkiv.")[0]
	b := text.Sentences("Syrian troops shelled the city.")[0]
	c := a
	c.Text = strings.Clone(a.Text[:len(a.Text)-1]) + "!" // other bytes, same length and start
	c.Tokens = text.Tokenize(c.Text, c.Start)
	d := b
	d.Tokens = d.Tokens[:len(d.Tokens)-1] // a shorter token slice over the same array
	other := New(nil, nil)                // another finder: no given names, no places
	for _, s := range []text.Sentence{a, b, c, d, a, b, c, d} {
		for _, fd := range []*Finder{f, other} {
			want := sentenceKeys(s, "")
			if got, bits := fd.wordsOf(s, ""); !slices.Equal(got, want) || !slices.Equal(bits, fd.wordBitsOf(s.Tokens, want)) {
				t.Errorf("wordsOf(%q, %d tokens) = %q %v, want %q", s.Text, len(s.Tokens), got, bits, want)
			}
		}
	}
}

// TestConcurrentUse runs Mentions, Claims and Entities from several goroutines on shared sentences (the memos
// of keys and gazetteer answers are pooled; run with -race) and compares with the results found alone.
func TestConcurrentUse(t *testing.T) {
	f := testFinder(t)
	doc := strings.Repeat(benchText, 8)
	sents := text.Sentences(doc)
	type result struct {
		ms []Mention
		cl []event.Claim
	}
	want := make([]result, len(sents))
	for i, s := range sents {
		want[i].ms = f.Mentions(s, "SY")
		want[i].cl = f.Claims(s, want[i].ms)
	}
	wantEnts := f.Entities(event.Document{Text: doc}, sents)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range sents {
				i := (k + g*len(sents)/4) % len(sents)
				ms := f.Mentions(sents[i], "SY")
				if got := (result{ms, f.Claims(sents[i], ms)}); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("concurrent Mentions and Claims of %q: %+v, alone %+v", sents[i].Text, got, want[i])
					return
				}
			}
			if got := f.Entities(event.Document{Text: doc}, sents); !reflect.DeepEqual(got, wantEnts) {
				t.Errorf("concurrent Entities: %+v, alone %+v", got, wantEnts)
			}
		})
	}
	wg.Wait()
}
