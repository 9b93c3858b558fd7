package timex

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"sitrep/internal/event"
)

func (e Expr) summary() string {
	mark := ""
	if e.Dateline {
		mark = " [dateline]"
	}
	if !e.Resolved {
		return e.Text + "=?/" + e.Precision + mark
	}
	return e.Text + "=" + e.From.String() + ".." + e.To.String() + "/" + e.Precision + mark
}

func TestPhrases(t *testing.T) {
	f, err := os.Open("testdata/phrases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, " | ")
		if len(parts) != 3 {
			t.Fatalf("bad line %q", line)
		}
		parts[1] = strings.ReplaceAll(parts[1], `\n`, "\n")
		var pub *event.Date
		if parts[0] != "-" {
			d, err := event.ParseDate(parts[0])
			if err != nil {
				t.Fatal(err)
			}
			pub = &d
		}
		var got []string
		for _, e := range Find(parts[1], pub) {
			got = append(got, e.summary())
			if parts[1][e.Start:e.End] != e.Text {
				t.Errorf("%q: bad span %d:%d", parts[1], e.Start, e.End)
			}
		}
		g := strings.Join(got, "; ")
		if g == "" {
			g = "-"
		}
		if g != parts[2] {
			t.Errorf("pub %s: %q\n got %s\nwant %s", parts[0], parts[1], g, parts[2])
		}
		n++
	}
	if n < 40 {
		t.Fatalf("only %d cases read", n)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"on 19 September 2016", "last Tuesday night", "3 days ago", "2016-02-30", "May 99", "\xffOct. 5"} {
		f.Add(s)
	}
	pub := event.NewDate(2016, 10, 5)
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range []*event.Date{nil, &pub} {
			last := 0
			for _, e := range Find(s, p) {
				if e.Start < last || e.End < e.Start || e.End > len(s) || s[e.Start:e.End] != e.Text {
					t.Fatalf("bad span %d:%d in %q", e.Start, e.End, s)
				}
				if e.Resolved && e.To.Before(e.From.Time) {
					t.Fatalf("interval %s..%s reversed for %q", e.From, e.To, e.Text)
				}
				last = e.End
			}
		}
	})
}
