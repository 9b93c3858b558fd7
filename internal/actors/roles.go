package actors

import (
	"strings"

	"sitrep/internal/event"
	"sitrep/internal/text"
)

// Roles returns who acted (actor1) and who was acted upon (actor2) in the event whose trigger is the given
// span of s, reading active and passive voice ("was hit by", "at the hands of"), possessives ("Russia's
// attack on"), "clashes between X and Y" and the prepositions on, against, targeting and with. Role is set;
// Attribution is left for the caller to set from claims, except that actor1 is alleged when the sentence
// hedges ("suspected", "allegedly", "blamed on"). A government standing for its state ("Moscow") becomes
// that state's military forces.
func (f *Finder) Roles(s text.Sentence, trigger event.Span, ms []Mention) (actor1, actor2 []event.Actor) {
	toks := s.Tokens
	ti, tj := tokenAt(toks, trigger.Start), tokenEndingAt(toks, trigger.End)
	if len(ms) == 0 || ti >= len(toks) || tj <= ti {
		return nil, nil
	}
	keys, bits := f.wordsOf(s, "")
	lb, rb := clauseBounds(keys, ti, tj)
	pos := mentionTokens(toks, ms)
	r := roleReader{f: f, keys: keys, toks: toks, ms: ms, pos: pos, lb: lb, rb: rb, ti: ti, tj: tj}
	r.assigned = make([]bool, len(ms))
	for i := range ms {
		r.assigned[i] = r.speaker(i) // who reports an event takes no part in it
	}
	r.read(trigger)
	if isHedged(keys, bits) {
		for i := range r.a1 {
			r.a1[i].Attribution = event.AttrAlleged
		}
	}
	return r.a1, r.a2
}

// roleReader holds the state of one Roles call.
type roleReader struct {
	f        *Finder
	keys     []string
	toks     []text.Token
	ms       []Mention
	pos      [][2]int // token range of each mention
	lb, rb   int      // clause bounds (tokens)
	ti, tj   int      // trigger tokens
	a1, a2   []event.Actor
	assigned []bool
}

// read assigns the roles.
func (r *roleReader) read(trigger event.Span) {
	for i, m := range r.ms {
		if m.Start < trigger.End && trigger.Start < m.End && !isVictim(m) {
			r.add(i, event.RoleActor1) // "Russian air strikes"
		}
	}
	passive := r.passive()
	if k := r.after("by", 6); k >= 0 {
		r.addAt(k+1, event.RoleActor1, 4)
	}
	if k := r.afterPhrase([]string{"at", "the", "hands", "of"}, 6); k >= 0 {
		r.addAt(k, event.RoleActor1, 3)
	}
	if r.ti >= 2 && r.keys[r.ti-1] == "'s" {
		if i := r.endingAt(r.ti - 1); i >= 0 {
			r.add(i, event.RoleActor1)
		}
	}
	if k := r.after("between", 3); k >= 0 {
		r.addAt(k+1, event.RoleActor1, 3)
		if and := r.after("and", 10); and > k {
			r.addAt(and+1, event.RoleActor2, 3)
		}
	}
	for _, prep := range []string{"on", "against", "targeting", "with", "at"} {
		if k := r.after(prep, 4); k >= 0 {
			r.addAt(k+1, event.RoleActor2, 3)
		}
	}
	for _, prep := range []string{"into", "inside"} { // "advancing into rebel-held districts"
		if k := r.after(prep, 4); k >= 0 {
			r.addNonState(k+1, 3)
		}
	}
	if subj := r.subject(); subj >= 0 {
		if passive || isVictim(r.ms[subj]) || r.patient(subj) {
			r.add(subj, event.RoleActor2)
		} else if co := r.coordinate(subj); co >= 0 {
			r.add(co, event.RoleActor1)
			if r.symmetric() {
				r.add(subj, event.RoleActor2) // "the army and the rebels clashed": the two sides
			} else {
				r.add(subj, event.RoleActor1) // "the army and allied militias recaptured": allies
			}
		} else {
			r.add(subj, event.RoleActor1)
		}
	}
	if !passive && !r.breakBefore(r.tj, 4) {
		k := r.tj
		for k < r.rb && k < r.tj+6 && (quantityWords[r.keys[k]] || r.keys[k] != "" && r.keys[k][0] >= '0' && r.keys[k][0] <= '9') {
			k++ // "killed more than a dozen soldiers"
		}
		r.addAt(k, event.RoleActor2, 4) // the direct object
	}
	if len(r.a2) == 0 {
		for i, p := range r.pos { // "struck a vehicle carrying members of the PMF": whom the vehicle carried
			if p[0] >= r.tj && p[0] < r.tj+10 && p[0] < r.rb && carried(r.keys, p[0]) {
				r.add(i, event.RoleActor2)
				break
			}
		}
	}
	if len(r.a2) == 0 {
		for i, p := range r.pos { // "..., killing 20 civilians", "..., killing two soldiers"
			if p[0] >= r.tj && p[0] < r.rb && (isVictim(r.ms[i]) || r.killedObject(p[0])) {
				r.add(i, event.RoleActor2)
				break
			}
		}
	}
}

