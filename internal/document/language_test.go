package document

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Russian warplanes struck a humanitarian convoy near the city on Monday, killing some 20 people, the monitor said.", "en"},
		{"GOVERNMENT FORCES SHELLED THE TOWN OVERNIGHT AND THE RESIDENTS FLED TO THE HILLS, WITNESSES SAID.", "en"},
		{"Des avions ont frappé un convoi humanitaire près de la ville lundi, tuant une vingtaine de personnes selon une ONG.", "fr"},
		{"Aviones atacaron un convoy humanitario cerca de la ciudad el lunes y mataron a unas veinte personas, según el observatorio.", "es"},
		{"Flugzeuge haben am Montag einen Hilfskonvoi in der Nähe der Stadt angegriffen und etwa zwanzig Menschen getötet.", "de"},
		{"Aerei hanno colpito un convoglio umanitario vicino alla città lunedì, uccidendo una ventina di persone, secondo i medici.", "it"},
		{"Aviões atacaram um comboio humanitário perto da cidade na segunda-feira, matando cerca de vinte pessoas, segundo a ONG.", "pt"},
		{"Самолёты нанесли удар по гуманитарному конвою под городом в понедельник, погибли около двадцати человек.", "ru"},
		{"قصفت طائرات حربية قافلة مساعدات إنسانية قرب المدينة يوم الاثنين ما أسفر عن مقتل نحو عشرين شخصا بحسب المرصد", "ar"},
		// Short Latin-script texts the detector is unsure of stay undetermined; none may come out as English.
		{"Flere soldater blev dræbt ved et angreb nær byen i går, og hæren sagde, at den for nylig havde sendt flere tropper til området.", ""},
		{"Při útoku na vesnici zahynulo nejméně pět lidí, uvedla policie. To je již třetí útok v tomto měsíci a armáda to potvrdila.", "cs"},
		{"Pinatay ang limang sundalo at sugatan ang tatlo sa pananambang sa bayan noong Lunes, ayon sa militar at sa pulisya.", ""},
		{"Armata are trupe în regiune și spune că atacul a fost respins, iar guvernul are încredere că situația va fi controlată.", "ro"},
		{"Two killed.", ""},
		// Short texts whose function words are mostly Romance ones English names also use ("el", "de", "las").
		{"Dos policías murieron el lunes en un ataque de hombres armados contra una patrulla del ejército.", "es"},
		{"Cuatro civiles murieron el jueves en los combates de las afueras de Cali, según la alcaldía.", "es"},
		{"El Salvador gang leader killed in prison riot near San Salvador", "en"},
		{"Dos Santos allies arrested in Luanda after protests", "en"},
		{"", ""},
		{"12 34 56 -- 78", ""},

		// Repetitive English: a live page repeating its alerts, one sentence over and over, a headline list.
		{langEnglishBulletin, "en"},
		{strings.Repeat("Drone strike kills militant commander in mountainous region, security sources say. ", 40), "en"},
		{strings.Repeat("Hundreds retake police curfew.\n", 50), ""}, // no English word at all: undetermined, never foreign
		{langEnglishHeadlines, "en"},
		{langEnglishArticle, "en"},
		// Headlines: English function words make them English; without any they stay undetermined.
		{"Drone strike kills militant commander in mountainous region, security sources say", "en"},
		{"Car bomb rips through busy market, dozens feared dead", ""},
		// Accented place names are not signs of another language.
		{"Protests in Bogotá, Medellín, Cúcuta, Cali, Neiva; police deploy in São Paulo, Brasília; curfew in Juárez, Mérida, Querétaro", "en"},

		// Mixed scripts: the language of the prose, whatever the quotes, names and acronyms.
		{`The minister said the attack on the convoy was "a crime" and added in Arabic: "هذا هجوم إرهابي على المدنيين ولن يمر دون عقاب". Officials said at least seven people were killed near the border crossing.`, "en"},
		{`Ukrainian forces repelled an assault near Bakhmut (Бахмут) and Soledar (Соледар), the General Staff said, adding that Russian units had lost two tanks.`, "en"},
		{`قال المرصد السوري لحقوق الإنسان إن غارات نفذتها طائرات روسية من طراز Su-34 استهدفت ريف إدلب الجنوبي، فيما أعلنت هيئة تحرير الشام (HTS) التصدي لمحاولة تقدم قرب سراقب.`, "ar"},
		{`Как сообщает Reuters, удар по Харькову был нанесён ракетами С-300; в ВСУ заявили, что ПВО сбила два беспилотника Shahed над областью.`, "ru"},

		{"De gevechten rond de provinciehoofdstad zijn dinsdag verhevigd toen regeringstroepen de oostelijke wijken binnentrokken die sinds het voorjaar in handen van de rebellen waren. Bij een beschieting van een markt kwamen ten minste veertien burgers om het leven, zei de directeur van het ziekenhuis.", "nl"},
		{"Pertempuran di sekitar ibu kota provinsi meningkat pada hari Selasa ketika pasukan pemerintah memasuki distrik timur yang dikuasai pemberontak sejak musim semi. Sedikitnya empat belas warga sipil tewas ketika peluru artileri menghantam pasar di dekat terminal bus, kata direktur rumah sakit.", "id"},
		{"Walki wokół stolicy prowincji nasiliły się we wtorek, gdy wojska rządowe wkroczyły do wschodnich dzielnic, które rebelianci kontrolowali od wiosny. Co najmniej czternastu cywilów zginęło, gdy pociski spadły na targ w pobliżu dworca autobusowego, powiedział dyrektor szpitala.", "pl"},
		{"Salı günü eyalet başkenti çevresindeki çatışmalar, hükümet güçlerinin isyancıların bahardan beri elinde tuttuğu doğu mahallelerine girmesiyle yoğunlaştı. Hastane müdürü, otogar yakınındaki bir pazara top mermileri düşmesi sonucu en az on dört sivilin öldüğünü söyledi.", "tr"},
		{"Giao tranh quanh thủ phủ tỉnh đã gia tăng hôm thứ Ba khi quân chính phủ tiến vào các quận phía đông mà phiến quân kiểm soát từ mùa xuân. Ít nhất mười bốn thường dân thiệt mạng khi đạn pháo rơi xuống một khu chợ gần bến xe buýt.", "vi"},
		{"A harcok kedden felerősödtek a tartományi főváros körül, amikor a kormányerők bevonultak a keleti kerületekbe, amelyeket a lázadók tavasz óta ellenőriztek. Legalább tizennégy civil meghalt, amikor lövedékek csapódtak be egy piacra a buszpályaudvar közelében.", "hu"},

		// Another language stays itself when repeated or followed by English boilerplate.
		{strings.Repeat("Les combats se sont intensifiés mardi autour de la capitale. ", 30), "fr"},
		{langForeign[0].text + "\nShare this article. Follow us on Twitter. Subscribe to our newsletter for the latest news.", "fr"},
	}
	for _, f := range langForeign {
		tests = append(tests, struct{ text, want string }{f.text, f.code}, struct{ text, want string }{strings.Repeat(f.text+"\n", 5), f.code})
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%.60q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestEnglishNeverForeign: English made of news words with few or no function words (the text the trigram
// detector took for Swedish, Danish, French or Romanian), in lines repeated or not, may be undetermined but never
// another language. The texts are generated from a fixed vocabulary with a fixed seed.
func TestEnglishNeverForeign(t *testing.T) {
	words := strings.Fields(`strike kills militant commander region security sources say police fire tear gas
		protesters release detained opposition leader car bomb rips busy market dozens feared dead militia fighters
		abduct villagers overnight raid shelling damages hospital patients evacuated neighbouring towns rebels seize
		airport northern provincial capital landmine blast herders cattle border gunmen storm village burn homes
		mortar rounds land town centre aid convoy attacked main road drivers missing curfew imposed deadly riots
		troops retake strategic hilltop prison break frees hundreds inmates refugee camp struck rockets alert ends
		explosions reported power station emergency crews respond live update governor injured several damaged
		soldiers killed ambush army post attack hostages freed sirens sound Kyiv Khartoum Gaza Mogadishu Sanaa`)
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var lines []string
		for range 1 + r.IntN(4) {
			w := make([]string, 4+r.IntN(6))
			for i := range w {
				w[i] = words[r.IntN(len(words))]
			}
			lines = append(lines, strings.Join(w, " ")+".")
		}
		s := strings.Repeat(strings.Join(lines, " ")+"\n", 1+r.IntN(30))
		if got := DetectLanguage(s); got != "en" && got != "" {
			t.Errorf("DetectLanguage(%.80q) = %q, want en or undetermined", s, got)
		}
	}
}

// TestForeignNeverEnglish: text in languages the trigram detector may misname or be unsure of must still not
// come out as English.
func TestForeignNeverEnglish(t *testing.T) {
	for _, s := range []string{
		// Norwegian (close to Danish), Swahili, Somali
		"Kampene rundt provinshovedstaden ble kraftigere tirsdag da regjeringsstyrker rykket inn i de østlige bydelene som opprørerne har kontrollert siden våren. Minst fjorten sivile ble drept da granater traff et marked nær busstasjonen, ifølge sykehusets direktør.",
		"Mapigano karibu na mji mkuu wa mkoa yaliongezeka Jumanne wakati wanajeshi wa serikali walipoingia katika wilaya za mashariki ambazo waasi wamezidhibiti tangu majira ya kuchipua. Raia wasiopungua kumi na wanne waliuawa wakati makombora yalipoanguka kwenye soko karibu na kituo cha mabasi.",
		"Ciidamada dowladda ayaa galay degmooyinka bari ee magaalada, halkaas oo ay xoogaga mucaaradka ka taliyeen tan iyo xilligii gu'ga. Ugu yaraan afar iyo toban qof oo rayid ah ayaa ku dhintay markii madaafiic ay ku dhaceen suuq ku yaal meel u dhow saldhigga basaska.",
	} {
		if got := DetectLanguage(s); got == "en" {
			t.Errorf("DetectLanguage(%.60q) = en", s)
		}
	}
}

func TestDistinctSentences(t *testing.T) {
	var lb strings.Builder // 200 different five-letter words
	for i := range 200 {
		lb.WriteString(string([]byte{'a' + byte(i/26), 'a' + byte(i%26), 'x', 'y', 'z', ' '}))
	}
	long := lb.String()
	tests := []struct {
		text  string
		limit int
		want  []string
	}{
		{"One. Two! One. Three?\nTwo!", 100, []string{"One.", "Two!", "Three?"}},
		// Case, digits and punctuation do not make a sentence new.
		{"Update 12:40: shelling continues.\nUPDATE 13:10 - Shelling continues.\nCalm returns.", 100,
			[]string{"Update 12:40: shelling continues.", "Calm returns."}},
		{"12:40. -- . Alert ends.", 100, []string{"Alert ends."}}, // no letters: skipped
		{"First sentence. Second sentence. Third sentence.", 20, []string{"First sentence.", "Second sentence."}},
		// A run without an end mark is cut at a space after 256 bytes.
		{long, 2000, []string{strings.TrimSpace(long[:258]), strings.TrimSpace(long[258:516]), strings.TrimSpace(long[516:774]),
			strings.TrimSpace(long[774:1032]), strings.TrimSpace(long[1032:])}},
	}
	for _, tt := range tests {
		var got []string
		distinctSentences(tt.text, tt.limit, func(s string) bool { got = append(got, s); return true })
		if !slices.Equal(got, tt.want) {
			t.Errorf("distinctSentences(%.40q, %d) = %q, want %q", tt.text, tt.limit, got, tt.want)
		}
	}
}

// BenchmarkDetectLanguage measures detection per kind of document; b.SetBytes makes MB/s comparable across
// lengths. go test -run '^$' -bench DetectLanguage -benchmem ./internal/document
func BenchmarkDetectLanguage(b *testing.B) {
	cases := []struct{ name, text string }{
		{"en-sentence", "Report 12: shelling was reported near the town on Monday, killing 12 people and wounding others, a monitor said."},
		{"en-article", langEnglishArticle},
		{"en-bulletin", langEnglishBulletin},
		{"en-headlines", langEnglishHeadlines},
	}
	for _, f := range langForeign {
		cases = append(cases, struct{ name, text string }{f.code, strings.Repeat(f.text+"\n", 4)})
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				DetectLanguage(c.text)
			}
		})
	}
}

