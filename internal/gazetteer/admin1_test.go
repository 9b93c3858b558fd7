package gazetteer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportAdmin1 imports division names from admin1CodesASCII and from an ADM1 row of a geoname table.
func TestImportAdmin1(t *testing.T) {
	row := "99000100\tTest Governorate\tTest Governorate\t\t35.5\t39.5\tA\tADM1\tSY\t\t98\t\t\t\t0\t\t300\tAsia/Damascus\t2024-01-01\n"
	geo := filepath.Join(t.TempDir(), "SY-adm1.txt")
	if err := os.WriteFile(geo, []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	_, g, _ := importFixture(t, "testdata/admin1CodesASCII.txt", geo)
	tests := []struct{ country, code, want string }{
		{"SY", "09", "Aleppo Governorate"}, // the facts keep precedence
		{"TR", "31", "Hatay"},
		{"SY", "98", "Test Governorate"},
		{"TR", "99", ""},
	}
	for _, tt := range tests {
		if got := g.Admin1Name(tt.country, tt.code); got != tt.want {
			t.Errorf("Admin1Name(%s, %s) = %q, want %q", tt.country, tt.code, got, tt.want)
		}
	}
	if p, ok := g.Admin1("SY", "98"); !ok || p.Lat != 35.5 || p.Lon != 39.5 {
		t.Errorf("Admin1(SY, 98) = %+v %v, want the imported ADM1 point", p, ok)
	}
	if _, ok := g.Admin1("TR", "31"); ok {
		t.Error("Admin1(TR, 31) has a point, but its feature was never imported")
	}
	if got := mustDefault(t).Admin1Name("TR", "31"); got != "" {
		t.Errorf("embedded Admin1Name(TR, 31) = %q: the import leaked into Default", got)
	}
}

func TestParseAdmin1Code(t *testing.T) {
	good := "SY.09\tAleppo\tAleppo\t170062"
	if code, a, err := parseAdmin1Code([]byte(good)); err != nil || code != "SY.09" || a.Name != "Aleppo" || a.ID != 170062 {
		t.Errorf("parseAdmin1Code(good) = %q %+v %v", code, a, err)
	}
	for _, bad := range []string{"SY09\tAleppo\tAleppo\t1", "SY.09\tAleppo\tAleppo", "SY.09\t\tx\t1", "SY.09\tA\tA\tx",
		"SY.09\t\xff\tA\t1"} {
		if _, _, err := parseAdmin1Code([]byte(bad)); err == nil || !strings.Contains(err.Error(), "bad row") {
			t.Errorf("parseAdmin1Code(%q) = %v, want a bad row error", bad, err)
		}
	}
}
