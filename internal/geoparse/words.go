package geoparse

import "sitrep/internal/gazetteer"

// set builds a lookup set of folded words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titles precede person names: "President Assad", "Gen. Petraeus", "Sheikh Zayed".
var titles = set("president", "mr", "mrs", "ms", "miss", "dr", "gen", "general", "minister", "secretary",
	"senator", "sen", "rep", "representative", "congressman", "congresswoman", "king", "queen", "prince",
	"princess", "pope", "sheikh", "sheik", "judge", "justice", "governor", "gov", "mayor", "chancellor",
	"colonel", "col", "lt", "lieutenant", "captain", "capt", "sgt", "sergeant", "major", "maj", "officer",
	"prof", "professor", "rev", "reverend", "father", "sister", "brother", "bishop", "cardinal", "imam",
	"ayatollah", "emir", "sultan", "lord", "lady", "sir", "dame", "coach", "commander", "admiral", "adm",
	"premier", "spokesman", "spokeswoman", "spokesperson", "chairman", "director", "ambassador", "envoy",
	"deputy", "detective", "det", "sheriff", "marshal", "private", "pvt", "corporal", "cpl", "st", "saint")

// orgHeads follow a place name inside an organisation's name: "Texas University", "New York Times",
// "Turkish Airlines".
var orgHeads = set("university", "college", "school", "academy", "institute", "times", "post", "herald",
	"tribune", "journal", "gazette", "news", "press", "daily", "star", "telegraph", "chronicle", "observer",
	"guardian", "examiner", "airlines", "airline", "airways", "air", "bank", "club", "fc", "united",
	"rangers", "company", "corp", "corporation", "inc", "ltd", "group", "council", "committee", "party",
	"police", "department", "ministry", "hospital", "museum", "library", "church", "cathedral", "mosque",
	"stadium", "airport", "station", "hotel", "center", "centre", "court", "senate", "assembly", "parliament",
	"congress", "government", "office", "agency", "association", "foundation", "federation", "league",
	"symphony", "orchestra", "opera", "theatre", "theater", "zoo", "declaration", "accord", "accords",
	"agreement", "treaty", "convention", "protocol", "summit", "conference", "process", "purchase",
	"syndrome", "virus", "flu", "fever", "street", "avenue", "road", "boulevard", "square", "bridge", "tower",
	"building", "mall", "park", "high", "elementary", "middle", "giants", "jets", "lakers", "knicks", "mets",
	"yankees", "cowboys", "bulls", "bears", "eagles", "patriots", "saints", "warriors", "red", "blue",
	"magazine", "review", "show", "festival", "games", "open", "cup", "marathon", "electric", "energy",
	"sun", "mail", "express", "today", "tv", "radio", "network", "channel", "broadcasting",
	"fire", "sheriffs", "sheriff", "army", "navy", "force", "guard",
	"brigade", "division", "regiment", "battalion", "front", "movement", "council", "authority", "board",
	"commission", "bureau", "service", "services", "institution", "observatory", "monitor", "international",
	"chamber", "chambers", "society", "trust", "fund", "institutes", "universities", "embassy", "consulate",
	"corporation", "bank", "archdiocese", "diocese")

// placeHeads follow a place name inside a longer place name: "Tartus Province", "Idlib Governorate",
// "Aleppo City", "Euphrates River". The whole run is one toponym.
var placeHeads = set("city", "town", "village", "county", "province", "governorate", "state", "region",
	"district", "prefecture", "municipality", "island", "islands", "river", "valley", "mountains",
	"mountain", "sea", "bay", "gulf", "lake", "coast", "peninsula", "desert", "plain", "plains", "basin",
	"oblast", "krai", "canton", "department", "parish", "borough", "territory", "strait", "heights", "hills",
	"countryside", "area", "metropolitan", "metro", "delta", "highlands", "township")

// directions qualify a place and belong to its span: "northern Syria", "South Texas", "East Aleppo".
var directions = set("north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
	"southeastern", "southwestern", "upper", "lower", "greater", "mid", "inner", "outer")

// locativeCues precede place names: "in Aleppo", "near Idlib", "outside Damascus".
var locativeCues = set("in", "near", "outside", "at", "from", "to", "into", "across", "around", "towards",
	"toward", "inside", "through", "across", "throughout", "via", "between", "nearby", "within", "of",
	"entered", "visited", "visiting", "reached", "captured", "seized", "shelled", "bombed", "struck", "hit")

// strongCues make a place reading likely even for a word that is also common: "in Mobile", "near Hope".
var strongCues = set("in", "near", "outside", "inside", "around", "across", "throughout", "towards", "toward")

// placeNouns introduce a place name after "of": "the city of X", "the village of X", "the province of X".
var placeNouns = set("city", "town", "village", "province", "governorate", "region", "district", "port",
	"capital", "state", "county", "island", "islands", "suburb", "neighbourhood", "neighborhood", "area",
	"municipality", "outskirts", "enclave", "stronghold", "countryside", "hamlet", "settlement", "camp",
	"republic", "kingdom", "emirate", "commune", "prefecture", "oblast", "river", "lake", "coast", "border",
	"borough", "parish", "township")

