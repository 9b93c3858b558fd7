package casualty

import (
	"fmt"
	"strings"
	"testing"
)

func show(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

func (m Mention) summary() string {
	c := m.Count
	return fmt.Sprintf("%s %s/%s/%s %s who=%s rule=%s", m.Kind, show(c.Low), show(c.Best), show(c.High),
		c.Qualifier, m.Who, m.Rule)
}

func TestFind(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Some 20 people were killed in the strike.", []string{"killed 20/20/20 approximately who=people rule=passive"}},
		{"The attack killed 20.", []string{"killed 20/20/20  who= rule=active"}},
		{"The blast ripped through the market, killing four, among them two children.",
			[]string{"killed 4/4/4  who= rule=active"}},
		{"The death toll rose to 31 on Sunday.", []string{"killed 31/31/31  who= rule=toll"}},
		{"The explosion left 12 dead.", []string{"killed 12/12/12  who= rule=passive"}},
		{"At least 12 killed in Idlib.", []string{"killed 12/12/- at least who= rule=passive"}},
		{"Dozens of people were killed.", []string{"killed 12/12/99 dozens who=people rule=passive"}},
		{"Scores of attackers killed at least 30 soldiers.", []string{"killed 30/30/- at least who=soldiers rule=active"}},
		{"Scores of attackers were killed, the army said.", []string{"killed 20/20/99 scores who=attackers rule=passive"}},
		{"Twenty people killed in blast.", []string{"killed 20/20/20  who=people rule=passive"}},
		{"Hundreds of people were killed.", []string{"killed 100/100/999 hundreds who=people rule=passive"}},
		{"Scores of villagers were killed.", []string{"killed 20/20/99 scores who=villagers rule=passive"}},
		{"Thousands of people have been killed.", []string{"killed 1000/1000/9999 thousands who=people rule=passive"}},
		{"Several people were killed.", []string{"killed 3/-/9 several who=people rule=passive"}},
		{"More than a dozen wounded.", []string{"injured 13/13/- more than who= rule=passive"}},
		{"The raid killed at least five civilians and wounded 10.",
			[]string{"killed 5/5/- at least who=civilians rule=active", "injured 10/10/10  who= rule=active"}},
		{"The strike claimed the lives of 7 people.", []string{"killed 7/7/7  who=people rule=active"}},
		{"Nine fighters lost their lives.", []string{"killed 9/9/9  who=fighters rule=passive"}},
		{"Two children died.", []string{"killed 2/2/2  who=children rule=passive"}},
		{"Police recovered the bodies of 7 men.", []string{"killed 7/7/7  who=men rule=bodies"}},
		{"Three soldiers and two civilians were killed.", []string{"killed 5/5/5  who=civilians rule=sum-passive"}},
		{"It was a deadly attack.", nil},
		{"Shelling wounding dozens hit the town.", []string{"injured 12/12/99 dozens who= rule=active"}},
		{"A car bomb exploded, injuring 30.", []string{"injured 30/30/30  who= rule=active"}},
		{"Five people were hurt.", []string{"injured 5/5/5  who=people rule=passive"}},
		{"Militants killed 20 goats.", nil},
		{"No one was killed.", []string{"killed 0/0/0  who= rule=none"}},
		{"There were no casualties.", []string{"killed 0/0/0  who= rule=none", "injured 0/0/0  who= rule=none"}},
		{"Airstrikes on 3 towns killed 20 people.", []string{"killed 20/20/20  who=people rule=active"}},
		{"20 killed and 30 wounded", []string{"killed 20/20/20  who= rule=passive", "injured 30/30/30  who= rule=passive"}},
		{"The war has killed more than 300,000 people since 2011.",
			[]string{"killed 300001/300001/- more than who=people rule=active"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Find(tt.in, 100) {
			got = append(got, m.summary())
			if tt.in[m.Start-100:m.End-100] != m.Text {
				t.Errorf("%q: span %d:%d is not %q", tt.in, m.Start, m.End, m.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Some 20 people were killed", "no one was hurt", "killing four, among them two", "\xffkilled 3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range Find(s, 7) {
			if m.Start < 7 || m.End < m.Start || m.End-7 > len(s) || s[m.Start-7:m.End-7] != m.Text {
				t.Fatalf("bad span %d:%d %q in %q", m.Start, m.End, m.Text, s)
			}
		}
	})
}
