package gazetteer

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// FuzzImport feeds arbitrary lines to the GeoNames row parsers; a row they accept must index and be found
// again under its main name.
func FuzzImport(f *testing.F) {
	f.Add([]byte("99000001\tUrum al-Kubra\tUrum al-Kubra\tOrum al-Kubra,Urem al-Kubra\t36.15861\t36.92694\tP\tPPL\tSY\t\t09\t\t\t\t3102\t\t412\tAsia/Damascus\t2024-03-11"))
	f.Add([]byte("90000001\t99000001\ten\tUrem al-Kubra\t1\t\t\t\t\t"))
	f.Add([]byte("SY.09\tAleppo\tAleppo\t170062"))
	f.Add([]byte("1\t\xff\t\t\t0\t0\tP\tPPL\tSY\t\t\t\t\t\t\t\t\t\t"))
	f.Add([]byte("1\tA\tA\t,,,\t-90\t180\t\t\t\t\t\t\t\t\t\t\t\t\t\r"))
	f.Fuzz(func(t *testing.T, line []byte) {
		if a, err := parseAltName(line); err == nil && a.ID <= 0 {
			t.Errorf("parseAltName accepted id %d", a.ID)
		}
		if code, a, err := parseAdmin1Code(line); err == nil && (a.ID <= 0 || len(code) < 4 || a.Name == "") {
			t.Errorf("parseAdmin1Code accepted %q %+v", code, a)
		}
		e, err := parseGeoname(line)
		if err != nil {
			return
		}
		b := newBuilder()
		b.add(e, keepName)
		var buf bytes.Buffer
		if err := b.writeTo(&buf); err != nil {
			t.Fatalf("writeTo: %v", err)
		}
		ix, err := openIndex(buf.Bytes())
		if err != nil {
			t.Fatalf("openIndex: %v", err)
		}
		if Fold(e.Name) == "" {
			return
		}
		got := ix.lookup(&ix.primary, Fold(e.Name), nil)
		if len(got) != 1 || got[0].ID != e.ID || got[0].Name != e.Name {
			t.Errorf("lookup(%q) = %+v, want %d", e.Name, got, e.ID)
		}
	})
}

// FuzzOpenIndex checks that corrupt index bytes are rejected or served without panics.
func FuzzOpenIndex(f *testing.F) {
	b := newBuilder()
	b.add(entry{Place: Place{ID: 7, Name: "Aleppo", Country: "SY", Class: 'P', Code: "PPLA"}, Names: []string{"Halab"}}, nil)
	var buf bytes.Buffer
	if err := b.writeTo(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("SGZ1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, err := openIndex(data)
		if err != nil {
			return
		}
		ix.lookup(&ix.primary, "aleppo", nil)
		ix.lookup(&ix.loose, "alp", nil)
		ix.hasPrefix("al")
	})
}

// FuzzBuildCounties feeds arbitrary postal code tables to BuildCounties: whatever it accepts must write a
// counties file whose every row loads as a division.
func FuzzBuildCounties(f *testing.F) {
	f.Add([]byte(usZips))
	f.Add([]byte("US\t1\tA\tB\tNY\tSuffolk|x\t1\t\t\t40\t-73\t\r\n"))
	f.Add([]byte("US\t1\tA\tB\tNY\t#x\t1\t\t\t91\t-73\t1\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		var out bytes.Buffer
		if err := BuildCounties(context.Background(), bytes.NewReader(in), &out); err != nil {
			return
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 7 {
				t.Fatalf("row %q: %d columns", line, len(f))
			}
			if _, err := parseDivision(f, "ADM2"); err != nil {
				t.Fatalf("row %q: %v", line, err)
			}
		}
	})
}
