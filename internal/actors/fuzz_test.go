package actors

import (
	"slices"
	"strings"
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

// FuzzSentenceKeys checks that the keys cut from the lower-cased sentence are the keys of the tokens.
func FuzzSentenceKeys(f *testing.F) {
	for _, s := range []string{"İstanbul AND Kyiv’s", "Ärger in ÅLAND, Sana'a", "\xffA\xfeB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		for _, s := range text.Sentences(doc) {
			keys := sentenceKeys(s)
			for i, tok := range s.Tokens {
				if want := tokenKey(tok.Text); keys[i] != want {
					t.Fatalf("key of %q in %q: %q, want %q", tok.Text, s.Text, keys[i], want)
				}
			}
			for range 2 { // computed, then kept
				if got := keysOf(s); !slices.Equal(got, keys) {
					t.Fatalf("keysOf(%q) = %q, want %q", s.Text, got, keys)
				}
			}
		}
	})
}

// TestKeysOfKeepsSentencesApart checks that keysOf gives a sentence its own keys, not those of a sentence read
// before it that starts at the same offset, has as many tokens or shares its token slice.
func TestKeysOfKeepsSentencesApart(t *testing.T) {
	a := text.Sentences("Russian Forces shelled Kharkiv.")[0]
	b := text.Sentences("Syrian troops shelled the city.")[0]
	c := a
	c.Text = strings.Clone(a.Text[:len(a.Text)-1]) + "!" // other bytes, same length and start
	c.Tokens = text.Tokenize(c.Text, c.Start)
	d := b
	d.Tokens = d.Tokens[:len(d.Tokens)-1] // a shorter token slice over the same array
	for _, s := range []text.Sentence{a, b, c, d, a, b, c, d} {
		if got, want := keysOf(s), sentenceKeys(s); !slices.Equal(got, want) {
			t.Errorf("keysOf(%q, %d tokens) = %q, want %q", s.Text, len(s.Tokens), got, want)
		}
	}
}
