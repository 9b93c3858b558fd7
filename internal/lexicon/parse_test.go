package lexicon

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseTSV(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string // Name/aliases/attrs rendered by render
		wantErr string   // substring of the error; "" when none
	}{
		{"comments and blanks", "# c\n\nname\taliases\n# c2\n\nA\tb|c\n", []string{"A[b c]{}"}, ""},
		{"crlf and bom", "\uFEFFname\tkind\r\nA\tx\r\n", []string{"A[]{kind=x}"}, ""},
		{"trailing empty cells", "name\taliases\tnote\t\nA\t\t\t\t\nB\n", []string{"A[]{}", "B[]{}"}, ""},
		{"cells trimmed after tab split", "name\t aliases \nA \t b | c |\n", []string{"A[b c]{}"}, ""},
		{"name not first", "kind\tname\nx\tA\n", []string{"A[]{kind=x}"}, ""},
		{"only header", "name\n", nil, ""},
		{"no header", "# nothing\n\n", nil, "t.tsv:1: no header line"},
		{"no name column", "aliases\tkind\nA\tB\n", nil, "t.tsv:1: header: no `name` column"},
		{"repeated column", "name\tnote\tnote\n", nil, "t.tsv:1: header: column \"note\" repeated"},
		{"empty column name", "name\t\tnote\n", nil, "t.tsv:1: header: column 2 has no name"},
		{"too many cells", "name\tkind\nA\tx\ty\n", nil, "t.tsv:2: 3 cells, header has 2 columns"},
		{"empty name", "# x\nname\tkind\n\tx\n", nil, "t.tsv:3: empty name"},
		{"bad utf8", "name\nA\xff\n", nil, "t.tsv:2: invalid UTF-8"},
		{"star inside", "name\taliases\nA\tsh*ll\n", nil, "t.tsv:2: aliases \"sh*ll\": * is allowed only at the end"},
		{"star alone", "name\taliases\nA\t*\n", nil, "t.tsv:2: aliases \"*\": * must end a word"},
		{"no words", "name\taliases\nA\t- -\n", nil, "t.tsv:2: aliases \"- -\": no words"},
		{"bad former name", "name\tformerly\nA\tx*y\n", nil, "t.tsv:2: formerly \"x*y\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := parseTSV("t", "t.tsv", []byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.Is(err, ErrFormat) {
					t.Fatalf("err = %v, want %q wrapping ErrFormat", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range rows {
				got = append(got, render(e))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func render(e *Entry) string {
	var attrs []string
	for k, v := range e.Attrs {
		attrs = append(attrs, k+"="+v)
	}
	slices.Sort(attrs)
	return e.Name + "[" + strings.Join(e.Aliases, " ") + "]{" + strings.Join(attrs, " ") + "}"
}

func TestEntrySourceAndList(t *testing.T) {
	rows, err := parseTSV("g", "g.tsv", []byte("# c\nname\tformerly\nA\t x | y ||\n"))
	if err != nil {
		t.Fatal(err)
	}
	e := rows[0]
	if e.Source != "g.tsv:3" || e.Category != "g" {
		t.Errorf("source %q category %q", e.Source, e.Category)
	}
	if got := e.List("formerly"); !slices.Equal(got, []string{"x", "y"}) {
		t.Errorf("List = %q", got)
	}
	if e.Attr("missing") != "" || e.List("missing") != nil {
		t.Error("missing attribute not empty")
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte(testWeapons))
	f.Add([]byte(testGroups))
	f.Add([]byte("name\taliases\nA\tshell*|IS\n"))
	f.Add([]byte("\uFEFF# x\r\nname\r\n\xff\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := parseTSV("f", "f.tsv", data)
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		b := newBuilder()
		b.add("f", rows)
		l := b.build()
		for _, e := range rows {
			if e.Name == "" {
				t.Fatal("empty name accepted")
			}
			l.Find(e.Name, 0)
			if l.Get("f", e.Name) == nil {
				t.Fatalf("Get(%q) = nil", e.Name)
			}
		}
	})
}
