package gazetteer

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/klauspost/compress/zstd"
)

// Build reads a GeoNames geoname table (the cities500.txt of the embedded data, or any XX.txt) from r and
// writes the zstd-compressed index blob that the package embeds to w.
func Build(ctx context.Context, r io.Reader, w io.Writer) error {
	b := newBuilder()
	b.dedupe = true
	n, err := scanLines(ctx, r, func(line []byte) error {
		e, err := parseGeoname(line)
		if err != nil {
			return err
		}
		b.add(e, keepName)
		return nil
	})
	if err != nil {
		return fmt.Errorf("build gazetteer: line %d: %w", n, err)
	}
	var raw bytes.Buffer
	if err := b.writeTo(&raw); err != nil {
		return fmt.Errorf("build gazetteer: %w", err)
	}
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderCRC(true))
	if err != nil {
		return fmt.Errorf("build gazetteer: %w", err)
	}
	defer enc.Close()
	if _, err := w.Write(enc.EncodeAll(raw.Bytes(), nil)); err != nil {
		return fmt.Errorf("build gazetteer: %w", err)
	}
	return nil
}

// maxLine bounds one line of a GeoNames file (the longest allCountries rows are about 20 KB).
const maxLine = 4 << 20

// scanLines calls fn on every non-empty line of r that is not a '#' comment; it returns the number of the
// last line read, for error messages.
func scanLines(ctx context.Context, r io.Reader, fn func([]byte) error) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		n++
		if n%65536 == 0 && ctx.Err() != nil {
			return n, ctx.Err()
		}
		line := sc.Bytes()
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if err := fn(line); err != nil {
			return n, err
		}
	}
	if err := sc.Err(); err != nil {
		return n + 1, fmt.Errorf("read: %w", err)
	}
	return n, nil
}
