package actors

import "sitrep/internal/text"

// class is what a head noun says about the party it names.
type class uint8

const (
	clNone       class = iota
	clMilitary         // troops, warplanes, the army
	clStrike           // air strikes, shelling: a force only with a demonym ("Russian air strikes")
	clPolice           // police, gendarmes
	clGovernment       // government, authorities, officials
	clRegime           // regime: in conflict reporting, the state's forces
	clCivilians        // civilians, aid workers, journalists
	clPeople           // people: victims only after a number ("20 people")
	clProtesters       // protesters, demonstrators
	clRioters          // rioters, mob
	clRebels           // rebels, insurgents, opposition fighters
	clUnknown          // gunmen, unidentified armed men, assailants
	clMilitia          // militia, militiamen
)

// heads maps folded head nouns to their class.
var heads = map[string]class{
	"forces": clMilitary, "troops": clMilitary, "soldiers": clMilitary, "soldier": clMilitary,
	"army": clMilitary, "military": clMilitary, "warplanes": clMilitary, "warplane": clMilitary,
	"jets": clMilitary, "jet": clMilitary, "aircraft": clMilitary, "planes": clMilitary, "bombers": clMilitary,
	"helicopters": clMilitary, "helicopter": clMilitary, "gunships": clMilitary, "drones": clMilitary,
	"drone": clMilitary, "tanks": clMilitary, "navy": clMilitary, "warships": clMilitary, "warship": clMilitary,
	"marines": clMilitary, "gunboats": clMilitary, "paratroopers": clMilitary, "commandos": clMilitary,
	"servicemen": clMilitary, "artillery": clMilitary, "units": clMilitary, "battalion": clMilitary,
	"brigade": clMilitary, "coastguard": clMilitary, "airforce": clMilitary, "frigate": clMilitary,
	"submarine": clMilitary, "submarines": clMilitary, "fighters": clMilitary, "troop": clMilitary,
	"recruits": clMilitary, "force": clMilitary, "defences": clMilitary, "defenses": clMilitary, "officers": clMilitary, "officer": clMilitary,
	"strikes": clStrike, "airstrikes": clStrike, "airstrike": clStrike, "strike": clStrike, "raids": clStrike,
	"raid": clStrike, "shelling": clStrike, "bombardment": clStrike, "missiles": clStrike, "missile": clStrike,
	"rockets": clStrike, "bombing": clStrike, "bombings": clStrike, "fire": clStrike, "rocket": clStrike,
	"bomb": clStrike, "bombs": clStrike, "shell": clStrike, "shells": clStrike, "munitions": clStrike,
	"police": clPolice, "policemen": clPolice, "policeman": clPolice, "gendarmes": clPolice,
	"gendarmerie": clPolice, "guards": clPolice, "guard": clPolice,
	"government": clGovernment, "authorities": clGovernment, "officials": clGovernment,
	"leadership": clGovernment, "administration": clGovernment, "cabinet": clGovernment,
	"regime": clRegime, "junta": clRegime,
	"civilians": clCivilians, "civilian": clCivilians, "residents": clCivilians, "villagers": clCivilians,
	"inhabitants": clCivilians, "locals": clCivilians, "workers": clCivilians, "medics": clCivilians,
	"doctors": clCivilians, "nurses": clCivilians, "paramedics": clCivilians, "rescuers": clCivilians,
	"volunteers": clCivilians, "journalists": clCivilians, "journalist": clCivilians, "reporters": clCivilians,
	"photographers": clCivilians, "students": clCivilians, "pupils": clCivilians, "schoolchildren": clCivilians,
	"children": clCivilians, "women": clCivilians, "worshippers": clCivilians, "worshipers": clCivilians,
	"farmers": clCivilians, "shepherds": clCivilians, "herders": clCivilians, "fishermen": clCivilians,
	"refugees": clCivilians, "migrants": clCivilians, "passengers": clCivilians, "patients": clCivilians,
	"teachers": clCivilians, "traders": clCivilians, "pilgrims": clCivilians, "shoppers": clCivilians,
	"activists": clCivilians, "activist": clCivilians, "bloggers": clCivilians, "monk": clCivilians,
	"monks": clCivilians, "priest": clCivilians, "priests": clCivilians, "pastor": clCivilians, "pastors": clCivilians,
	"nuns": clCivilians, "clerics": clCivilians, "cleric": clCivilians,
	"lawyers": clCivilians, "unionists": clCivilians, "families": clCivilians, "bystanders": clCivilians, "idps": clCivilians, "miners": clCivilians,
	"people": clPeople, "persons": clPeople,
	"protesters": clProtesters, "protestors": clProtesters, "demonstrators": clProtesters,
	"marchers": clProtesters, "protester": clProtesters, "demonstrator": clProtesters, "supporters": clProtesters,
	"rioters": clRioters, "mob": clRioters, "mobs": clRioters,
	"rebels": clRebels, "rebel": clRebels, "insurgents": clRebels, "opposition": clRebels,
	"gunmen": clUnknown, "gunman": clUnknown, "assailants": clUnknown, "attackers": clUnknown,
	"militants": clUnknown, "kidnappers": clUnknown, "abductors": clUnknown, "bandits": clUnknown,
	"assailant": clUnknown, "attacker": clUnknown, "bomber": clUnknown, "jihadists": clUnknown,
	"jihadist": clUnknown, "extremists": clUnknown, "terrorists": clUnknown, "islamists": clUnknown,
	"men": clUnknown, "gangs": clUnknown, "gangsters": clUnknown, "members": clUnknown, "militia": clMilitia, "militias": clMilitia, "militiamen": clMilitia,
}

