package actors

import (
	"strings"
	"testing"
)

func TestMentions(t *testing.T) {
	f := testFinder(t)
	tests := []struct {
		name, in, focus string
		want            []string // "text=Name" or "text=Name*" for a metonym
	}{
		{"demonym force", "Two Russian warplanes struck the market.", "", []string{"Russian warplanes=Military Forces of Russia"}},
		{"acronym inside a hyphenated name", "PORT-AU-PRINCE - Gang members seized the town.", "HT", []string{"Gang members=Unidentified Armed Group (Haiti)"}},
		{"demonym troops", "Syrian troops entered the town on Monday.", "", []string{"Syrian troops=Military Forces of Syria"}},
		{"regime forces", "Syrian regime forces pushed into the old city.", "", []string{"Syrian regime forces=Military Forces of Syria"}},
		{"country possessive", "Ukraine's drones hit a depot.", "", []string{"Ukraine's drones=Military Forces of Ukraine"}},
		{"former country name", "Zaire's troops crossed the border in 1996.", "", []string{"Zaire's troops=Military Forces of the Democratic Republic of Congo"}},
		{"former name that is a town abroad", "Gold Coast police arrested two men.", "", nil},
		{"air strikes", "Israeli air strikes killed 12 people in Khan Younis.", "PS", []string{"Israeli air strikes=Military Forces of Israel", "people=Civilians (Palestine)"}},
		{"government forces focus", "Government forces retook the village.", "SY", []string{"Government forces=Military Forces of Syria"}},
		{"government forces no focus", "Government forces retook the village.", "", nil},
		{"pro-government", "Pro-government militias looted shops.", "SY", []string{"Pro-government militias=Pro-Government Militia (Syria)"}},
		{"civilians focus", "At least nine civilians died.", "YE", []string{"civilians=Civilians (Yemen)"}},
		{"aid workers", "Three aid workers were abducted.", "SD", []string{"aid workers=Civilians (Sudan)"}},
		{"protesters", "Police fired on protesters in the capital.", "KE", []string{"Police=Police Forces of Kenya", "protesters=Protesters (Kenya)"}},
		{"demonym police before a verb", "Kenyan police fire tear gas at protesters.", "", []string{"Kenyan police=Police Forces of Kenya", "protesters=Protesters"}},
		{"demonym police forces", "Ugandan police forces blocked the road.", "", []string{"Ugandan police forces=Police Forces of Uganda"}},
		{"police units focus", "Riot police units dispersed the crowd.", "KE", []string{"Riot police units=Police Forces of Kenya"}},
		{"gunmen", "Unidentified gunmen kidnapped a teacher.", "NG", []string{"Unidentified gunmen=Unidentified Armed Group (Nigeria)"}},
		{"name and rebel group", "The ELN rebel group attacked a police station.", "CO", []string{"ELN rebel group=National Liberation Army (Colombia)", "police=Police Forces of Colombia"}},
		{"name and group", "The Islamic State group claimed the attack.", "SY", []string{"Islamic State group=Islamic State"}},
		{"name and armed movement", "The M23 armed movement took the town.", "CD", []string{"M23 armed movement=March 23 Movement"}},
		{"renamed group", "The Nusra Front fighters withdrew.", "SY", []string{"Nusra Front fighters=Jabhat Fateh al-Sham"}},
		{"metonym capital", "Moscow denies the charge.", "", []string{"Moscow=Government of Russia*"}},
		{"metonym relative", "Kyiv, which had warned of the attack, said nothing.", "", []string{"Kyiv=Government of Ukraine*"}},
		{"metonym object", "Tehran accused Washington of lying.", "", []string{"Tehran=Government of Iran*", "Washington=Government of the United States*"}},
		{"metonym coordinated", "Khartoum and the SPLM-N signed a peace deal.", "", []string{"Khartoum=Government of Sudan*", "SPLM-N=Sudan People's Liberation Movement-North"}},
		{"coordinated places", "Fighting spread to Syria and Iraq last year.", "", nil},
		{"military jets focus", "Military jets bombed a village.", "MM", []string{"Military jets=Military Forces of Myanmar"}},
		{"warplanes alone", "Warplanes struck the market.", "SY", nil},
		{"junta air strike", "A junta air strike hit the school.", "MM", []string{"junta air strike=Military Forces of Myanmar"}},
		{"air strikes alone", "Air strikes hit the school.", "MM", nil},
		{"drones alone", "Drones struck the depot.", "SD", nil},
		{"jihadists", "Suspected jihadists killed 12 soldiers.", "BF", []string{"Suspected jihadists=Unidentified Armed Group (Burkina Faso)", "soldiers=Military Forces of Burkina Faso"}},
		{"opposition activists", "Police arrested 14 opposition activists.", "ZW", []string{"Police=Police Forces of Zimbabwe", "opposition activists=Civilians (Zimbabwe)"}},
		{"dissidents may be armed", "The ELN attacked the dissidents.", "CO", []string{"ELN=National Liberation Army (Colombia)"}},
		{"capital as place", "The blast shook buildings in Kabul.", "", nil},
		{"compound not a party", "A Russian-made missile fell near Odesa.", "", nil},
		{"rebel-held", "Shelling hit rebel-held districts.", "SY", []string{"rebel-held=Opposition Rebels (Syria)"}},
		{"branch after a possessive", "Ukraine's air force said it shot down 40 drones.", "", []string{"Ukraine's air force=Military Forces of Ukraine"}},
		{"air defences", "Ukrainian air defences intercepted 15 drones.", "", []string{"Ukrainian air defences=Military Forces of Ukraine"}},
		{"the air force of the focus", "The air force said it shot down two drones.", "UA", []string{"air force=Military Forces of Ukraine"}},
		{"force needs a branch", "Police used excessive force against protesters.", "KE", []string{"Police=Police Forces of Kenya", "protesters=Protesters (Kenya)"}},
		{"police force", "The Kenyan police force denied the report.", "", []string{"Kenyan police force=Police Forces of Kenya"}},
		{"demonym weapon", "A Russian glide bomb hit the town.", "", []string{"Russian glide bomb=Military Forces of Russia"}},
		{"demonym cruise missiles", "Russian cruise missiles hit Lviv.", "", []string{"Russian cruise missiles=Military Forces of Russia"}},
		{"predicate demonym", "Witnesses said the jets were Russian.", "SY", []string{"Russian=Military Forces of Russia"}},
		{"predicate demonym needs a force", "The victims were Syrian.", "SY", nil},
		{"army officers", "Authorities detained five army officers.", "NE", []string{"army officers=Military Forces of Niger"}},
		{"police officers", "Two police officers were wounded.", "KE", []string{"police officers=Police Forces of Kenya"}},
		{"officers need a force", "Election officers counted the votes.", "KE", nil},
		{"gang members", "Police killed 12 gang members.", "HT", []string{"Police=Police Forces of Haiti", "gang members=Unidentified Armed Group (Haiti)"}},
		{"family members are no gang", "Five family members were killed.", "HT", nil},
		{"recruits", "The blast killed 17 recruits.", "SO", []string{"recruits=Military Forces of Somalia"}},
		{"army recruits", "The blast killed army recruits.", "SO", []string{"recruits=Military Forces of Somalia"}},
		{"recruits of an armed group are no state's", "Soldiers raided camps the cartel used to train recruits.", "MX", []string{"Soldiers=Military Forces of Mexico"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range f.Mentions(one(t, tt.in), tt.focus) {
				g := m.Text + "=" + m.Actor.Name
				if m.Metonym {
					g += "*"
				}
				got = append(got, g)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("%q:\ngot  %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestAssociates checks that a party named as another's associate is no mention, and that a deed tied to a
// party keeps the party.
func TestAssociates(t *testing.T) {
	f := testFinder(t)
	tests := []struct {
		name, in string
		want     []string // mention texts
	}{
		{"hyphen linked", "The al Qaeda-linked al Shabaab group claimed the attack.", []string{"al Shabaab group"}},
		{"affiliate noun", "JNIM, the al Qaeda affiliate, claimed the attack.", []string{"JNIM"}},
		{"affiliated with", "The ADF, a group affiliated with the Islamic State, claimed the killings.", []string{"ADF"}},
		{"loyal to", "Fighters loyal to Hayat Tahrir al-Sham withdrew.", nil},
		{"ally of", "The Houthis, an ally of Hezbollah, fired a missile.", []string{"Houthis"}},
		{"suspected of links", "Two men suspected of links to al-Shabaab were arrested.", []string{"al-Shabaab"}},
		{"backed by a force", "Pro-government militiamen backed by the army attacked a village.", []string{"Pro-government militiamen"}},
		{"deed backed by a force", "An offensive backed by the army began.", []string{"army"}},
		{"deed linked to", "Attacks linked to Boko Haram killed 30 people.", []string{"Boko Haram", "people"}},
		{"deed hyphen linked", "Boko Haram-linked attacks killed 30 people.", []string{"Boko Haram", "people"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range f.Mentions(one(t, tt.in), "NG") {
				got = append(got, m.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("%q:\ngot  %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