// add gives mention i a role unless it has one.
func (r *roleReader) add(i int, role string) {
	if r.assigned[i] {
		return
	}
	r.assigned[i] = true
	a := r.ms[i].Actor
	a.Role = role
	if r.f.isGovernment(r.ms[i]) {
		a.Name = r.f.stateName(a.Country, false)
		a.Kind = event.KindStateForces // the ministry or capital acts through its forces: name and kind agree
	}
	list := &r.a1
	if role == event.RoleActor2 {
		list = &r.a2
	}
	for _, x := range *list {
		if x.Name == a.Name {
			return
		}
	}
	*list = append(*list, a)
}

// addAt gives a role to the first mention that starts within max tokens from token k, inside the clause.
func (r *roleReader) addAt(k int, role string, max int) {
	for i, p := range r.pos {
		if p[0] >= k && p[0] < k+max && p[0] < r.rb {
			r.add(i, role)
			return
		}
	}
}

// after returns the index of word w within max tokens after the trigger in the clause, -1 when absent.
func (r *roleReader) after(w string, max int) int {
	for k := r.tj; k < r.rb && k < r.tj+max; k++ {
		if r.keys[k] == w {
			return k
		}
	}
	return -1
}

// afterPhrase returns the token after phrase ws when it starts within max tokens after the trigger.
func (r *roleReader) afterPhrase(ws []string, max int) int {
	for k := r.tj; k < r.rb && k < r.tj+max; k++ {
		ok := k+len(ws) <= r.rb
		for n := 0; ok && n < len(ws); n++ {
			ok = r.keys[k+n] == ws[n]
		}
		if ok {
			return k + len(ws)
		}
	}
	return -1
}

// endingAt returns the mention whose last token is k-1, -1 when none.
func (r *roleReader) endingAt(k int) int {
	for i, p := range r.pos {
		if p[1] == k {
			return i
		}
	}
	return -1
}

// passive reports whether the trigger is a passive verb: a form of "be" before it, or "by" right after a
// participle ("convoy hit by").
func (r *roleReader) passive() bool {
	for k := r.ti - 1; k >= r.lb && k >= r.ti-3; k-- {
		switch r.keys[k] {
		case "was", "were", "been", "being", "is", "are", "be", "got", "get", "gets":
			return true
		case "reportedly", "allegedly", "also", "apparently", "later", "then", "all", "not", "both", "mostly", "probably":
			continue
		}
		break
	}
	return r.tj < len(r.keys) && r.keys[r.tj] == "by" && strings.HasSuffix(r.keys[r.tj-1], "ed")
}

// subject returns the nearest mention before the trigger that is not the object of a preposition and not
// separated from it by a speech verb, -1 when none.
func (r *roleReader) subject() int {
	for i := len(r.ms) - 1; i >= 0; i-- {
		p := r.pos[i]
		if p[1] > r.ti || p[0] < r.lb {
			continue
		}
		if p[0] > 0 && subjectBlockers[r.keys[p[0]-1]] && !quantityOf(r.keys, p[0]) && !memberOf(r.keys, p[0]) {
			continue
		}
		if carried(r.keys, p[0]) {
			continue // "a vehicle carrying members of the PMF": the passengers, not who struck
		}
		if p[1] < len(r.keys) && propertyNouns[r.keys[p[1]]] {
			continue // "torched police vehicles and stormed": whose vehicles, not who stormed
		}
		for k := p[1]; k < r.ti; k++ {
			if r.f.verbs[r.keys[k]] && r.saysItDid(k) {
				break // "the army said it killed": the speaker is the subject of its own act
			}
			if r.f.verbs[r.keys[k]] || r.keys[k] == "that" || r.keys[k] == "\"" || r.keys[k] == "“" {
				return -1
			}
		}
		return i
	}
	return -1
}