// mods are words that may stand between a demonym and its head noun, or before a head without one.
var mods = map[string]class{
	"government": clGovernment, "regime": clRegime, "junta": clRegime, "state": clGovernment, "security": clGovernment,
	"army": clMilitary, "air": clNone, "naval": clNone, "ground": clNone, "special": clNone, "elite": clNone,
	"armed": clNone, "military": clNone, "federal": clNone, "national": clNone, "border": clNone,
	"riot": clNone, "fighter": clNone, "combat": clNone, "attack": clNone, "assault": clNone, "coalition": clNone,
	"war": clNone, "defence": clNone, "defense": clNone, "police": clNone, "navy": clNone, "artillery": clNone,
	"tank": clNone, "drone": clNone, "missile": clNone, "rocket": clNone, "aerial": clNone,
	"glide": clNone, "guided": clNone, "cruise": clNone, "ballistic": clNone, "cluster": clNone,
	"hypersonic": clNone, "kamikaze": clNone, "gang": clNone, "cartel": clNone,
	"local": clNone, "clan": clNone, "tribal": clNone, "ethnic": clNone, "community": clNone, "vigilante": clNone,
	"unarmed": clNone, "innocent": clNone, "displaced": clNone, "aid": clNone,
	"humanitarian": clNone, "health": clNone, "rescue": clNone, "relief": clNone, "medical": clNone,
	"foreign": clNone, "young": clNone, "school": clNone, "university": clNone, "peaceful": clNone,
	"rebel": clRebels, "opposition": clRebels, "unidentified": clUnknown, "unknown": clUnknown,
	"masked": clUnknown, "suspected": clNone, "suicide": clNone, "other": clNone, "civilian": clNone,
	"hospital": clNone, "media": clNone, "female": clNone, "male": clNone, "student": clNone,
}

// groupMembers may follow a lexicon group's name and belong to the mention ("Houthi rebels").
var groupMembers = map[string]bool{
	"fighters": true, "militants": true, "rebels": true, "forces": true, "troops": true, "militia": true,
	"militias": true, "militiamen": true, "members": true, "gunmen": true, "insurgents": true,
	"mercenaries": true, "jihadists": true, "soldiers": true, "units": true, "recruits": true,
}

// groupBodies are nouns for an organised group that follow its name ("the Islamic State group", "the M23
// movement"); groupKinds are the adjectives that may stand between ("the ELN rebel group").
var groupBodies = map[string]bool{
	"group": true, "movement": true, "faction": true, "organisation": true, "organization": true,
	"alliance": true, "coalition": true, "outfit": true,
}

var groupKinds = map[string]bool{
	"rebel": true, "militant": true, "armed": true, "insurgent": true, "jihadist": true, "guerrilla": true,
	"guerilla": true, "paramilitary": true, "militia": true, "islamist": true, "extremist": true,
	"separatist": true, "terrorist": true,
}

