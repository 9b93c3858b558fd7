package extract

import "testing"

// TestConveyance: the vehicle a party rides is told apart from the vehicle it hits.
func TestConveyance(t *testing.T) {
	tests := []struct {
		in, vehicle string
		want        bool
	}{
		{"Gunmen arrived on motorcycles and opened fire.", "motorcycles", true},
		{"The attackers stormed the town in about 30 pickup trucks.", "pickup trucks", true},
		{"Militants on motorbikes shot two farmers.", "motorbikes", true},
		{"Men riding motorcycles killed a teacher.", "motorcycles", true},
		{"Police shot a man riding a motorcycle.", "motorcycle", false},
		{"Gunmen opened fire on a bus.", "bus", false},
		{"A bomb exploded in a car near the market.", "car", false},
		{"Soldiers fired on civilians in vehicles fleeing the town.", "vehicles", false},
	}
	for _, tt := range tests {
		s := &sent{}
		s.Text, s.Start = tt.in, 0
		s.tokenize()
		at := -1
		for i := range s.Tokens {
			if s.Tokens[i].Text == firstWord(tt.vehicle) {
				at = i
			}
		}
		if at < 0 {
			t.Fatalf("%q: no %q", tt.in, tt.vehicle)
		}
		if got := s.conveyance(at); got != tt.want {
			t.Errorf("conveyance(%q in %q) = %v, want %v", tt.vehicle, tt.in, got, tt.want)
		}
	}
}

func firstWord(s string) string {
	for i := range s {
		if s[i] == ' ' {
			return s[:i]
		}
	}
	return s
}