// cityNouns are place nouns that name a populated place ("the city of", "the northern town of").
var cityNouns = set("city", "town", "village", "port", "capital", "suburb", "hamlet", "settlement",
	"neighbourhood", "neighborhood", "commune", "borough")

// districtNouns name a division below the first order that is mostly named after its seat town: a district
// (second or third order: Afghanistan, Iraq, Pakistan), a municipality, a township (Myanmar's third order).
// "X district" is read as the seat town X or a lower division X, not as a first-order division X.
var districtNouns = set("district", "municipality", "township")

// regionNouns are place nouns that name a division ("the province of", "Idlib governorate").
var regionNouns = set("province", "governorate", "region", "state", "county", "prefecture",
	"oblast", "countryside", "parish", "department", "canton", "krai", "territory")

// divisionHeads are the place nouns that name an administrative division when written right after a name or
// as "the <noun> of X": "Myanmar's Sagaing region", "Idlib governorate", "the province of Helmand", "Kyiv
// oblast". Such a name reads as the division, not as the town it is named after.
var divisionHeads = set("province", "governorate", "region", "state", "oblast", "krai", "prefecture",
	"department", "county", "canton")

// connectors are the lower-case words a multi-word place name may hold: "Bosnia and Herzegovina",
// "Isle of Man", "Rostov-on-Don", "Ras al-Ain", "Rio de Janeiro".
var connectors = set("of", "and", "on", "upon", "the", "de", "del", "della", "di", "da", "do", "dos", "das",
	"du", "des", "la", "le", "les", "los", "las", "el", "al", "ul", "il", "ad", "ed", "ar", "er", "as", "es",
	"at", "et", "az", "ez", "an", "en", "ash", "esh", "adh", "ath", "bin", "ibn", "bani", "bou", "ben", "van",
	"von", "der", "den", "am", "im", "sur", "sous", "y", "e", "a", "i", "au", "aux", "in", "over", "under",
	"by", "next")

// arabicArticles start names written in lower case: "al-Bab", "el-Arish", "ad-Dana".
var arabicArticles = set("al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ed", "er", "es", "et", "ez",
	"en")

// stopCaps are capitalised words that are also place names somewhere but in news are nearly always something
// else: months, weekdays, pronouns and function words at the start of a sentence, common nouns of headlines.
var stopCaps = set("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "i", "a", "an", "the", "this", "that", "these", "those", "it", "he", "she", "we", "they", "you",
	"his", "her", "its", "our", "their", "my", "your", "of", "in", "on", "at", "by", "for", "from", "to",
	"with", "as", "is", "was", "were", "be", "been", "are", "and", "or", "but", "if", "so", "no", "not", "yes",
	"all", "any", "some", "one", "two", "three", "new", "old", "more", "most", "many", "much", "other",
	"after", "before", "during", "when", "while", "where", "who", "what", "why", "how", "there", "here",
	"then", "now", "today", "tomorrow", "yesterday", "god", "allah", "christ", "jesus", "internet", "web",
	"police", "army", "government", "president", "minister", "mr", "mrs", "ms", "dr", "said", "says",
	"however", "also", "just", "only", "even", "still", "well", "very", "again", "ever", "never", "both",
	"each", "every", "such", "same", "best", "good", "great", "man", "men", "women", "woman", "people",
	"children", "time", "year", "years", "day", "days", "week", "month", "news", "home", "house", "world",
	"university", "school", "college", "church", "court", "street", "road", "union", "party", "council",
	"republic", "state", "city", "county", "district", "province", "region", "north", "south", "east", "west",
	"center", "centre", "hospital", "station", "airport", "park", "bay", "lake", "river", "island", "mount",
	"hope", "unity", "victory", "liberty", "freedom", "peace", "independence", "progress", "paradise",
	"eden", "mission", "friendship", "opportunity", "welcome", "success", "harmony", "providence",
	"justice", "love", "faith", "grace", "trust", "reform", "order", "law", "chance", "truth", "power",
	"energy", "life", "health", "care", "data", "media", "press", "post", "star", "sun", "moon", "earth",
	"sky", "ocean", "sea", "water", "fire", "gold", "silver", "iron", "oil", "gas", "coal", "salt", "sugar",
	"cotton", "rice", "corn", "wheat", "tea", "coffee", "wine", "beer", "bread", "milk", "honey", "orange",
	"lemon", "apple", "cherry", "olive", "palm", "rose", "lily", "ivy", "may", "june", "april", "august",
	"ok", "tv", "pm", "am", "ad", "bc", "ceo", "cnn", "bbc", "un", "eu", "nato", "isis", "isil",
	"covid", "ebola", "sars", "aids", "hiv", "swine", "bird", "avian", "flu", "h1n1", "h5n1", "mers", "zika",
	"global", "national", "federal", "royal", "general", "major", "mayor", "governor", "senator", "judge",
	"king", "queen", "prince", "princess", "lord", "sir", "saint", "st", "mt", "ft", "fort", "port", "cape",
	"bill", "bills", "act", "article", "chapter", "section", "page", "figure", "table", "photo", "video",
	"update", "breaking", "exclusive", "opinion", "analysis", "editorial", "comment", "source", "sources",
	"report", "reports", "read", "more", "click", "share", "follow", "like", "tweet", "email", "print",
	"advertisement", "sponsored", "related", "watch", "listen", "subscribe", "sign", "login", "log",
	"english", "arabic", "french", "spanish", "german", "russian", "chinese", "latin", "greek",
	"arab", "arabs", "muslim", "muslims", "christian", "christians", "jewish", "jews", "islamic", "catholic",
	"protestant", "orthodox", "hindu", "buddhist", "sunni", "shia", "shiite", "alawite", "druze", "kurd", "kurds",
	"kurdish", "western", "eastern", "northern", "southern", "westerners", "native", "indigenous", "aboriginal")