// locatives are prepositions after which a name is a place, not a party.
var locatives = map[string]bool{
	"in": true, "at": true, "near": true, "from": true, "to": true, "into": true, "outside": true,
	"inside": true, "around": true, "across": true, "towards": true, "toward": true, "via": true,
	"through": true, "over": true, "of": true, "within": true, "between": true, "throughout": true,
	"onto": true, "above": true, "off": true, "on": true, "along": true, "visit": true, "visited": true,
}

// auxiliaries mark a subject when they follow a name ("Russia has sent").
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "is": true, "was": true, "will": true, "would": true,
	"could": true, "can": true, "did": true, "does": true, "may": true, "might": true, "must": true,
	"should": true, "wants": true, "plans": true, "hopes": true, "believes": true, "needs": true,
	"continues": true, "sent": true, "sends": true, "struck": true, "hit": true, "hits": true, "took": true,
	"began": true, "begins": true, "seeks": true, "sought": true, "fears": true, "feared": true,
}

// accusers are verbs whose object is a party ("blaming Washington").
var accusers = map[string]bool{
	"accused": true, "accuses": true, "accusing": true, "accuse": true, "blamed": true, "blames": true,
	"blaming": true, "blame": true, "condemned": true, "condemns": true, "urged": true, "urges": true,
	"warned": true, "warns": true, "criticised": true, "criticized": true, "sanctioned": true,
}

// timeWords may stand between a subject and its verb ("Moscow on Tuesday said").
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "today": true, "yesterday": true, "earlier": true, "later": true, "also": true,
	"again": true, "previously": true, "repeatedly": true, "strongly": true, "flatly": true, "now": true,
	"last": true, "this": true, "week": true, "month": true, "night": true, "then": true, "swiftly": true,
	"quickly": true, "immediately": true, "reportedly": true, "allegedly": true, "has": true, "have": true,
	"had": true, "already": true, "officially": true, "publicly": true, "on": true, "not": true, "been": true,
}

// numberWords are quantities that make "people" a set of victims ("dozens of people").
var numberWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "eleven": true, "twelve": true, "dozen": true, "dozens": true, "hundreds": true,
	"scores": true, "thousands": true, "several": true, "many": true, "some": true, "of": true, "twenty": true,
	"thirty": true, "forty": true, "fifty": true, "hundred": true, "other": true, "more": true,
}

// wordBits say what a token is for the finder's rules, so that the hot loops test a bit instead of asking
// several maps for the same key.
type wordBits uint16

const (
	wHead     wordBits = 1 << iota // a key of heads
	wMod                           // a key of mods
	wTitle                         // a key of titles
	wArticle                       // a key of articles
	wLocative                      // a key of locatives
	wOrgHead                       // a key of orgHeads
	wCap                           // isCapWord
	wHedge                         // a key of hedges
	// The name bits are looked up only for a token with wCap or wTitle, the only tokens the rules ask about
	// (a place or a person's name starts with a capital or after a title); other tokens never have them.
	wPlace     // the first key of a name in the place index
	wFirstName // a given name's key (IsFirstName), trusted for a word of ASCII letters and digits only
)

// wordVocab holds the bits of every key that has any: the word sets above (words, for every token), the first
// words of the place index and the lexicon's given names (names, for capitalised words and titles), in
// text.Tables built from the maps, which answer a word faster than a map (wordBitsOf asks for every token).
type wordVocab struct {
	words, names text.Table[wordBits]
	starts       [256]bool // the first bytes of the keys of words: no other key is asked for
}

// buildVocab indexes the word sets, the place index and the given names.
func buildVocab(places placeIndex, firstNames func(yield func(string) bool)) wordVocab {
	var v wordVocab
	words, names := map[string]wordBits{}, map[string]wordBits{}
	sets := []struct {
		b wordBits
		m map[string]bool
	}{{wTitle, titles}, {wArticle, articles}, {wLocative, locatives}, {wOrgHead, orgHeads}, {wHedge, hedges}}
	for _, s := range sets {
		for k, ok := range s.m {
			if ok {
				words[k] |= s.b
			}
		}
	}
	for k := range heads {
		words[k] |= wHead
	}
	for k := range mods {
		words[k] |= wMod
	}
	for k := range words {
		if k != "" {
			v.starts[k[0]] = true
		}
	}
	for k, ps := range places {
		if len(ps) > 0 {
			names[k] |= wPlace
		}
	}
	if firstNames != nil {
		for k := range firstNames {
			names[k] |= wFirstName
		}
	}
	v.words, v.names = text.NewTable(words), text.NewTable(names)
	return v
}
