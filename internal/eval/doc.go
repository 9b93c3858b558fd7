// Package eval scores sitrep against gold data: toponym recognition and resolution (GeoWebNews, GeoVirus),
// events field by field (the seed's gold.json) and entities (re3d). The scorers work on plain values and do
// no I/O beyond reading gold files from an io.Reader; the CLI (internal/cli/eval_*.go) runs the engines.
//
// Matching conventions shared by every scorer:
//   - spans are UTF-8 byte offsets, end exclusive;
//   - a predicted span matches a gold span when they share at least one byte (overlap) or, in the exact
//     variant, when both ends agree;
//   - matching is one-to-one and greedy: candidate pairs are taken in order of decreasing overlap (ties: the
//     pair whose ends differ least, then the earlier gold, then the earlier prediction), skipping any pair
//     whose gold or prediction is already taken.
package eval
