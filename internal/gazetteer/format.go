package gazetteer

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// The index format, shared by the embedded data and the imported overlay (all integers little-endian uint32):
//
//	magic "SGZ1", nPlaces, nPrimary, nLoose, stringsLen
//	places   nPlaces records of recordSize bytes (see record offsets below)
//	primary  nPrimary key refs, nPrimary+1 posting starts, postings (place numbers)
//	loose    the same for loose keys
//	strings  uvarint-length-prefixed strings; a ref is the offset of the length
//
// Keys are sorted bytewise, so lookups and prefix tests are binary searches over the mapped bytes; nothing
// is decoded at load.
const (
	magic      = "SGZ1"
	headerSize = 20
	recordSize = 32
)

// Record field offsets.
const (
	recID      = 0  // uint32 GeoNames id
	recLat     = 4  // int32 microdegrees
	recLon     = 8  // int32 microdegrees
	recPop     = 12 // uint32 population (saturated)
	recName    = 16 // string ref
	recCode    = 20 // string ref
	recAdmin1  = 24 // string ref
	recCountry = 28 // two bytes ISO code
	recClass   = 30 // feature class byte
)

// ErrFormat reports index data that is not in the expected format (truncated, corrupt, or another version).
var ErrFormat = errors.New("gazetteer: bad index format")

// keyTable is one sorted key index inside an index blob.
type keyTable struct {
	n     int
	keys  []byte // n refs
	start []byte // n+1 posting starts
	posts []byte
}

func u32(b []byte, i int) uint32 { return binary.LittleEndian.Uint32(b[4*i:]) }

// parseKeyTable reads a key table at data[off:], returning it and the offset just past it.
func parseKeyTable(data []byte, off, n int) (keyTable, int, error) {
	t := keyTable{n: n}
	need := off + 4*n + 4*(n+1)
	if n < 0 || need > len(data) {
		return t, 0, fmt.Errorf("%w: key table past end", ErrFormat)
	}
	t.keys = data[off : off+4*n]
	t.start = data[off+4*n : need]
	total := int(u32(t.start, n))
	end := need + 4*total
	if end > len(data) || end < need {
		return t, 0, fmt.Errorf("%w: postings past end", ErrFormat)
	}
	t.posts = data[need:end]
	return t, end, nil
}