// TestShortEnglishNeverForeign: short English texts (headlines, one-line briefs) may stay undetermined but must
// never be taken for another language, which would make the extractor refuse them.
func TestShortEnglishNeverForeign(t *testing.T) {
	for _, s := range []string{
		"Two soldiers died in a clash near the border on Monday, officials reported.",
		"Rebels seize airport outside northern provincial capital after heavy fighting",
		"Drone strike kills militant commander in mountainous region, security sources say",
		"Police fire tear gas at protesters demanding release of detained opposition leader",
		"Car bomb rips through busy market, dozens feared dead",
		"Militia fighters abduct 30 villagers in overnight raid, local leaders say",
		"Ceasefire agreement signed by government and armed groups in regional capital",
		"Shelling damages hospital; patients evacuated to neighbouring towns",
	} {
		if got := DetectLanguage(s); got != "en" && got != "" {
			t.Errorf("DetectLanguage(%q) = %q, want en or undetermined", s, got)
		}
	}
}

// TestLangClasses checks the one-lookup word classes against the word lists they are built from, read in order
// as langStats read them before: every listed word in any case, and words near them that are in no list.
func TestLangClasses(t *testing.T) {
	listed := func(w string) int {
		low := strings.ToLower(w)
		switch {
		case len(w) > 8 || strings.ContainsFunc(w, func(r rune) bool { return r >= 0x80 }):
			return classNone // never looked up: not ASCII, or longer than any listed word
		case englishOnly[low]:
			return classEnglish
		case englishShared[low]:
			return classShared
		case foreignFunction[low]:
			return classForeign
		case foreignAmbiguous[low]:
			return classAmbiguous
		}
		return classNone
	}
	var words []string
	for _, l := range []map[string]bool{englishOnly, englishShared, foreignFunction, foreignAmbiguous} {
		for w := range l {
			words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"s", w[1:], w+"'s",
				"x"+w, w+"abcdefgh")
		}
	}
	words = append(words, "", "it’s", "été", "THE", "The", "abcdefgh", "abcdefghi", "d'", "a\x00")
	for _, w := range words {
		got := classNone
		if k, ok := langKey(w); ok {
			got = int(langClasses[k])
		}
		if want := listed(w); got != want {
			t.Errorf("%q: class %d, want %d", w, got, want)
		}
	}
}
