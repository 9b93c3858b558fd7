package gazetteer

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// usZips is a small postal code table in the layout of GeoNames' US.txt, written for this test.
const usZips = "US\t11701\tAmityville\tNew York\tNY\tSuffolk\t103\t\t\t40.6\t-73.4\t4\n" +
	"US\t11980\tYaphank\tNew York\tNY\tSuffolk\t103\t\t\t40.8\t-72.9\t4\n" +
	"US\t02108\tBoston\tMassachusetts\tMA\tSuffolk\t025\t\t\t42.35\t-71.06\t4\n" +
	"US\t70043\tChalmette\tLouisiana\tLA\tSt. Bernard\t087\t\t\t29.94\t-89.96\t4\n" +
	"US\t99762\tNome\tAlaska\tAK\tNome (CA)\t180\t\t\t64.5\t-165.4\t4\n" +
	"US\t22314\tAlexandria\tVirginia\tVA\tCity of Alexandria\t510\t\t\t38.8\t-77.05\t4\n" +
	"US\t20001\tWashington\tDistrict of Columbia\tDC\tDistrict of Columbia\t001\t\t\t38.9\t-77.0\t4\n" +
	"US\t09001\tAPO AA\t\t\t\t\t\t\t38.1\t15.7\t\n"

func TestBuildCounties(t *testing.T) {
	var out bytes.Buffer
	if err := BuildCounties(context.Background(), strings.NewReader(usZips), &out); err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if !strings.HasPrefix(line, "#") {
			rows = append(rows, line)
		}
	}
	want := []string{
		"US\tAK\tNome Census Area\t\t64.5000\t-165.4000\t3000",
		"US\tLA\tSt. Bernard Parish\tSaint Bernard Parish|St Bernard Parish\t29.9400\t-89.9600\t3000",
		"US\tMA\tSuffolk County\t\t42.3500\t-71.0600\t3000",
		"US\tNY\tSuffolk County\t\t40.7000\t-73.1500\t6000",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

func TestBuildCountiesBadInput(t *testing.T) {
	for _, in := range []string{"GB\tAB1\tAberdeen\n", "US\t11701\tAmityville\tNew York\tNY\tSuffolk\t103\t\t\tx\t-73.4\t4\n"} {
		err := BuildCounties(context.Background(), strings.NewReader(in), &bytes.Buffer{})
		if !errors.Is(err, ErrRow) {
			t.Errorf("BuildCounties(%q) = %v, want ErrRow", in, err)
		}
	}
}

func TestEmbeddedCounties(t *testing.T) {
	g := mustDefault(t)
	for name, state := range map[string]string{"Cuyahoga County": "OH", "Miami-Dade County": "FL", "Saint Bernard Parish": "LA"} {
		ps := g.Lookup(name)
		found := false
		for _, p := range ps {
			found = found || p.Country == "US" && p.Admin1 == state && p.Code == "ADM2"
		}
		if !found {
			t.Errorf("Lookup(%q) = %+v, want a county in %s", name, ps, state)
		}
	}
}

// TestDivisionsByName checks that divisions of the facts files are found under the names news gives them,
// with their country and GeoNames admin1 code (the code the cities data uses).
func TestDivisionsByName(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ name, country, admin1, code string }{
		{"Turkana", "KE", "51", "ADM1"},
		{"Osun State", "NG", "42", "ADM1"},
		{"Menoufia", "EG", "09", "ADM1"},
		{"Far North Region", "CM", "12", "ADM1"},
		{"Cabo Delgado", "MZ", "01", "ADM1"},
		{"Artibonite", "HT", "06", "ADM1"},
		{"Vestland", "NO", "46", "ADM1"},
		{"Laguna", "PH", "40", "ADM2"},
		{"Somme", "FR", "32", "ADM2"},
		{"Co. Cork", "IE", "M", "ADM2"},
		{"Washington", "US", "WA", "ADM1"},
	}
	for _, tt := range tests {
		found := false
		for _, p := range g.Lookup(tt.name) {
			found = found || p.Country == tt.country && p.Admin1 == tt.admin1 && p.Code == tt.code
		}
		if !found {
			t.Errorf("Lookup(%q): no %s %s.%s in %+v", tt.name, tt.code, tt.country, tt.admin1, g.Lookup(tt.name))
		}
	}
	if ps := g.Lookup("Gard"); len(ps) > 0 && ps[0].Code == "ADM2" {
		t.Errorf("Lookup(Gard) = %+v: the department is found only as \"Gard department\"", ps[0])
	}
}
