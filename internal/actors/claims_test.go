package actors

import (
	"strings"
	"testing"
)

func TestClaims(t *testing.T) {
	f := testFinder(t)
	tests := []struct {
		name, in string
		want     []string // "claimant=stance"
	}{
		{"metonym denies", "Moscow denies the charge and says the convoy caught fire.", []string{"Russia=denies", "Russia=asserts"}},
		{"country accuses", "The United States blamed two Russian warplanes for the strike.", []string{"United States=accuses"}},
		{"monitor said reports", "The Syrian Observatory for Human Rights said 14 fighters died.", []string{"Syrian Observatory for Human Rights=reports"}},
		{"media reported", "Gunmen stormed the hotel, Al Jazeera reported.", []string{"Al Jazeera=reports"}},
		{"according to", "Five people died, according to local residents.", []string{"local residents=reports"}},
		{"noun phrase with org", "A UN expert said the crater came from a bomb.", []string{"United Nations=asserts"}},
		{"demonym official", "A Turkish official said the drone was shot down.", []string{"Turkey=asserts"}},
		{"no one claims", "No group has claimed the attack, but jihadists are active in the area.", nil},
		{"questions", "The ministry questioned why the convoy moved at night.", []string{"ministry=questions"}},
		{"fabricated denies", "The army called the reports fabricated.", []string{"army=denies"}},
		{"pronoun skipped", "He said the town was quiet.", nil},
		{"participle is no claim", "A mob lynched a man accused of theft, witnesses said.", []string{"witnesses=asserts"}},
		{"no speaker head", "Such an attack shows the desperation of the group, the minister said.", []string{"minister=asserts"}},
		{"pronoun and thought verb cut", "I think multiple other sources have said that as well.", []string{"multiple other sources=asserts"}},
		{"place is no speaker", "Imagery of the attack in Syria last month showed a crater.", nil},
		{"according to, final stop", "Dozens died, according to local sources.", []string{"local sources=reports"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := one(t, tt.in)
			var got []string
			for _, c := range f.Claims(s, f.Mentions(s, "")) {
				got = append(got, c.Claimant.Name+"="+c.Stance)
				if c.Span.Text != s.Text {
					t.Errorf("claim span %q", c.Span.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("%q:\ngot  %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
