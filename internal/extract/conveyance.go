package extract

import "strings"

// dropConveyances drops the vehicle targets that are how the attackers came, not what they hit: "arrived on
// motorcycles", "stormed the village in pickup trucks", "gunmen on motorbikes opened fire". A vehicle hit
// ("fired on civilian cars", "a bomb hit a bus") keeps its target.
func (s *sent) dropConveyances() {
	kept := s.targets[:0]
	for _, m := range s.targets {
		if m.Entry.Attr("class") != "transport" || !s.conveyance(s.tokenAt(m.Start)) {
			kept = append(kept, m)
		}
	}
	s.targets = kept
}

// conveyance reports a vehicle at token i that its riders came on: after "on", "in", "aboard" or "riding"
// (past a few determiners and numbers: "in two pickup trucks"), with a verb of arrival earlier in the clause
// or a noun for the attackers right before.
func (s *sent) conveyance(i int) bool {
	j := i - 1
	for j >= 0 && j > i-5 && (s.is(j, wDeterminer|wNumber|wConveyanceFill) ||
		isDigits(s.word(j))) {
		j--
	}
	switch s.word(j) {
	case "on", "in", "aboard", "riding", "astride":
	default:
		return false
	}
	if s.is(j-1, wRider) {
		return true // "gunmen on motorcycles"
	}
	for idx, k := s.before(j, 6), 0; k < idx.n; k++ {
		if s.is(idx.at(k), wArrival) {
			return true
		}
	}
	return false
}

var (
	// conveyanceFillers may stand between the preposition and the vehicle: "on about 50 motorcycles".
	conveyanceFillers = set("a", "an", "about", "around", "some", "several", "dozens", "scores", "of", "at",
		"least", "more", "than", "many", "his", "her", "our")
	// riders are the people who come on a vehicle to attack.
	riders = set("gunmen", "gunman", "men", "attackers", "assailants", "raiders", "militants", "fighters",
		"jihadists", "bandits", "insurgents", "militiamen", "rebels", "kidnappers", "abductors", "soldiers",
		"troops", "assailant", "attacker")
	// arrivalVerbs tell how attackers came and went.
	arrivalVerbs = set("arrived", "arrive", "arrives", "arriving", "came", "come", "coming", "rode", "ride",
		"riding", "travelling", "traveling", "travelled", "traveled", "drove", "driving", "stormed", "storming",
		"entered", "entering", "swept", "descended", "fled", "fleeing", "escaped", "escaping", "sped", "left",
		"returned", "invaded", "raided", "raiding")
)

// isDigits reports a non-empty word of ASCII digits.
func isDigits(w string) bool {
	return w != "" && strings.Trim(w, "0123456789") == ""
}
