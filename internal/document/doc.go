// Package document turns sitrep's inputs (a file, a URL, standard input; plain text, HTML or JSON Lines) into
// event.Documents: plain text that spans point into, with a stable id, title, URL, publication date and language.
//
// Rules, so that callers and users can rely on them:
//   - Format "auto" chooses by file extension (.html .htm .xhtml, .jsonl .ndjson, .txt .text), then by the
//     Content-Type of a fetched URL, then by sniffing the first bytes ('{' starts JSON Lines, an <html> or
//     <!doctype html> tag or a leading tag such as <body>, <article>, <div>, <p> means HTML, anything else is text).
//   - Text is normalised: a byte order mark is dropped, CRLF and lone CR become LF, UTF-16 with a byte order mark is
//     decoded, and invalid UTF-8 sequences are repaired to U+FFFD (each maximal invalid run becomes one U+FFFD)
//     rather than refused. Binary data (a NUL byte, or more than 10% control bytes in the first 8 KiB) is refused
//     with ErrBinary. Input with no visible text is refused with ErrEmpty.
//   - Ids are stable: the id given in a JSON Lines record; else "u" + the first 24 hex digits of the SHA-256 of the
//     canonical URL (CanonicalURL) when the document has an http(s) URL; else "c" + the first 24 hex digits of the
//     SHA-256 of the normalised text.
//   - MaxBytes (DefaultMaxBytes when 0) limits one document: a larger file, standard input or page is refused with
//     ErrTooLarge and a message naming the limit and the --max-bytes flag. JSON Lines input is streamed: the stream
//     may be of any length, each line is limited to MaxBytes, and a line's problem is a *LineError after which
//     Next continues with the following line.
//   - Options.Published overrides every other publication date (the record's "published", HTML metadata).
//   - Language is set by DetectLanguage; text too short or too mixed to tell keeps Language "".
package document
