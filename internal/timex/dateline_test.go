package timex

import (
	"testing"

	"sitrep/internal/event"
)

func TestAnchor(t *testing.T) {
	pub := event.NewDate(2016, 10, 5)
	tests := []struct {
		name, text string
		pub        *event.Date
		want       string
	}{
		{"dateline the day before", "BEIRUT, Oct 4 (Reuters) - Jets struck on Monday.", &pub, "2016-10-04"},
		{"dateline on the day", "Headline\nBEIRUT, Oct 5 (Reuters) - Jets struck.", &pub, "2016-10-05"},
		{"no dateline", "Jets struck Aleppo on Oct 4 - again.\nMore text.", &pub, "2016-10-05"},
		{"dateline long before", "BEIRUT, Sept 2 (Reuters) - Jets struck.", &pub, "2016-10-05"},
		{"dateline after publication", "BEIRUT, Oct 9 (Reuters) - Jets struck.", &pub, "2016-10-05"},
		{"no publication date", "BEIRUT, Oct 4 (Reuters) - Jets struck.", nil, "-"},
	}
	for _, tt := range tests {
		got := "-"
		if d := Anchor(tt.text, tt.pub); d != nil {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("%s: Anchor = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestDatelineUnresolved(t *testing.T) {
	xs := Find("KHARTOUM, July 6 (Meridian Wire) - Shells struck on Sunday.", nil)
	if len(xs) != 2 || !xs[0].Dateline || xs[1].Dateline || xs[0].Resolved {
		t.Fatalf("got %+v", xs)
	}
}

func FuzzAnchor(f *testing.F) {
	for _, s := range []string{"BEIRUT, Oct 4 (Reuters) - Jets struck.", "Oct 4 -", "\n, 31 Dec (x) —", "\xff, Oct 5 /TASS/."} {
		f.Add(s)
	}
	pub := event.NewDate(2016, 10, 5)
	f.Fuzz(func(t *testing.T, s string) {
		d := Anchor(s, &pub)
		if d == nil || d.After(pub.Time) || d.Before(pub.AddDays(-7).Time) {
			t.Fatalf("Anchor(%q) = %v", s, d)
		}
	})
}

func TestRefines(t *testing.T) {
	pub := event.NewDate(2016, 10, 5)
	find := func(s string) Expr {
		t.Helper()
		xs := Find(s, &pub)
		if len(xs) != 1 {
			t.Fatalf("%q: %d expressions", s, len(xs))
		}
		return xs[0]
	}
	lastWeek, sept, thu := find("last week"), find("in September"), find("on Thursday")
	tests := []struct {
		name         string
		fine, coarse Expr
		want         bool
	}{
		{"weekday in last week", thu, lastWeek, true},
		{"weekday in month", thu, sept, true},
		{"week in month", lastWeek, sept, false}, // last week runs into October
		{"same interval", thu, thu, false},
		{"coarse in fine", sept, thu, false},
		{"unresolved", Expr{}, sept, false},
	}
	for _, tt := range tests {
		if got := tt.fine.Refines(tt.coarse); got != tt.want {
			t.Errorf("%s: Refines = %v, want %v", tt.name, got, tt.want)
		}
	}
}
