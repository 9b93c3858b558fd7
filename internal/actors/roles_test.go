package actors

import (
	"strings"
	"testing"

	"sitrep/internal/event"
)

func TestRoles(t *testing.T) {
	f := testFinder(t)
	tests := []struct {
		name, in, trigger, focus string
		a1, a2                   string // names joined by |, attribution after # when set
	}{
		{"active", "Russian jets bombed the rebels near Idlib.", "bombed", "SY", "Military Forces of Russia", "Opposition Rebels (Syria)"},
		{"passive by", "Five civilians were killed by Syrian troops.", "killed", "", "Military Forces of Syria", "Civilians"},
		{"hands of", "Dozens of protesters died at the hands of the police.", "died", "IR", "Police Forces of Iran", "Protesters (Iran)"},
		{"possessive on", "Russia's attack on Ukrainian troops drew protests.", "attack", "", "", "Military Forces of Ukraine"},
		{"between", "Clashes between Houthi fighters and Saudi troops lasted hours.", "Clashes", "YE", "Houthis", "Military Forces of Saudi Arabia"},
		{"against", "Gunmen launched an attack against civilians.", "attack", "ML", "Unidentified Armed Group (Mali)", "Civilians (Mali)"},
		{"hedged", "Suspected Boko Haram militants abducted 20 students.", "abducted", "NG", "Boko Haram#alleged", "Civilians (Nigeria)"},
		{"metonym to forces", "Moscow struck the depot overnight.", "struck", "", "Military Forces of Russia", ""},
		{"speaker takes no role", "At least 12 civilians were killed when a market was hit by an air strike, the Syrian Observatory for Human Rights said.", "air strike", "SY", "", "Civilians (Syria)"},
		{"passive subject acted upon", "Ten soldiers were killed when their convoy hit a mine.", "hit", "ML", "", "Military Forces of Mali"},
		{"coordinated subjects", "The Sudanese army and the Rapid Support Forces clashed in Khartoum.", "clashed", "SD", "Military Forces of Sudan", "Rapid Support Forces"},
		{"advance into held ground", "Government troops pushed into rebel-held districts of Homs.", "pushed", "SY", "Military Forces of Syria", "Opposition Rebels (Syria)"},
		{"counted object", "A roadside bomb killed more than a dozen soldiers near Kidal.", "killed", "ML", "", "Military Forces of Mali"},
		{"allies act together", "Somali troops and allied clan militias recaptured the town of Jowhar.", "recaptured", "SO", "Military Forces of Somalia|Unidentified Armed Group (Somalia)", ""},
		{"the dead are no attacker", "Dozens of soldiers died when their base came under attack.", "attack", "BF", "", "Military Forces of Burkina Faso"},
		{"the side that lost men", "The Burkinabe army lost dozens of soldiers in an attack on its base.", "attack", "BF", "", "Military Forces of Burkina Faso"},
		{"armed victims after killing", "Gunmen attacked an army checkpoint near Kidal, killing two soldiers.", "attacked", "ML", "Unidentified Armed Group (Mali)", "Military Forces of Mali"},
		{"fighters of a group", "Fighters of Boko Haram captured the town of Monguno.", "captured", "NG", "Boko Haram", ""},
		{"speaker tells of its own act", "The Nigerian army said it killed 20 Boko Haram fighters in Borno.", "killed", "NG", "Military Forces of Nigeria", "Boko Haram"},
		{"speaker tells of their act", "Somali police said they had defused a car bomb in Mogadishu.", "defused", "SO", "Police Forces of Somalia", ""},
		{"speaker reports another's act", "The army said rebels killed 20 villagers in Borno.", "killed", "NG", "Opposition Rebels (Nigeria)", "Civilians (Nigeria)"},
		{"speaker says it documented", "The Syrian Observatory said it had documented 12 deaths in the shelling of Idlib.", "shelling", "SY", "", ""},
		{"speaker's act after a time", "Houthi rebels said on Saturday they had fired a missile at a ship.", "fired", "YE", "Houthis", ""},
		{"speaker carried out the strike", "The US military said it had carried out an airstrike in Somalia.", "airstrike", "SO", "Military Forces of the United States", ""},
		{"speaker's own forces", "The Nigerian army said its troops had captured the town of Gwoza.", "captured", "NG", "Military Forces of Nigeria", ""},
		{"a defence ministry's forces", "Russia's defence ministry said its forces had captured the village.", "captured", "UA", "Military Forces of Russia", ""},
		{"speaker's other verb", "The army said they condemned the attack on the village.", "attack", "NG", "", ""},
		{"passengers are no subject", "A bomb struck a vehicle carrying members of the Popular Mobilisation Forces, killing four of them.", "killing", "IQ", "", ""},
		{"coordinated speakers", "Troops set up a base in Gao, residents and a security source said.", "set up", "ML", "Military Forces of Mali", ""},
		{"an owner is no subject", "Gunmen torched army trucks and attacked the town of Kidal.", "attacked", "ML", "Unidentified Armed Group (Mali)", ""},
		{"a person accused of another deed is no speaker", "A mob lynched a police officer accused of killing a motorcyclist in Zinder.", "lynched", "NE", "Rioters (Niger)", "Police Forces of Niger"},
		{"passengers are the target", "A bomb struck a vehicle carrying members of the Popular Mobilisation Forces, killing four of them.", "struck", "IQ", "", "Popular Mobilization Forces"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := one(t, tt.in)
			i := strings.Index(tt.in, tt.trigger)
			trig := event.SpanOf(tt.in, i, i+len(tt.trigger))
			a1, a2 := f.Roles(s, trig, f.Mentions(s, tt.focus))
			if got := names(a1); got != tt.a1 {
				t.Errorf("actor1 %q, want %q", got, tt.a1)
			}
			if got := names(a2); got != tt.a2 {
				t.Errorf("actor2 %q, want %q", got, tt.a2)
			}
		})
	}
}

func names(as []event.Actor) string {
	var out []string
	for _, a := range as {
		n := a.Name
		if a.Attribution != "" {
			n += "#" + a.Attribution
		}
		out = append(out, n)
	}
	return strings.Join(out, "|")
}

// TestGovernmentKind: a defence ministry or a capital read as the state's forces takes their kind with their name.
func TestGovernmentKind(t *testing.T) {
	f := testFinder(t)
	for _, tt := range []struct{ in, trigger, focus string }{
		{"Russia's defence ministry said its forces had captured the village.", "captured", "UA"},
		{"Moscow struck the depot overnight.", "struck", ""},
	} {
		s := one(t, tt.in)
		i := strings.Index(tt.in, tt.trigger)
		a1, _ := f.Roles(s, event.SpanOf(tt.in, i, i+len(tt.trigger)), f.Mentions(s, tt.focus))
		if len(a1) != 1 || a1[0].Kind != event.KindStateForces {
			t.Errorf("%q: actor1 %+v, want one of kind %s", tt.in, a1, event.KindStateForces)
		}
	}
}
