package lexicon

import (
	"testing"
)

// fromFiles builds a lexicon from in-memory files (stem -> content) without the embedded data.
func fromFiles(t testing.TB, files ...[2]string) *Lexicon {
	t.Helper()
	b := newBuilder()
	for _, f := range files {
		cat := Category(f[0])
		rows, err := parseTSV(cat, f[0]+".tsv", []byte(f[1]))
		if err != nil {
			t.Fatalf("parse %s: %v", f[0], err)
		}
		b.add(cat, rows)
	}
	return b.build()
}

// testWeapons and testGroups are small lexicons written for these tests.
const testWeapons = "# test weapons\nname\taliases\tclass\n" +
	"air strike\tairstrike*|air raid*|warplane*\taircraft\n" +
	"shelling\tshell*\tartillery\n" +
	"barrel bomb\tbarrel bomb*\taircraft\n" +
	"rocket\trocket*|Grad rocket*\trocket\n" +
	"S-300\tS300\tair_defence\n" +
	"improvised explosive device\tIED|IEDs|roadside bomb*\tied\n"

const testGroups = "name\taliases\tformerly\tcountry\n" +
	"Islamic State\tIS|ISIS|Daesh|Islamic State group\t\t\n" +
	"Jabhat Fateh al-Sham\tJFS\tal-Nusra Front|Nusra Front|al-Nusra\tSY\n" +
	"Médecins Sans Frontières\tMSF|Doctors Without Borders\t\t\n" +
	"Syrian National Army\tSNA\t\tSY\n"

const testState = "name\taliases\tcountry\n" +
	"Somali National Army\tSNA\tSO\n" +
	"Military Forces of Syria\tSyrian Arab Army|SAA\tSY\n"
