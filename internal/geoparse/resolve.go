package geoparse

import "math"

// Score components of a candidate, in the order of rule names.
const (
	cPrior = iota
	cName
	cFocus
	cAdmin1
	cHint
	cNoun
	cNear
	cList
	nComp
)

// ruleNames name the score components for --explain.
var ruleNames = [nComp]string{"population-prior", "name-match", "country-focus", "admin1-focus", "country-hint", "place-noun",

	"proximity", "list-siblings"}

// resolve chooses a place for every mention: scores from priors and document focus first, then again with
// the closeness to the places chosen for the other mentions, then "X, Y" pairs and "X near Y".
func (r *run) resolve() {
	r.addHints()
	for k := range r.ms {
		r.candidates(&r.ms[k])
	}
	r.sharedNameHints()
	f := r.focus()
	r.f = f
	r.chooseAll(f, nil)
	a := r.anchors()
	r.linkSiblings()
	r.chooseAll(f, a)
	r.commaPairs()
	r.nearLinks()
}

// chooseAll chooses for every mention. Mentions of one name with the same hints and no list siblings score
// alike, so the choice of the first is reused.
func (r *run) chooseAll(f *focus, anchors []anchor) {
	r.pass++
	memo := r.memo
	clear(memo)
	for k := range r.ms {
		m := &r.ms[k]
		shared := len(m.siblings) == 0 && m.preset == nil && r.possessor(k) < 0 && r.holder(k) < 0
		sig := signature{m.key, m.noun, m.hintCC, m.hintA1}
		if c, ok := memo[sig]; ok && shared && len(m.cands) > 0 {
			m.choice, m.rule, m.scores, m.orphan = c.i, c.rule, c.scores, c.orphan
			continue
		}
		r.choose(k, f, anchors)
		if shared {
			memo[sig] = choice{m.choice, m.rule, m.scores, m.orphan}
		}
	}
}

// signature is what the choice for a mention without list siblings depends on besides its name's
// candidates; choice is that choice (see chooseAll).
type (
	signature struct{ key, noun, hintCC, hintA1 string }
	choice    struct {
		i      int
		rule   string
		scores []float64
		orphan bool
	}
)

// choose scores the candidates of mention k and picks the best, naming the rule that decided. Small foreign
// homonyms (focus.foreign) are passed over; a name with no other candidate is left unresolved (orphan). A
// name followed by a division word ("Sagaing region", "Idlib governorate") reads as a division when it
// names one: its other readings are passed over.
func (r *run) choose(k int, f *focus, anchors []anchor) {
	m := &r.ms[k]
	if len(m.cands) == 0 {
		return
	}
	if cap(r.comps) < len(m.cands) {
		r.comps = make([][nComp]float64, len(m.cands))
	}
	comps := r.comps[:len(m.cands)]
	clear(comps)
	m.scores = r.floats(len(m.cands)) // every one set below
	divisionOnly := r.namesDivision(m)
	own, owned := r.owner(k)
	listCC := r.listCountry(k, f)
	best, priorBest, passedOver := -1, -1, -1
	for i := range m.cands {
		c := &m.cands[i]
		if r.foreignOf(m, i, f) || owned && outside(own, c.p) || listCC != "" && f.foreignToList(m, c.p, listCC) {
			m.scores[i] = math.Inf(-1)
			continue
		}
		comps[i] = r.components(k, i, c.p, c.prior, f, anchors)
		s := 0.0
		for _, v := range comps[i] {
			s += v
		}
		m.scores[i] = s
		if divisionOnly && !isDivision(c.p) {
			if passedOver < 0 || m.scores[i] > m.scores[passedOver] {
				passedOver = i
			}
			m.scores[i] = math.Inf(-1)
			continue
		}
		if best < 0 || m.scores[i] > m.scores[best] {
			best = i
		}
		if priorBest < 0 || c.prior > m.cands[priorBest].prior {
			priorBest = i
		}
	}
	m.choice, m.orphan = best, best < 0
	if best < 0 {
		m.rule = "foreign-homonym"
		return
	}
	m.rule = ruleOf(m, comps, best, priorBest)
	if passedOver >= 0 && comps[passedOver] != ([nComp]float64{}) && sum(comps[passedOver]) > m.scores[best] {
		m.rule = "division-noun" // the town would have won without the word after the name
	}
}

// namesDivision reports whether mention m is written with a division word (mention.head) and one of its candidates
// is a division; a country's name ("Iran state media") names the country still.
func (r *run) namesDivision(m *mention) bool {
	if m.head() == "" || m.country != nil && !m.alsoAdmin1 {
		return false
	}
	for _, c := range m.cands {
		if isDivision(c.p) {
			return true
		}
	}
	return false
}

// sum adds the score components.
func sum(c [nComp]float64) float64 {
	t := 0.0
	for _, v := range c {
		t += v
	}
	return t
}

// foreignOf caches focus.foreign by name and candidate.
func (r *run) foreignOf(m *mention, i int, f *focus) bool {
	kd := m.kd
	if kd == nil {
		return f.foreign(m, m.cands[i].p, r.otherNameOf(m, i))
	}
	if kd.foreign == nil {
		kd.foreign = make([]int8, len(m.cands))
	}
	if kd.foreign[i] == 0 {
		kd.foreign[i] = 2
		if f.foreign(m, m.cands[i].p, r.otherNameOf(m, i)) {
			kd.foreign[i] = 1
		}
	}
	return kd.foreign[i] == 1
}

// otherNameOf reports whether mention m names its candidate i only by one of its other names (nameMatch).
func (r *run) otherNameOf(m *mention, i int) bool {
	return m.preset == nil && m.key != "" && r.nameMatchOf(m, i, m.cands[i].p) <= -2
}

// ruleOf names the rule that made best win: the component that most favours it over the candidate the
// prior alone would have chosen.
func ruleOf(m *mention, comps [][nComp]float64, best, priorBest int) string {
	switch {
	case m.country != nil && isCountry(m.cands[best].p) && m.cands[best].p.Country == m.country.Code:
		return "country-name"
	case len(m.cands) == 1 && isCountry(m.cands[0].p):
		return "country-name"
	case len(m.cands) == 1:
		return "only-candidate"
	case best == priorBest:
		return ruleNames[cPrior]
	}
	top, gain := cPrior, 0.0
	for c := cFocus; c < nComp; c++ {
		if g := comps[best][c] - comps[priorBest][c]; g > gain {
			top, gain = c, g
		}
	}
	return ruleNames[top]
}
