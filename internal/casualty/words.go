package casualty

import (
	"regexp"
	"strings"

	"sitrep/internal/numbers"
)

var victims = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`people persons person civilians civilian children child kids kid women woman
		men man boys boys girls girl babies baby infants infant soldiers soldier troops trooper servicemen serviceman
		personnel fighters fighter militants militant rebels rebel insurgents insurgent jihadists jihadist gunmen
		gunman attackers attacker assailants terrorists terrorist combatants combatant police policemen policeman
		officers officer guards guard members member workers worker students student protesters protester
		demonstrators demonstrator villagers villager residents resident worshippers worshipper passengers passenger
		pilgrims pilgrim farmers farmer miners miner journalists journalist doctors doctor medics medic nurses staff
		volunteers refugees refugee migrants migrant inmates prisoners detainees hostages peacekeepers peacekeeper
		recruits cadets militiamen militiaman marines sailors airmen pilots pilot relatives family individuals
		victims others shoppers bystanders passers-by pedestrians teachers pupils commanders commander leaders
		officials official employees contractors drivers driver crew paramedics rescuers elders mourners guests
		spectators fishermen herders`) {
		victims[w] = true
	}
}

var nonHuman = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`goats goat sheep cattle cows cow camels camel donkeys horses livestock animals
		dogs chickens vehicles vehicle trucks lorries cars tanks aircraft planes jets helicopters drones boats ships
		homes houses buildings shops hectares acres rounds missiles rockets shells bombs mines percent dollars
		villages towns cities districts provinces regions countries areas sites locations positions hours days
		weeks months years times occasions incidents attacks strikes raids`) {
		nonHuman[w] = true
	}
}

// linkers may stand between a count and its cue: "20 people were reportedly killed".
var linkers = map[string]bool{
	"were": true, "was": true, "are": true, "is": true, "have": true, "has": true, "had": true, "been": true,
	"be": true, "being": true, "reportedly": true, "also": true, "later": true, "all": true, "more": true,
	"other": true, "of": true, "them": true, "those": true, "who": true, "the": true, "and": true, "left": true,
	"allegedly": true, "confirmed": true, "now": true, "either": true, "seriously": true, "critically": true,
	"badly": true, "fatally": true, "lightly": true, "slightly": true, "innocent": true, "unarmed": true,
	"pro-government": true, "government": true, "army": true, "security": true, "aid": true, "civil": true,
	"defence": true, "defense": true, "police": true, "local": true, "foreign": true, "young": true, "injured": true,
	"wounded": true, "already": true, "so": true, "far": true, "reported": true, "believed": true, "to": true,
	"feared": true, "likely": true, "were-": true, "they": true, "their": true, "his": true, "her": true,
}

// linkWords checks the words between a count and a following cue: at most n, only victim nouns, linkers,
// capitalised names and demonyms ("20 Syrian soldiers were killed"). It returns the victims noun.
func linkWords(gap string, n int) (string, bool) {
	if strings.ContainsAny(gap, ",;:.()\"") {
		return "", false
	}
	ws := strings.Fields(gap)
	if len(ws) > n {
		return "", false
	}
	who := ""
	for _, w := range ws {
		lw := strings.ToLower(w)
		switch {
		case victims[lw]:
			if who == "" {
				who = lw
			}
		case linkers[lw], w[0] >= 'A' && w[0] <= 'Z', strings.Contains(w, "-"):
		default:
			return "", false
		}
	}
	return who, true
}

// fillerOnly: what may stand between a forward cue and its count ("killed a total of 20", "killed another 5").
func fillerOnly(gap string) bool {
	if strings.ContainsAny(gap, ",;:.()\"") {
		return false
	}
	for _, w := range strings.Fields(gap) {
		switch strings.ToLower(w) {
		case "a", "total", "of", "another", "the", "lives", "an", "additional", "further", "at", "least":
		default:
			return false
		}
	}
	return len(strings.Fields(gap)) <= 4
}

var sumJointRe = regexp.MustCompile(`(?i)^\s+(?:[\w-]+\s+){0,2}(?:and|as\s+well\s+as|plus)\s+$|^\s+(?:[\w-]+\s*){0,2},\s*(?:and\s+)?$`)

// sumJoint: the text between two counts that are summed, "three soldiers and two civilians".
func sumJoint(gap string) bool {
	if !sumJointRe.MatchString(gap) {
		return false
	}
	for _, w := range strings.Fields(strings.ReplaceAll(gap, ",", " ")) {
		lw := strings.ToLower(w)
		if !victims[lw] && !linkers[lw] && lw != "as" && lw != "well" && lw != "plus" && !(w[0] >= 'A' && w[0] <= 'Z') {
			return false
		}
	}
	return true
}

// victimAfter is the victims noun among the first words after a count: "20 (Syrian) civilians".
func victimAfter(s string) string {
	for _, w := range strings.Fields(firstWords(s, 4)) {
		lw := strings.ToLower(w)
		if victims[lw] {
			return lw
		}
		if !linkers[lw] && !(w[0] >= 'A' && w[0] <= 'Z') && !strings.Contains(w, "-") {
			return ""
		}
	}
	return ""
}

// endOfVictim extends a forward mention over the victims noun that follows the count.
func endOfVictim(s string, pos int) int {
	rest := s[pos:]
	off := 0
	for k := 0; k < 4; k++ {
		w, next := nextWord(rest, off)
		if w == "" {
			break
		}
		lw := strings.ToLower(w)
		if victims[lw] {
			return pos + next
		}
		if !linkers[lw] && !(w[0] >= 'A' && w[0] <= 'Z') && !strings.Contains(w, "-") {
			break
		}
		off = next
	}
	return pos
}

// nextWord returns the word of s after offset off (letters, digits and hyphens) and the offset after it.
func nextWord(s string, off int) (string, int) {
	i := off
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) && (isLetter(s[j]) || s[j] == '-') {
		j++
	}
	return s[i:j], j
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' }

// firstWords returns the first n space-separated words of s, stopping at punctuation.
func firstWords(s string, n int) string {
	if i := strings.IndexAny(s, ",;:.()\""); i >= 0 {
		s = s[:i]
	}
	ws := strings.Fields(s)
	if len(ws) > n {
		ws = ws[:n]
	}
	return strings.Join(ws, " ")
}

// vagueFigures is ACLED's convention for a toll given only as a vague plural: it records one unit of the
// plural, the most conservative reading ("tens" 10, "dozens" 12, "hundreds" 100, and so on for "thousands";
// ACLED's FAQ on fatalities). sitrep applies it to every plural of a unit: "scores" counts one score (20),
// "tens of thousands" 10,000. The figure becomes the count's low and best; its high stays what the plural can
// reach at most ("hundreds": 999). "Several", "a few" and "a handful" name no unit: their best stays unset.
var vagueFigures = map[string]int{
	"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "tens of thousands": 10000,
	"hundreds of thousands": 100000,
}

// acledVague sets the ACLED figure of each vague plural among qs (see vagueFigures).
func acledVague(qs []numbers.Quantity) []numbers.Quantity {
	for i := range qs {
		q := &qs[i]
		v, ok := vagueFigures[q.Qualifier]
		if !ok || q.Best != nil {
			continue
		}
		lo, best := v, v
		q.Low, q.Best = &lo, &best
		if q.Rule == "" {
			q.Rule = "acled-vague"
		} else {
			q.Rule += "/acled-vague"
		}
	}
	return qs
}
