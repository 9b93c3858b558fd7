package lexicon

import (
	"slices"
	"strings"
	"testing"

	"sitrep/internal/event"
)

// ownedCategories are the embedded files whose aliases must not collide inside the category (other files,
// such as cues.tsv, are checked by the packages that own them).
var ownedCategories = []Category{"actors_state", "actors_groups", "organizations", "weapons", "targets"}

// documentedCollisions are folded aliases deliberately shared by two entries of one category, as
// "category: why" (none today: the Syrian and the Gaza Jaysh al-Islam are told apart by "(Gaza)").
var documentedCollisions = map[string]string{}

func TestEmbeddedFilesLoad(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, cat := range ownedCategories {
		if len(l.Entries(cat)) == 0 {
			t.Errorf("category %s is empty or missing", cat)
		}
	}
	if !l.IsFirstName("Mohammed") || l.IsFirstName("Aleppo") {
		t.Error("first names not loaded")
	}
}

func TestNoCollidingAliases(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, cat := range ownedCategories {
		for k, es := range l.byKey[cat] {
			if len(es) < 2 {
				continue
			}
			if _, ok := documentedCollisions[k]; ok {
				continue
			}
			var srcs []string
			for _, e := range es {
				srcs = append(srcs, e.Source+" "+e.Name)
			}
			t.Errorf("%s: %q names %d entries: %s", cat, k, len(es), strings.Join(srcs, "; "))
		}
	}
	for k, why := range documentedCollisions {
		cat := Category(strings.SplitN(why, ":", 2)[0])
		if len(l.byKey[cat][k]) < 2 {
			t.Errorf("documented collision %q (%s) no longer exists: drop it", k, why)
		}
	}
}

func TestWeaponAndTargetAttributes(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	classes := map[Category][]string{
		"weapons": {"aircraft", "drone", "artillery", "rocket", "missile", "mortar", "ied", "landmine", "suicide",
			"grenade", "explosive", "incendiary", "cluster", "small_arms", "knife", "blunt", "chemical", "armour",
			"naval", "air_defence", "nuclear", "vehicle"},
		"targets": {"civilian", "infrastructure", "medical", "aid", "military", "religious", "education", "market",
			"residential", "government", "energy", "transport", "media", "detention", "diplomatic"},
	}
	for cat, allowed := range classes {
		for _, e := range l.Entries(cat) {
			if !slices.Contains(allowed, e.Attr("class")) {
				t.Errorf("%s: %s has class %q", e.Source, e.Name, e.Attr("class"))
			}
			if h := e.Attr("sub_event_hint"); h != "" {
				if _, ok := event.TypeOf(h); !ok {
					t.Errorf("%s: %s has unknown sub_event_hint %q", e.Source, e.Name, h)
				}
			}
		}
	}
}
