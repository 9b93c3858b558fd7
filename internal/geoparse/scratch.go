package geoparse

import (
	"sync"

	"sitrep/internal/text"
)

// scratch is the memory of a run that a later run reuses: slices and maps that never leave the run (a
// Toponym holds strings of the text and of the gazetteer only). A released scratch holds nothing of the
// run: its slices are cleared and its maps emptied.
type scratch struct {
	toks    []text.Token
	folded  []string
	caps    []bool
	initial []bool
	classes []uint32
	ms      []mention
	names   map[string]bool
	words   map[string]nameEntry
	byKey   map[string]keyCands
	memo    map[signature]choice
	comps   [][nComp]float64
	keyBuf  []byte
	focuses [2]*focus // empty
	floats  []float64 // run.floats hands out its free part
	kds     []keyData // run.newKeyData hands out the next one
}

// floats returns n float64s of the run's arena, whatever they hold.
func (r *run) floats(n int) []float64 {
	sc := r.sc
	if cap(sc.floats)-len(sc.floats) < n {
		sc.floats = make([]float64, 0, max(1024, 2*cap(sc.floats), n)) // the full one stays with its slices
	}
	k := len(sc.floats)
	sc.floats = sc.floats[: k+n : cap(sc.floats)]
	return sc.floats[k : k+n : k+n]
}

// focus returns the empty focus number slot.
func (sc *scratch) focus(slot int) *focus {
	if sc.focuses[slot] == nil {
		sc.focuses[slot] = &focus{country: map[countryKey]float64{}, admin1: map[divisionKey]float64{},
			named: map[division]keySet{}, totalC: map[string]float64{}, totalA: map[division]float64{},
			outright: map[string]bool{}}
	}
	return sc.focuses[slot]
}

var scratches = sync.Pool{New: func() any {
	return &scratch{names: map[string]bool{}, words: map[string]nameEntry{}, byKey: map[string]keyCands{}, memo: map[signature]choice{}}
}}

// grown returns s with length n, zeroed: s itself when it has the capacity (a released scratch's slices are
// cleared), else a new slice.
func grown[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// release returns the memory of run r and its text to the pool.
func (r *run) release() {
	d := r.d
	sc := r.sc
	if sc == nil {
		return
	}
	r.sc = nil
	if !d.lent {
		clear(d.toks) // the strings of the text
		sc.toks = d.toks[:0]
	}
	clear(d.folded)
	clear(d.caps)
	clear(d.initial)
	clear(d.classes)
	clear(r.ms)
	clear(r.names)
	clear(r.words)
	clear(r.byKey)
	clear(r.memo)
	sc.floats = sc.floats[:0]
	clear(sc.kds) // the names' scores and the focus
	sc.kds = sc.kds[:0]
	for _, f := range sc.focuses {
		if f != nil {
			f.reset()
		}
	}
	sc.folded, sc.caps, sc.initial, sc.classes = d.folded[:0], d.caps[:0], d.initial[:0], d.classes[:0]
	sc.ms, sc.names, sc.words, sc.byKey, sc.memo, sc.comps, sc.keyBuf = r.ms[:0], r.names, r.words, r.byKey, r.memo,
		r.comps, r.keyBuf
	scratches.Put(sc)
}