// subjectBlockers are words after which a mention is not a subject.
var subjectBlockers = map[string]bool{
	"on": true, "against": true, "by": true, "with": true, "of": true, "in": true, "at": true, "near": true,
	"for": true, "from": true, "to": true, "between": true, "and": false, "targeting": true,
}

// clauseBounds returns the token range of the clause around [ti, tj): split at semicolons and colons.
func clauseBounds(keys []string, ti, tj int) (int, int) {
	lb, rb := 0, len(keys)
	for k := ti - 1; k >= 0; k-- {
		if keys[k] == ";" || keys[k] == ":" {
			lb = k + 1
			break
		}
	}
	for k := tj; k < len(keys); k++ {
		if keys[k] == ";" || keys[k] == ":" {
			rb = k
			break
		}
	}
	return lb, rb
}

// mentionTokens returns the token range [first, after-last) of each mention.
func mentionTokens(toks []text.Token, ms []Mention) [][2]int {
	pos := make([][2]int, len(ms))
	for i, m := range ms {
		pos[i] = [2]int{tokenAt(toks, m.Start), tokenEndingAt(toks, m.End)}
	}
	return pos
}

// isVictim reports whether a mention names civilians or protesters.
func isVictim(m Mention) bool {
	return m.Actor.Kind == event.KindCivilians || m.Actor.Kind == event.KindProtesters
}

// isGovernment reports whether a mention names a government rather than its forces: a metonym, "the Syrian
// government", or a defence ministry that takes part in what it tells ("Russia's defence ministry said its
// forces had captured").
func (f *Finder) isGovernment(m Mention) bool {
	return (m.Metonym || strings.HasSuffix(m.Rule, "-government") || defenceBody(m)) && m.Actor.Country != "" &&
		f.stateName(m.Actor.Country, false) != ""
}

// defenceBody reports a government body of the organizations lexicon that commands a state's forces.
func defenceBody(m Mention) bool {
	return m.Entry != nil && m.Entry.Category == catOrgs && m.Entry.Attr("role") == "government" &&
		(strings.Contains(m.Entry.Name, "Defence") || strings.Contains(m.Entry.Name, "Defense"))
}

// hedges make a sentence's perpetrator alleged rather than stated.
var hedges = map[string]bool{
	"suspected": true, "allegedly": true, "alleged": true, "believed": true, "thought": true,
	"presumably": true, "presumed": true, "likely": true, "probably": true, "apparently": true,
	"accused": true, "blamed": true, "purportedly": true, "possibly": true, "suspects": true,
}

// isHedged reports whether the sentence hedges who did it (a token with wHedge: a key of hedges).
func isHedged(keys []string, bits []wordBits) bool {
	for i, b := range bits {
		if b&wHedge != 0 && !nounModifier(keys, i) {
			return true
		}
	}
	return false
}

// nounModifier reports a participle that qualifies the noun before it ("a man accused of theft", "a group
// blamed for"), not the event's perpetrator; after a form of "be" it is a passive ("was accused of").
func nounModifier(keys []string, i int) bool {
	if i == 0 || i+1 >= len(keys) || keys[i+1] != "of" && keys[i+1] != "for" {
		return false
	}
	switch keys[i-1] {
	case "is", "was", "were", "are", "been", "being", "be":
		return false
	}
	return true
}

// quantityOf reports whether the mention at token k follows "dozens of", "some of" and the like.
func quantityOf(keys []string, k int) bool {
	return k > 1 && keys[k-1] == "of" && numberWords[keys[k-2]]
}

// coordinate returns the armed mention joined to mention i by "and" right before it ("the army and the
// rebels"), -1 when none.
func (r *roleReader) coordinate(i int) int {
	k := r.pos[i][0] - 1
	for n := 0; k >= 0 && n < 3 && r.keys[k] != "and" && isLowerWord(r.keys[k]); n++ {
		k-- // "and the", "and allied clan militias"
	}
	if k < 1 || r.keys[k] != "and" || isVictim(r.ms[i]) {
		return -1
	}
	for j := range r.ms {
		if r.pos[j][1] == k && j != i && !isVictim(r.ms[j]) && !r.assigned[j] {
			return j
		}
	}
	return -1
}