// months name the months; after a place name they start a date ("Aleppo March 3").
var months = set("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec")

// particles join the parts of a person's name: "Mike de Kock", "Ahmed bin Ali", "Ludwig van Beethoven".
var particles = set("de", "van", "von", "der", "den", "bin", "ibn", "bint", "al", "el", "da", "di", "del",
	"della", "le", "la", "du", "dos", "das", "ter", "ten", "abu", "ould")

// functionWords are capitalised at the start of a sentence, so a capitalised one after a place name (a
// dateline, a headline) does not make the name part of a longer one.
var functionWords = set("the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "of", "for",
	"from", "to", "with", "by", "as", "and", "or", "but", "is", "was", "are", "were", "it", "he", "she",
	"they", "we", "i", "you", "his", "her", "its", "their", "our", "after", "before", "during", "when",
	"while", "where", "who", "what", "why", "how", "there", "here", "then", "now", "today", "yesterday",
	"tomorrow", "if", "so", "no", "not", "all", "some", "more", "most", "police", "officials", "authorities",
	"residents", "people")

// mediaHeads make a place name part of the proper name of a newspaper, airline, university or team that
// stands for itself, not for the place: "New York Times", "Turkish Airlines", "Georgia Tech".
var mediaHeads = set("times", "post", "herald", "tribune", "journal", "gazette", "news", "daily", "star",
	"telegraph", "chronicle", "observer", "guardian", "examiner", "mail", "express", "sun", "airlines",
	"airline", "airways", "air", "university", "college", "tech", "fc", "united", "rangers",
	"giants", "jets", "lakers", "knicks", "mets", "yankees", "cowboys", "bulls", "bears", "eagles", "patriots",
	"saints", "warriors", "review", "magazine", "broadcasting", "tv", "radio", "courier", "ledger", "wire",
	"press", "agency", "monitor", "television", "standard", "dispatch", "reporter", "sentinel", "mirror",
	"bulletin", "inquirer", "globe", "media", "online")

// nonPlaces are multi-word gazetteer names that news uses for something else: weather patterns.
var nonPlaces = set("el nino", "la nina")

// Word classes: the sets above a folded word belongs to, as bits, so that the words around a name are looked
// up once (docText.class) however many sets recognition asks about them.
const (
	wcStopCap uint32 = 1 << iota
	wcTitle
	wcOrgHead
	wcFunctionWord
	wcLocativeCue
	wcStrongCue
	wcWeekday
	wcMonth
	wcDateAbbrev
	wcDirection
	wcPlaceHead
	wcPlaceNoun
	wcConnector
	wcArabicArticle
	wcMediaHead
	wcStreetNoun
	wcNameParticle
	wcParticle
	wcSpeechVerb
	wcAuxiliary
	wcKnown // set once a token's classes are looked up
)

// classWords turns away quickly most words of no class (docText.class).
var classWords = func() *gazetteer.KeyFilter {
	f := new(gazetteer.KeyFilter)
	for w := range wordClasses {
		f.Add(w)
	}
	return f
}()

// wordClasses maps each word of the sets above to its classes.
var wordClasses = func() map[string]uint32 {
	m := map[string]uint32{}
	for _, s := range []struct {
		words map[string]bool
		class uint32
	}{
		{stopCaps, wcStopCap}, {titles, wcTitle}, {orgHeads, wcOrgHead}, {functionWords, wcFunctionWord},
		{locativeCues, wcLocativeCue}, {strongCues, wcStrongCue}, {weekdays, wcWeekday}, {months, wcMonth},
		{dateAbbrevs, wcDateAbbrev}, {directions, wcDirection}, {placeHeads, wcPlaceHead},
		{placeNouns, wcPlaceNoun}, {connectors, wcConnector}, {arabicArticles, wcArabicArticle},
		{mediaHeads, wcMediaHead}, {streetNouns, wcStreetNoun}, {nameParticles, wcNameParticle},
		{particles, wcParticle}, {speechVerbs, wcSpeechVerb}, {auxiliaries, wcAuxiliary},
	} {
		for w := range s.words {
			m[w] |= s.class
		}
	}
	return m
}()
