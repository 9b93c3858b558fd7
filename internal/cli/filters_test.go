package cli

import (
	"errors"
	"flag"
	"io"
	"reflect"
	"testing"

	"sitrep/internal/event"
	"sitrep/internal/store"
)

func TestFilterFlags(t *testing.T) {
	tests := []struct {
		args []string
		want store.Filter
		bad  bool
	}{
		{nil, store.Filter{}, false},
		{[]string{"--from", "2026-03-01", "--to", "2026-03-31", "--country", "syr", "--admin1", "Idlib",
			"--event-type", "Battles", "--sub-event-type", "Armed clash", "--actor", "militia", "--q", "market",
			"--min-fatalities", "5", "--bbox", "35.5, 35, 37,36.5"},
			store.Filter{From: event.NewDate(2026, 3, 1), To: event.NewDate(2026, 3, 31), Country: "SY",
				Admin1: "Idlib", EventType: "Battles", SubEventType: "Armed clash", Actor: "militia", Query: "market",
				MinFatalities: 5, BBox: &store.BBox{MinLon: 35.5, MinLat: 35, MaxLon: 37, MaxLat: 36.5}}, false},
		{[]string{"--country", "Democratic Republic of the Congo"}, store.Filter{Country: "CD"}, false},
		{[]string{"--actor", "RSF"}, store.Filter{Actor: "Rapid Support Forces"}, false},
		{[]string{"--actor", "Wagner"}, store.Filter{Actor: "Wagner"}, false},
		{[]string{"--actor", "Russian Air Force"}, store.Filter{Actor: "Military Forces of Russia"}, false},
		{[]string{"--actor", "SNA"}, store.Filter{Actor: "Military Forces of Somalia"}, false},
		{[]string{"--actor", "SNA", "--country", "Syria"}, store.Filter{Actor: "Syrian National Army", Country: "SY"}, false},
		{[]string{"--from", "03/01/2026"}, store.Filter{}, true},
		{[]string{"--min-fatalities", "-1"}, store.Filter{}, true},
		{[]string{"--bbox", "10,10,5,20"}, store.Filter{}, true},
		{[]string{"--bbox", "0,95,1,96"}, store.Filter{}, true},
		{[]string{"--bbox", "a,b,c,d"}, store.Filter{}, true},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		build := filterFlags(fs)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatalf("%q: %v", tt.args, err)
		}
		got, err := build()
		var ue usageError
		switch {
		case tt.bad && !errors.As(err, &ue):
			t.Errorf("%q: error %v, want a usage error", tt.args, err)
		case !tt.bad && err != nil:
			t.Errorf("%q: %v", tt.args, err)
		case !tt.bad && !reflect.DeepEqual(got, tt.want):
			t.Errorf("%q:\n got %+v\nwant %+v", tt.args, got, tt.want)
		}
	}
}
