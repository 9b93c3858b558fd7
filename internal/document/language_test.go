package document

import "testing"

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
		{"Two killed.", ""},
		{"", ""},
		{"12 34 56 -- 78", ""},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%.40q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func BenchmarkDetectLanguage(b *testing.B) {
	s := "Report 12: shelling was reported near the town on Monday, killing 12 people and wounding others, a monitor said."
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		DetectLanguage(s)
	}
}
