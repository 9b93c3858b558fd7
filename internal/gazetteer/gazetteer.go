package gazetteer

import (
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/klauspost/compress/zstd"
)

//go:generate go run ./gen -out data/cities500.idx.zst

//go:embed data/cities500.idx.zst
var citiesData []byte

// Gazetteer answers place-name queries over the embedded data and an optional imported overlay. It is
// read-only and safe for concurrent use.
type Gazetteer struct {
	layers    []*index // lookups merge every layer; a later layer's place replaces an earlier one with its id
	countries *countryTable
	admin1    map[string]admin1Fact // "SY.09" -> fact
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
	defaultErr  error
)

// Default returns the gazetteer of the embedded data, loaded once on first use.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() { defaultG, defaultErr = load() })
	return defaultG, defaultErr
}

// load decompresses the embedded cities and indexes the hand-written facts.
func load() (*Gazetteer, error) {
	type factsResult struct {
		g   *Gazetteer
		ix  *index
		err error
	}
	ch := make(chan factsResult, 1)
	go func() { // the facts index builds while the cities decompress
		g, ix, err := loadFacts()
		ch <- factsResult{g, ix, err}
	}()
	raw, err := decompress(citiesData)
	f := <-ch
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	if f.err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", f.err)
	}
	cities, err := openIndex(raw)
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	f.g.layers = []*index{f.ix, cities}
	return f.g, nil
}

// decompress decodes the zstd frame of the embedded data in one call (the frame records its size).
func decompress(data []byte) ([]byte, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	return dec.DecodeAll(data, nil)
}

// withOverlay returns a copy of g that also looks in ix.
func (g *Gazetteer) withOverlay(ix *index) *Gazetteer {
	c := *g
	c.layers = append(slices.Clip(g.layers), ix)
	return &c
}

// Lookup returns the places one of whose names folds to the same key as name, most populous first.
func (g *Gazetteer) Lookup(name string) []Place {
	return g.collect(Fold(name), false)
}

// Has reports whether Lookup(name) returns any place, without decoding the places: a place a later layer
// replaces, or a facts copy of an imported division, leaves the place that replaced it.
func (g *Gazetteer) Has(name string) bool {
	key := Fold(name)
	if key == "" {
		return false
	}
	for _, ix := range g.layers {
		if ix.has(&ix.primary, key) {
			return true
		}
	}
	return false
}

// LookupLoose returns the places one of whose names has the same transliteration key as name (see LooseKey),
// most populous first: a superset of Lookup.
func (g *Gazetteer) LookupLoose(name string) []Place {
	return g.collect(LooseKey(name), true)
}

// collect gathers the places under key from every layer, later layers replacing earlier ones by id.
func (g *Gazetteer) collect(key string, loose bool) []Place {
	if key == "" {
		return nil
	}
	var out []Place
	for _, ix := range g.layers {
		t := &ix.primary
		if loose {
			t = &ix.loose
		}
		start := len(out)
		out = ix.lookup(t, key, out)
		out = dropReplaced(out, start)
	}
	out = dropFactsCopies(out)
	slices.SortStableFunc(out, func(a, b Place) int { return cmp.Compare(b.Population, a.Population) })
	return out
}

// dropReplaced removes from out[:start] the places whose id appears again in out[start:].
func dropReplaced(out []Place, start int) []Place {
	if start == 0 || start == len(out) {
		return out
	}
	ids := make(map[int64]bool, len(out)-start)
	for _, p := range out[start:] {
		if p.ID != 0 {
			ids[p.ID] = true
		}
	}
	kept := make([]Place, 0, len(out))
	for _, p := range out[:start] {
		if p.ID == 0 || !ids[p.ID] {
			kept = append(kept, p)
		}
	}
	return append(kept, out[start:]...)
}

// dropFactsCopies removes hand-written countries and divisions (id 0) that an imported GeoNames place of the
// same kind stands for (found under the same name).
func dropFactsCopies(out []Place) []Place {
	var imported map[division]bool
	for _, p := range out {
		if p.ID != 0 && p.Class == 'A' {
			if imported == nil {
				imported = map[division]bool{}
			}
			imported[divisionOf(p)] = true
		}
	}
	if imported == nil {
		return out
	}
	return slices.DeleteFunc(out, func(p Place) bool { return p.ID == 0 && imported[divisionOf(p)] })
}

// division identifies an administrative place across sources: a country by its code (GeoNames gives
// countries admin1 "00" and codes PCLI, PCLD, ...), a division by code, country and admin1.
type division struct{ code, country, admin1 string }

func divisionOf(p Place) division {
	if strings.HasPrefix(p.Code, "PCL") {
		return division{"PCL", p.Country, ""}
	}
	return division{p.Code, p.Country, p.Admin1}
}

// HasPrefix reports whether some name's folded key equals foldedWords or starts with foldedWords followed by
// a space: multi-word recognisers extend a candidate while it holds.
func (g *Gazetteer) HasPrefix(foldedWords string) bool {
	if foldedWords == "" {
		return false
	}
	for _, ix := range g.layers {
		if ix.hasPrefix(foldedWords) {
			return true
		}
	}
	return false
}
