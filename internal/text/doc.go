// Package text splits documents into sentences and tokens with UTF-8 byte offsets, and folds strings into
// matching keys. Offsets always point into the original text; folded strings are keys only.
package text
