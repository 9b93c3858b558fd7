package casualty

import (
	"strings"
	"testing"
)

// flags shows the revision marks of a mention.
func (m Mention) flags() string {
	switch {
	case m.Revised:
		return " revised"
	case m.Superseded:
		return " superseded"
	}
	return ""
}

func TestFindRevisedTolls(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The death toll has risen to 27, officials said.", []string{"killed 27/27/27  who= rule=toll revised"}},
		{"The death toll from Friday's bombing of a bus station in the city rose to 23 on Sunday.",
			[]string{"killed 23/23/23  who= rule=toll revised"}},
		{"Toll from earthquake-hit town climbs to 23", []string{"killed 23/23/23  who= rule=toll revised"}},
		{"The number of dead reached 41 after rescuers searched the rubble.",
			[]string{"killed 41/41/41  who= rule=toll revised"}},
		{"The number of civilians killed in the shelling of the camp has climbed to at least 30.",
			[]string{"killed 30/30/- at least who=civilians rule=toll revised"}},
		{"Two more bodies were found, bringing the toll to 16.",
			[]string{"killed 2/2/2  who= rule=bodies", "killed 16/16/16  who= rule=toll revised"}},
		{"Another victim died in hospital, raising the death toll from 12 to 27.",
			[]string{"killed 27/27/27  who= rule=toll revised", "killed 12/12/12  who= rule=toll-earlier superseded"}},
		{"The toll rose to 41 from 18 as more bodies were recovered.",
			[]string{"killed 41/41/41  who= rule=toll revised", "killed 18/18/18  who= rule=toll-earlier superseded"}},
		{"The death toll fell from 30 to 20 after a recount.",
			[]string{"killed 20/20/20  who= rule=toll revised", "killed 30/30/30  who= rule=toll-earlier superseded"}},
		{"Two more people died on Tuesday, bringing the toll from Saturday's bombing at a mosque in Maiduguri to 19.",
			[]string{"killed 2/2/2  who=people rule=passive", "killed 19/19/19  who= rule=toll revised"}},
		{"A woman died of her wounds, bringing the number of dead to 16.",
			[]string{"killed 1/1/1  who=woman rule=single", "killed 16/16/16  who= rule=toll revised"}},
		{"The raids took the total number of civilians killed this month to 50.",
			[]string{"killed 50/50/50  who=civilians rule=toll revised"}},
		{"The number of dead to 16 is wrong.", nil},
		{"Two more patients died, taking the country's death toll up to 212.",
			[]string{"killed 212/212/212  who= rule=toll revised"}},
		{"The death toll could be up to 300.", []string{"killed -/300/300 up to who= rule=toll"}},
		{"With these deaths, the number of people that have been killed in the region has now increased to 19.",
			[]string{"killed 19/19/19  who=people rule=toll revised"}},
		{"The number of people wounded has risen to 60.", []string{"injured 60/60/60  who=people rule=toll revised"}},
		{"Officials had initially put the death toll at 18.",
			[]string{"killed 18/18/18  who= rule=toll-earlier superseded"}},
		{"An earlier toll of 12 was revised.", []string{"killed 12/12/12  who= rule=toll-earlier superseded"}},
		{"The death toll stands at 31.", []string{"killed 31/31/31  who= rule=toll revised"}},
		{"The death toll was 31.", []string{"killed 31/31/31  who= rule=toll"}},
		{"A new toll of 30 dead was given by the ministry.", []string{"killed 30/30/30  who= rule=toll revised"}},
		// Not tolls: a figure of something else after a toll word, a clause in between.
		{"The death toll from attacks on 3 villages is unknown.", nil},
		{"The death toll is unclear, but officials said fighting had reached 12 districts.", nil},
		{"Deaths at 3 hospitals were investigated.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Find(tt.in, 100) {
			got = append(got, m.summary()+m.flags())
			if tt.in[m.Start-100:m.End-100] != m.Text || tt.in[m.Count.Start-100:m.Count.End-100] != m.Count.Text {
				t.Errorf("%q: span %d:%d is not %q", tt.in, m.Start, m.End, m.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestFindSingleAndAsides(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"A child was killed and five other civilians were wounded.",
			[]string{"killed 1/1/1  who=child rule=single", "injured 5/5/5  who=civilians rule=passive"}},
		{"An elderly woman died.", nil}, // "elderly" is no linker: too loose to read
		{"A Palestinian teenager was shot dead.", []string{"killed 1/1/1  who=teenager rule=single"}},
		{"The strike killed a journalist.", []string{"killed 1/1/1  who=journalist rule=single"}},
		{"A soldier killed a civilian.", []string{"killed 1/1/1  who=civilian rule=single"}},
		{"A car was hit and destroyed.", nil},
		{"They said six people, including two children, were killed.",
			[]string{"killed 6/6/6  who=people rule=passive"}},
		{"Nine people (among them three women) were wounded.", []string{"injured 9/9/9  who=people rule=passive"}},
		{"Police found the bodies of a man and a woman.", []string{"killed 2/2/2  who=man rule=bodies"}},
		{"The blast killed a soldier and wounded a child.",
			[]string{"killed 1/1/1  who=soldier rule=single", "injured 1/1/1  who=child rule=single"}},
		{"The blast claimed at least 20 lives.", []string{"killed 20/20/- at least who= rule=lives"}},
		{"The war has cost hundreds of civilian lives.", []string{"killed 100/100/999 hundreds who= rule=lives"}},
		{"Medics saved 20 lives.", nil},
		{"The floods put 300 lives at risk.", nil},
		{"The shelling caused the deaths of 12 civilians.", []string{"killed 12/12/12  who=civilians rule=active"}},
		{"Police are investigating the death of a teenager.", []string{"killed 1/1/1  who=teenager rule=single"}},
		{"Gunmen gunned down five villagers.", []string{"killed 5/5/5  who=villagers rule=active"}},
		{"Two policemen and a civilian were killed.", []string{"killed 3/3/3  who=civilian rule=sum-passive"}},
		{"A soldier and two civilians were killed.", []string{"killed 3/3/3  who=civilians rule=sum-passive"}},
		{"Five people, most of them civilians, died.", []string{"killed 5/5/5  who=people rule=passive"}},
		{"Two of the wounded were women.", nil},
		{"One of the dead men was a teacher.", nil},
		{"20 of the villagers were killed.", []string{"killed 20/20/20  who=villagers rule=passive"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Find(tt.in, 100) {
			got = append(got, m.summary())
			if tt.in[m.Start-100:m.End-100] != m.Text || tt.in[m.Count.Start-100:m.Count.End-100] != m.Count.Text {
				t.Errorf("%q: span %d:%d is not %q", tt.in, m.Start, m.End, m.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
