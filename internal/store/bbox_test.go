package store

import "testing"

func TestParseBBox(t *testing.T) {
	tests := []struct {
		in      string
		want    *BBox
		wantErr bool
	}{
		{"", nil, false},
		{"35.5, 35, 37,36.5", &BBox{MinLon: 35.5, MinLat: 35, MaxLon: 37, MaxLat: 36.5}, false},
		{"-180,-90,180,90", &BBox{MinLon: -180, MinLat: -90, MaxLon: 180, MaxLat: 90}, false},
		{"1,2,3", nil, true},
		{"a,b,c,d", nil, true},
		{"NaN,0,1,1", nil, true},
		{"0,0,Inf,1", nil, true},
		{"0,0,200,5", nil, true},
		{"0,95,1,96", nil, true},
		{"10,0,5,5", nil, true},
		{"10,10,5,20", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseBBox(tt.in)
		if (err != nil) != tt.wantErr || (tt.want == nil) != (got == nil) || (got != nil && *got != *tt.want) {
			t.Errorf("ParseBBox(%q) = %+v, %v; want %+v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}
