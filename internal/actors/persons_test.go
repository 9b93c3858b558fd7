package actors

import (
	"strings"
	"testing"

	"sitrep/internal/event"
)

func TestPersonObject(t *testing.T) {
	f := testFinder(t)
	tests := []struct {
		name, in, trigger, focus string
		want                     string // "text=Name", "" for none
	}{
		{"two men", "Police arrested two men in Mombasa.", "arrested", "KE", "two men=Civilians (Kenya)"},
		{"a man", "A mob lynched a man accused of theft.", "lynched", "PK", "a man=Civilians (Pakistan)"},
		{"counted young women", "Gunmen abducted at least 14 young women near Gusau.", "abducted", "NG", "at least 14 young women=Civilians (Nigeria)"},
		{"a force's men are no persons", "Police arrested two soldiers.", "arrested", "KE", ""},
		{"no object", "Two men were arrested.", "arrested", "KE", ""},
		{"no focus", "Police arrested two men.", "arrested", "", ""},
		{"suspected members are the group's", "Police arrested three men suspected of being members of al-Shabaab.", "arrested", "KE", ""},
		{"suspected links are no membership", "Police arrested three men suspected of links to al-Shabaab.", "arrested", "KE", "three men=Civilians (Kenya)"},
		{"members of a family", "A strike killed 11 members of one family.", "killed", "PS", "11 members=Civilians (Palestine)"},
		{"members of a group", "A strike killed 11 members of the group.", "killed", "PS", ""},
		{"a compound", "Police arrested two men-at-arms.", "arrested", "KE", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := one(t, tt.in)
			i := strings.Index(s.Text, tt.trigger)
			sp := event.Span{Start: s.Start + i, End: s.Start + i + len(tt.trigger), Text: tt.trigger}
			a, ok := f.PersonObject(s, sp, tt.focus)
			got := ""
			if ok {
				got = a.Span.Text + "=" + a.Name
				if a.Role != event.RoleActor2 || a.Kind != event.KindCivilians {
					t.Errorf("role %q kind %q", a.Role, a.Kind)
				}
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