// carried reports a mention at token k that a vehicle carries, directly or as its members: "a bus carrying
// soldiers", "a convoy transporting members of the PMF". What carries them was hit; they are no subject.
func carried(keys []string, k int) bool {
	b := k - 1
	for b >= 0 && keys[b] != "of" && (keys[b] == "the" || quantityWords[keys[b]] || numberWords[keys[b]]) {
		b--
	}
	if b >= 1 && keys[b] == "of" && groupMembers[keys[b-1]] {
		b -= 2
		for b >= 0 && keys[b] != "of" && (quantityWords[keys[b]] || numberWords[keys[b]]) {
			b--
		}
	}
	return b >= 0 && carryVerbs[keys[b]]
}

// propertyNouns after a party's name make it a modifier of what it owns: "police vehicles", "army trucks".
var propertyNouns = map[string]bool{"vehicles": true, "vehicle": true, "cars": true, "car": true, "trucks": true,
	"truck": true, "station": true, "stations": true, "post": true, "posts": true, "checkpoint": true,
	"checkpoints": true, "headquarters": true, "base": true, "bases": true, "building": true, "buildings": true,
	"compound": true, "barracks": true, "van": true, "vans": true, "convoy": true, "convoys": true}

// carryVerbs take a vehicle's passengers as object.
var carryVerbs = map[string]bool{"carrying": true, "transporting": true, "ferrying": true, "carried": true,
	"transported": true}

// memberOf reports whether the mention at token k follows "fighters of", "members of" and the like: the
// members act for it.
func memberOf(keys []string, k int) bool {
	return k > 1 && keys[k-1] == "of" && groupMembers[keys[k-2]]
}

// addNonState makes actor2 the first non-state armed mention that starts within max tokens from token k.
func (r *roleReader) addNonState(k, max int) {
	for i, p := range r.pos {
		if p[0] >= k && p[0] < k+max && p[0] < r.rb {
			switch r.ms[i].Actor.Kind {
			case event.KindRebelGroup, event.KindPoliticalMilitia, event.KindIdentityMilitia:
				r.add(i, event.RoleActor2)
			}
			return
		}
	}
}

// quantityWords may stand between a verb and its counted object.
var quantityWords = map[string]bool{
	"more": true, "than": true, "a": true, "an": true, "the": true, "dozen": true, "dozens": true, "of": true,
	"at": true, "least": true, "some": true, "about": true, "around": true, "nearly": true, "almost": true,
	"over": true, "up": true, "to": true, "several": true, "scores": true, "hundreds": true, "two": true,
	"three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true,
	"ten": true, "eleven": true, "twelve": true, "twenty": true, "thirty": true, "forty": true, "fifty": true,
	"hundred": true, "thousand": true, "approximately": true, "roughly": true, "estimated": true,
}

// symmetric reports a trigger whose coordinated subjects are its two sides: clashes, fighting, agreements.
func (r *roleReader) symmetric() bool {
	for k := r.ti; k < r.tj; k++ {
		switch w := r.keys[k]; {
		case strings.HasPrefix(w, "clash"), strings.HasPrefix(w, "fought"), strings.HasPrefix(w, "fight"),
			strings.HasPrefix(w, "battl"), strings.HasPrefix(w, "sign"), strings.HasPrefix(w, "agree"),
			strings.HasPrefix(w, "exchang"), strings.HasPrefix(w, "negotiat"), strings.HasPrefix(w, "truce"),
			strings.HasPrefix(w, "ceasefire"), strings.HasPrefix(w, "skirmish"), strings.HasPrefix(w, "met"):
			return true
		}
	}
	return false
}

// isLowerWord reports a plain word key (letters only), not punctuation or a number.
func isLowerWord(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		if c := k[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// killedObject reports a mention at token k that is the object of a verb of harm, across a quantity
// ("killing two soldiers", "wounding dozens of policemen").
func (r *roleReader) killedObject(k int) bool {
	b := k - 1
	if b > r.tj+1 && r.keys[b] == "the" {
		b--
	}
	if b > r.tj+1 && r.keys[b] == "of" && groupMembers[r.keys[b-1]] {
		b -= 2 // "killing two members of the SDF"
	}
	for b > r.tj && (quantityWords[r.keys[b]] || r.keys[b] != "" && r.keys[b][0] >= '0' && r.keys[b][0] <= '9') {
		b--
	}
	return harmVerbs[r.keys[b]]
}

// harmVerbs take the people harmed as their object.
var harmVerbs = map[string]bool{"killing": true, "killed": true, "wounding": true, "wounded": true,
	"injuring": true, "injured": true, "abducting": true, "abducted": true, "kidnapping": true, "kidnapped": true}
