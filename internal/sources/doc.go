// Package sources holds the inputs other than feeds: lists of URLs, and a watched directory whose new and changed
// article files are taken through the pipeline as they appear.
package sources
